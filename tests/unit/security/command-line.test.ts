import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSED_SWITCHES, refusedSwitches, refusedSwitchesMessage } from '../../../electron/security/command-line';
import { dataLocation } from '../../../electron/security/data-location';

describe('switches a packaged build refuses', () => {
  it('finds remote debugging, inspectors and V8 flags however they are written', () => {
    expect(refusedSwitches(['--remote-debugging-port=9222'], 'linux')).toEqual(['remote-debugging-port']);
    expect(refusedSwitches(['--remote-debugging-pipe'], 'darwin')).toEqual(['remote-debugging-pipe']);
    expect(refusedSwitches(['-remote-debugging-port', '9222'], 'linux')).toEqual(['remote-debugging-port']);
    expect(refusedSwitches(['--inspect=0.0.0.0:9229', '--inspect-brk', '--js-flags=--allow-natives-syntax'], 'linux')).toEqual([
      'inspect',
      'inspect-brk',
      'js-flags',
    ]);
    expect(refusedSwitches(['/Remote-Debugging-Port=9222'], 'win32')).toEqual(['remote-debugging-port']);
    expect(refusedSwitches(['--', '--renderer-cmd-prefix=/tmp/evil'], 'linux')).toEqual(['renderer-cmd-prefix']);
    expect(refusedSwitches(['--proxy-server=http://attacker.example:8080', '--host-resolver-rules=MAP * 10.0.0.1'], 'linux')).toEqual([
      'proxy-server',
      'host-resolver-rules',
    ]);
  });

  it('also refuses what Chromium’s own command line holds', () => {
    const held = new Set(['remote-debugging-port']);
    expect(refusedSwitches([], 'linux', (name) => held.has(name))).toEqual(['remote-debugging-port']);
  });

  it('lets ordinary launches through', () => {
    expect(refusedSwitches([], 'linux')).toEqual([]);
    expect(refusedSwitches(['-psn_0_12345'], 'darwin')).toEqual([]);
    expect(refusedSwitches(['--', '-', '/home/coach/notes.txt', '--inspector-less-option'], 'linux')).toEqual([]);
    expect(refusedSwitches(['/remote-debugging-port=1'], 'linux')).toEqual([]);
  });

  it('covers every switch the fuses leave open that gives another program the page', () => {
    for (const name of [
      'remote-debugging-port',
      'remote-debugging-pipe',
      'inspect',
      'inspect-brk',
      'inspect-port',
      'js-flags',
      'load-extension',
    ]) {
      expect(REFUSED_SWITCHES).toContain(name);
    }
  });

  it('tells the coach in plain words', () => {
    expect(refusedSwitchesMessage(['remote-debugging-port'])).toMatch(
      /started with --remote-debugging-port, which would let another program read or change/,
    );
  });
});

describe('where the data lives', () => {
  const userData = join('/home', 'coach', '.config', 'Rapport');

  it('follows RAPPORT_DATA_DIR in development and tests', () => {
    expect(dataLocation({ isPackaged: false, env: { RAPPORT_DATA_DIR: '/tmp/e2e/data' }, userData })).toEqual({
      dataDir: '/tmp/e2e/data',
      backupsDir: join('/tmp/e2e', 'backups'),
    });
  });

  it('ignores RAPPORT_DATA_DIR in a packaged build', () => {
    expect(dataLocation({ isPackaged: true, env: { RAPPORT_DATA_DIR: '\\\\attacker.example\\share' }, userData })).toEqual({
      dataDir: join(userData, 'rapport-data'),
      backupsDir: join(userData, 'backups'),
    });
  });

  it('uses the userData folder when nothing is set', () => {
    expect(dataLocation({ isPackaged: false, env: {}, userData }).dataDir).toBe(join(userData, 'rapport-data'));
  });
});
