import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAllowedRequest, isTrustedSenderUrl } from '../../../electron/security/origins';
import { isTrustedSender } from '../../../electron/security/sender';

describe('network guard', () => {
  it.each([
    'app://rapport/index.html',
    'app://rapport/assets/index-abc.js',
    'data:image/png;base64,AAAA',
    'blob:app://rapport/0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c',
  ])('allows the app’s own %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'http://localhost:5173/',
    'app://evil/index.html',
    'file:///etc/passwd',
    'ws://example.com/',
    'ftp://example.com/',
    'not a url',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('allows the dev server only when one is configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const windows = new Set([7]);
  const trusted = { senderId: 7, frameUrl: 'app://rapport/index.html#/clients', isMainFrame: true };

  it('serves the main frame of an app window showing the app', () => {
    expect(isTrustedSender(trusted, windows)).toBe(true);
  });

  it.each([
    ['another web contents', { ...trusted, senderId: 8 }],
    ['a sub-frame', { ...trusted, isMainFrame: false }],
    ['a frame without a URL', { ...trusted, frameUrl: null }],
    ['a remote page in an app window', { ...trusted, frameUrl: 'https://example.com/' }],
    ['a file page', { ...trusted, frameUrl: 'file:///tmp/x.html' }],
    ['a look-alike origin', { ...trusted, frameUrl: 'app://rapport.evil/index.html' }],
    ['a data: page in an app window', { ...trusted, frameUrl: 'data:text/html,<h1>x</h1>' }],
    ['about:blank in an app window', { ...trusted, frameUrl: 'about:blank' }],
    ['the dev server while not developing', { ...trusted, frameUrl: 'http://localhost:5173/' }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, windows)).toBe(false);
  });

  it('trusts the dev server origin only in development', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('external links', () => {
  it('opens only mail and phone links', () => {
    expect(isAllowedExternalUrl('mailto:amara@example.com')).toBe(true);
    expect(isAllowedExternalUrl('tel:+442079460958')).toBe(true);
    for (const url of ['https://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', '']) {
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('allows nothing remote, no inline script and no eval', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
