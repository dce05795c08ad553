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
