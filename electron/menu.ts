import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../shared/api/desktop';

interface Command {
  label: string;
  command: MenuCommand;
  accelerator: string;
}

const FILE_COMMANDS: Command[][] = [
  [
    { label: 'New Client', command: 'new-client', accelerator: 'CmdOrCtrl+N' },
    { label: 'New Session', command: 'new-session', accelerator: 'CmdOrCtrl+Shift+N' },
  ],
  [
    { label: 'Print…', command: 'print', accelerator: 'CmdOrCtrl+P' },
    { label: 'Save as PDF…', command: 'save-pdf', accelerator: 'CmdOrCtrl+Shift+P' },
  ],
  [
    { label: 'Back Up Now…', command: 'backup-now', accelerator: 'CmdOrCtrl+Shift+B' },
    { label: 'Restore from Backup…', command: 'restore-backup', accelerator: 'CmdOrCtrl+Shift+R' },
  ],
];

/** The application menu: every command is sent to the focused window as a plain command name. */
export function buildMenu(focusedWindow: () => BrowserWindow | undefined): void {
  const isMac = process.platform === 'darwin';
  const item = ({ label, command, accelerator }: Command): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => focusedWindow()?.webContents.send(MENU_CHANNEL, command),
  });
  const settings = item({ label: isMac ? 'Settings…' : 'Settings', command: 'settings', accelerator: 'CmdOrCtrl+,' });
  const fileItems = FILE_COMMANDS.flatMap((group, index) => [...(index > 0 ? [{ type: 'separator' as const }] : []), ...group.map(item)]);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'Rapport',
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              settings,
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: 'File',
      submenu: [
        ...fileItems,
        ...(isMac ? [] : [{ type: 'separator' as const }, settings, { type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item({ label: 'Find Anything…', command: 'search', accelerator: 'CmdOrCtrl+K' }),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
