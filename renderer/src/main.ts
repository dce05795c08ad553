import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { API_KEY, createApiClient } from './api/client';
import { DESKTOP_KEY, createDesktopClient } from './api/desktop';
import { createAppRouter } from './router';
import './styles/fonts.css';
import './styles/base.css';

const app = createApp(App);
app.provide(API_KEY, createApiClient(window.rapport));
app.provide(DESKTOP_KEY, createDesktopClient(window.rapportDesktop));
app.use(createPinia());
app.use(createAppRouter());
app.mount('#app');
