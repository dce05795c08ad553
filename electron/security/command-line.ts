/**
 * Switches that let another program drive or watch the app, run code in it, or send its traffic
 * elsewhere. Electron's fuses switch off NODE_OPTIONS and Node's --inspect family, but not
 * Chromium's own switches: `--remote-debugging-port` alone gives any local program the whole
 * page, and with it every client's file. A packaged build refuses to start with any of them.
 */
export const REFUSED_SWITCHES = [
  // Remote control of the page and the main process (Chrome DevTools Protocol, V8 inspector).
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-brk-node',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
  // Code from elsewhere: extensions, and commands run in front of every child process.
  'load-extension',
  'renderer-cmd-prefix',
  'utility-cmd-prefix',
  'gpu-launcher',
  'browser-subprocess-path',
  'gpu-sandbox-start-early',
  // Weaker isolation, or traffic sent somewhere else.
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-file-access-from-files',
  'ignore-certificate-errors',
  'proxy-server',
  'proxy-pac-url',
  'host-rules',
  'host-resolver-rules',
  'user-data-dir',
  'log-file',
  'enable-logging',
] as const;

const REFUSED = new Set<string>(REFUSED_SWITCHES);

/** The switch an argument names, as Chromium reads it: `--name`, `-name` or (Windows) `/name`, up to `=`. */
function switchName(argument: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/.exec(argument)?.[0] ?? (platform === 'win32' && argument.startsWith('/') ? '/' : null);
  if (prefix === null || argument.length === prefix.length) return null;
  const name = argument.slice(prefix.length).split('=', 1)[0];
  // Chromium ignores case on Windows; elsewhere a differently cased switch is not a switch, but refusing it costs nothing.
  return name.toLowerCase();
}

/**
 * The refused switches among the app's arguments (argv without the executable), and any that
 * Chromium's own parsed command line holds (`hasSwitch`, i.e. app.commandLine.hasSwitch). Every
 * argument counts, even after a bare `--`: a packaged Rapport takes no arguments of its own, so
 * there is nothing legitimate to let through.
 */
export function refusedSwitches(
  args: readonly string[],
  platform: NodeJS.Platform = process.platform,
  hasSwitch: (name: string) => boolean = () => false,
): string[] {
  const found = new Set<string>(REFUSED_SWITCHES.filter((name) => hasSwitch(name)));
  for (const argument of args) {
    const name = switchName(argument, platform);
    if (name !== null && REFUSED.has(name)) found.add(name);
  }
  return [...found];
}

/** What the coach reads when Rapport will not start: the switches, and why. */
export function refusedSwitchesMessage(switches: readonly string[]): string {
  return (
    `Rapport was started with ${switches.map((name) => `--${name}`).join(', ')}, which would let another program ` +
    'read or change your clients’ data. Rapport does not start this way. Open it from its usual icon instead.'
  );
}
