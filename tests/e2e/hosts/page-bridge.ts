import type { buildBridge } from '../../../shared/bridge';
import type { MenuCommand } from '../../../shared/api/desktop';
import type { Envelope } from '../../../shared/errors';
import type { copyAcrossContextBridge } from '../../helpers/context-bridge-copy';

type Invoke = (channel: string, args: unknown[]) => Promise<Envelope<unknown>>;
/** The workspace's answer as JSON text: see startBrowserHost. */
type InvokeAsJson = (channel: string, args: unknown[]) => Promise<string>;

/** What the browser host adds to the page besides window.rapport and window.rapportDesktop. */
export interface HostBindings {
  __rapportInvoke: InvokeAsJson;
  __rapportDesktopInvoke: Invoke;
  __rapportMenuCommand(command: MenuCommand): void;
}

interface BridgeChannels {
  channels: readonly string[];
  desktopChannels: readonly string[];
}

/**
 * Runs in the page before any of its scripts, playing the part of electron/preload.ts with the
 * very same buildBridge. It must stay self-contained: it is serialised into the page.
 *
 * Playwright would carry anything across (a Vue reactive Proxy included), so every argument and
 * every answer is first copied as Electron's contextBridge copies it, and refused where the
 * bridge refuses it: a view that sends a reactive object fails here as it fails in the real app.
 */
function installBridges(
  build: typeof buildBridge,
  copy: typeof copyAcrossContextBridge,
  { channels, desktopChannels }: BridgeChannels,
): void {
  const page = window as unknown as Window & HostBindings;
  const listeners: ((command: MenuCommand) => void)[] = [];
  const invoke: Invoke = async (channel, args) => copy(JSON.parse(await page.__rapportInvoke(channel, copy(args))) as Envelope<unknown>);
  const invokeDesktop: Invoke = async (channel, args) => copy(await page.__rapportDesktopInvoke(channel, copy(args)));
  const { desktop } = build<{ desktop: Omit<Window['rapportDesktop'], 'onMenuCommand'> }>(desktopChannels, invokeDesktop);
  page.rapport = Object.freeze(build<Window['rapport']>(channels, invoke));
  page.rapportDesktop = Object.freeze({
    ...desktop,
    onMenuCommand(listener: (command: MenuCommand) => void) {
      listeners.push(listener);
    },
  });
  page.__rapportMenuCommand = (command) => {
    for (const listener of listeners) listener(command);
  };
}

/** The init script's source: installBridges applied to buildBridge, the copy and the channel lists. */
export function bridgeInitScript(build: typeof buildBridge, copy: typeof copyAcrossContextBridge, channels: BridgeChannels): string {
  return `(${installBridges.toString()})(${build.toString()}, ${copy.toString()}, ${JSON.stringify(channels)});`;
}
