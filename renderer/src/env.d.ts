/// <reference types="vite/client" />
import type { RapportApi } from '../../shared/api';
import type { DesktopBridge } from '../../shared/api/desktop';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the browser test host; wrap it with createApiClient. */
    rapport: RapportApi;
    /** File dialogs, printing and menu commands from the desktop shell. */
    rapportDesktop: DesktopBridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
