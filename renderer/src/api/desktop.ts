import { inject, type InjectionKey } from 'vue';
import type { DesktopBridge } from '../../../shared/api/desktop';
import { RapportError } from '../../../shared/errors';

export const DESKTOP_KEY: InjectionKey<DesktopBridge> = Symbol('rapport-desktop');

/** Same error normalisation as the API client: every failure is a RapportError. */
export function createDesktopClient(bridge: DesktopBridge): DesktopBridge {
  const client = { onMenuCommand: (listener) => bridge.onMenuCommand(listener) } as DesktopBridge;
  for (const [name, method] of Object.entries(bridge)) {
    if (name === 'onMenuCommand') continue;
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      (method as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
        throw RapportError.from(error);
      });
  }
  return client;
}

export function useDesktop(): DesktopBridge {
  const desktop = inject(DESKTOP_KEY);
  if (!desktop) throw new Error('The desktop bridge was not provided to the app.');
  return desktop;
}
