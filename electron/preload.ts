import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type RapportApi } from '../shared/api';
import { DESKTOP_CHANNELS, MENU_CHANNEL, MenuCommand, type DesktopApi, type DesktopBridge } from '../shared/api/desktop';
import { buildBridge } from '../shared/bridge';
import type { Envelope } from '../shared/errors';

const invoke = (channel: string, args: unknown[]) => ipcRenderer.invoke(channel, ...args) as Promise<Envelope<unknown>>;

const rapport = buildBridge<RapportApi>(CHANNELS, invoke) satisfies RapportApi;
const { desktop } = buildBridge<{ desktop: DesktopApi }>(DESKTOP_CHANNELS, invoke);

contextBridge.exposeInMainWorld('rapport', rapport);
contextBridge.exposeInMainWorld('rapportDesktop', {
  ...desktop,
  /** Menu commands reach the page as plain command names; the IPC event never does. */
  onMenuCommand(listener: (command: MenuCommand) => void) {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      const parsed = MenuCommand.safeParse(command);
      if (parsed.success) listener(parsed.data);
    });
  },
} satisfies DesktopBridge);
