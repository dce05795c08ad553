/// <reference types="vite/client" />
import type { RapportApi } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the browser test host; wrap it with createApiClient. */
    rapport: RapportApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
