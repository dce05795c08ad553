import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/origins';
import { contextMenuTemplate, type ContextMenuInput } from '../../../electron/shell/context-menu';
import { contentSecurityPolicy, withDevelopmentPolicy } from '../../../electron/shell/csp';
import { isPermissionGranted } from '../../../electron/shell/permissions';
import { printFailure } from '../../../electron/shell/print-result';

describe('the print dialog’s answer', () => {
  it('is silent when the coach cancels (Electron 45 says "Print job canceled")', () => {
    expect(printFailure(false, 'Print job canceled')).toBeNull();
    expect(printFailure(true, '')).toBeNull();
  });

  it.each(['Print job failed', 'Invalid printer settings'])('is an IO_ERROR in plain words for %j', (reason) => {
    expect(printFailure(false, reason)).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/could not be printed/) });
  });
});

describe('permissions', () => {
  it('grants clipboard writing to the app’s own pages only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://rapport/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://rapport')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it.each([
    ['clipboard-sanitized-write', 'https://evil.example/'],
    ['clipboard-sanitized-write', 'app://other/index.html'],
    ['clipboard-sanitized-write', 'http://localhost:5173/'],
    ['clipboard-sanitized-write', undefined],
    ['clipboard-read', 'app://rapport/index.html'],
    ['notifications', 'app://rapport/index.html'],
    ['media', 'app://rapport/index.html'],
    ['openExternal', 'app://rapport/index.html'],
  ])('denies %s for %s', (permission, url) => {
    expect(isPermissionGranted(permission, url)).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('in a build allows no inline style, script or eval', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(directives(CONTENT_SECURITY_POLICY)['style-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
    expect(directives(CONTENT_SECURITY_POLICY)['frame-ancestors']).toEqual(["'none'"]);
  });

  it('in development allows inline styles only, for Vite’s injected ones', () => {
    const development = directives(contentSecurityPolicy({ development: true }));
    expect(development['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(development['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ development: true }).match(/unsafe/g)).toHaveLength(1);
  });

  it('is the policy of index.html’s <meta>, which the dev server alone rewrites', async () => {
    const html = await readFile(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = (page: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1];
    expect(meta(html)).toBe(contentSecurityPolicy({ forMeta: true }));
    expect(meta(withDevelopmentPolicy(html))).toBe(contentSecurityPolicy({ development: true, forMeta: true }));
    expect(withDevelopmentPolicy(html).replace(/content="[^"]*unsafe-inline[^"]*"/, '')).not.toMatch(/unsafe/);
  });

  it('is rewritten by a Vite plugin that applies to the dev server only, never to a build', async () => {
    const configPath = resolve(import.meta.dirname, '../../../electron.vite.config.ts');
    const { default: config } = (await import(configPath)) as { default: { renderer: { plugins: { name: string; apply?: string }[] } } };
    const plugin = config.renderer.plugins.find((candidate) => candidate.name === 'rapport-dev-csp');
    expect(plugin?.apply).toBe('serve');
  });
});

describe('the right-click menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
  const input = (overrides: Partial<ContextMenuInput>): ContextMenuInput => ({
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: flags,
    ...overrides,
  });
  const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn() });
  const shape = (items: ReturnType<typeof contextMenuTemplate>) =>
    items.map((item) => ('role' in item ? `${item.role}${item.enabled ? '' : ' (off)'}` : 'label' in item ? item.label : '—'));

  it('offers suggestions, Add to Dictionary and the edit commands for a misspelt word', () => {
    const act = actions();
    const items = contextMenuTemplate(input({ misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }), act);
    expect(shape(items)).toEqual(['receive', 'relieve', '—', 'Add to Dictionary', '—', 'cut', 'copy', 'paste', '—', 'selectAll']);
    (items[0] as { click: () => void }).click();
    expect(act.replaceMisspelling).toHaveBeenCalledWith('receive');
    (items[3] as { click: () => void }).click();
    expect(act.addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('says so when there is no suggestion, and keeps at most five', () => {
    expect(shape(contextMenuTemplate(input({ misspelledWord: 'Okafor' }), actions())).slice(0, 3)).toEqual([
      'No spelling suggestions',
      '—',
      'Add to Dictionary',
    ]);
    const many = contextMenuTemplate(input({ misspelledWord: 'x', dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), actions());
    expect(shape(many).slice(0, 6)).toEqual(['a', 'b', 'c', 'd', 'e', '—']);
  });

  it('follows the edit flags where the coach types', () => {
    const items = contextMenuTemplate(
      input({ editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } }),
      actions(),
    );
    expect(shape(items)).toEqual(['cut (off)', 'copy (off)', 'paste', '—', 'selectAll']);
  });

  it('offers only Copy for selected text on the page, and nothing elsewhere', () => {
    expect(shape(contextMenuTemplate(input({ isEditable: false, selectionText: 'Amara' }), actions()))).toEqual(['copy']);
    expect(contextMenuTemplate(input({ isEditable: false }), actions())).toEqual([]);
  });
});
