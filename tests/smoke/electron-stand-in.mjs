// A stand-in for the `electron` module, for running the built main bundle in plain Node. It is a
// recorder, not a fake app: it keeps what the main process asked for, and enforces the rules
// Electron documents for the calls the bundle makes:
// - BrowserWindow, session.defaultSession, screen, protocol.handle and the file dialogs only
//   after `ready` ("cannot be used before the ready event of the app module is emitted");
// - protocol.registerSchemesAsPrivileged only before `ready`, and only once;
// - ipcMain.handle once per channel (Electron throws on a second handler);
// - IPC arguments and answers are structured-cloned, as Electron's IPC does;
// - app.quit emits before-quit, closes the windows, then will-quit, which may be prevented.
// A broken rule throws, as Electron does, and is also kept in `violations`, because a caller
// may swallow the error. The driver (drive.mjs) reaches the records through `standIn`.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const config = JSON.parse(process.env.RAPPORT_STAND_IN ?? '{}');
const journal = [];
const violations = [];
let lastPopup = null;
let isReady = false;
let resolveReady;
const readyPromise = new Promise((resolve) => (resolveReady = resolve));
let resolveEnded;
const ended = new Promise((resolve) => (resolveEnded = resolve));

function record(api, detail) {
  journal.push(detail === undefined ? { api } : { api, detail: JSON.parse(JSON.stringify(detail)) });
}

function broken(rule) {
  violations.push(rule);
  throw new Error(rule);
}

function afterReady(api) {
  if (!isReady) broken(`${api} cannot be used before the app is ready`);
}

class Emitter extends EventEmitter {}

class CommandLine {
  // Chromium's own parse of the command line: the switches the driver says the app was started with.
  hasSwitch(name) {
    return (config.switches ?? []).includes(name);
  }
}

class App extends Emitter {
  isPackaged = true;
  commandLine = new CommandLine();
  whenReady() {
    return readyPromise;
  }
  isReady() {
    return isReady;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return config.firstInstance !== false;
  }
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock');
  }
  getPath(name) {
    return join(config.userData, name);
  }
  getVersion() {
    return '0.0.0-smoke';
  }
  quit() {
    record('app.quit');
    setImmediate(() => {
      const before = quitEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      for (const window of BrowserWindow.getAllWindows()) window.close();
      const will = quitEvent();
      this.emit('will-quit', will);
      if (will.defaultPrevented) return;
      record('app.quitted');
      resolveEnded('quit');
    });
  }
  exit(code = 0) {
    record('app.exit', code);
    resolveEnded(`exit ${code}`);
  }
}

function quitEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export const app = new App();

class WebRequest {
  onBeforeRequest(listener) {
    record('webRequest.onBeforeRequest');
    this.listener = listener;
  }
}

class Session extends Emitter {
  webRequest = new WebRequest();
  handlers = {};
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler');
    this.handlers.request = handler;
  }
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler');
    this.handlers.check = handler;
  }
  setSpellCheckerDictionaryDownloadURL(url) {
    record('session.setSpellCheckerDictionaryDownloadURL', url);
  }
  addWordToSpellCheckerDictionary(word) {
    record('session.addWordToSpellCheckerDictionary', word);
    return true;
  }
}

const defaultSession = new Session();
export const session = {
  get defaultSession() {
    afterReady('session.defaultSession');
    return defaultSession;
  },
};

let nextContentsId = 1;
class WebContents extends Emitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.mainFrame = { url: '' };
    this.session = defaultSession;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, ...args) {
    record('webContents.send', { channel, args });
  }
  replaceMisspelling(word) {
    record('webContents.replaceMisspelling', word);
  }
  getURL() {
    return this.mainFrame.url;
  }
}

const windows = [];
export class BrowserWindow extends Emitter {
  constructor(options = {}) {
    super();
    afterReady('new BrowserWindow');
    if (config.failWindow) throw new Error('The window could not be created.');
    record('new BrowserWindow', options);
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  static getFocusedWindow() {
    return null;
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.emit('close', quitEvent());
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

const ipcHandlers = new Map();
export const ipcMain = {
  handle(channel, listener) {
    record('ipcMain.handle', channel);
    if (ipcHandlers.has(channel)) broken(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener);
  },
};

let schemesRegistered = false;
const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (isReady) broken('protocol.registerSchemesAsPrivileged can only be used before the app is ready');
    if (schemesRegistered) broken('protocol.registerSchemesAsPrivileged can be called only once');
    schemesRegistered = true;
  },
  handle(scheme, handler) {
    afterReady('protocol.handle');
    record('protocol.handle', scheme);
    protocolHandlers.set(scheme, handler);
  },
};

/** Electron's net.fetch reads file: URLs, and rejects for a missing file. */
export const net = {
  async fetch(url) {
    if (!url.startsWith('file:')) broken(`The smoke stand-in only fetches file: URLs, not ${url}`);
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      throw new Error('net::ERR_FILE_NOT_FOUND');
    }
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
  async showSaveDialog() {
    afterReady('dialog.showSaveDialog');
    return { canceled: true, filePath: '' };
  },
  async showOpenDialog() {
    afterReady('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
};

function describeItems(template) {
  return template.map((item) => item.role ?? item.label ?? item.type);
}

export const Menu = {
  buildFromTemplate(template) {
    record('Menu.buildFromTemplate', describeItems(template));
    return {
      template,
      popup(options) {
        record('Menu.popup', { items: describeItems(template), window: options?.window ? 'window' : null });
        lastPopup = template;
      },
    };
  },
  setApplicationMenu() {
    record('Menu.setApplicationMenu');
  },
};

export const shell = {
  async openExternal(url) {
    record('shell.openExternal', url);
  },
};

export const screen = {
  getAllDisplays() {
    afterReady('screen.getAllDisplays');
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
};

/** The driver's side: what was recorded, and the events and calls only Electron could make. */
export const standIn = {
  journal,
  violations,
  ended,
  emitReady() {
    isReady = true;
    app.emit('ready');
    resolveReady();
  },
  mainWindow() {
    return windows[0];
  },
  lastPopup() {
    return lastPopup;
  },
  permissionHandlers() {
    return defaultSession.handlers;
  },
  /** A call as ipcRenderer.invoke would make it, from the main frame showing frameUrl. */
  async invoke(channel, window, frameUrl, args) {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler for '${channel}'`);
    const sender = window.webContents;
    const frame = { url: frameUrl };
    sender.mainFrame = frame;
    const event = { sender, senderFrame: frame, processId: 1, frameId: 1 };
    return structuredClone(await handler(event, ...structuredClone(args)));
  },
  async request(url) {
    const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    return handler(new Request(url));
  },
};
