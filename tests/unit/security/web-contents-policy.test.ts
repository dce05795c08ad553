import { describe, expect, it } from 'vitest';
import { windowOpenDecision } from '../../../electron/security/web-contents-policy';

describe('new windows (window.open, target=_blank, middle click)', () => {
  it.each(['mailto:amara@example.com', 'tel:+442079460958'])('denies the window and hands %s to the OS', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: true });
  });

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'app://rapport/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'smb://host/share',
    'about:blank',
    '',
  ])('denies the window and opens nothing for %s', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });
});
