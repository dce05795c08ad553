import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { isOpenableLink, openExternalLink } from '../../../electron/external-links';

describe('links the system may open for the coach', () => {
  it.each(['https://example.com/jobs?id=4', 'http://example.org', 'mailto:amara@example.com', 'tel:+442079460958', 'HTTPS://Example.com'])(
    'opens %s',
    (url) => {
      expect(isOpenableLink(url)).toBe(true);
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'rapport://rapport/index.html',
    'vscode://file/etc/passwd',
    'smb://server/share',
    'https://bank.example@evil.example/',
    'https://user:secret@example.com/',
    'https://',
    'mailto:',
    'example.com',
    '',
  ])('refuses %j', (url) => {
    expect(isOpenableLink(url)).toBe(false);
  });

  it('hands an allowed link to the system and refuses anything else with a coded error, opening nothing', async () => {
    const opened: string[] = [];
    const open = async (url: string) => void opened.push(url);
    await openExternalLink('https://example.com', open);
    const refusal = await openExternalLink('file:///etc/passwd', open).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RapportError);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: 'Only web, email and phone links can be opened.' });
    expect(opened).toEqual(['https://example.com']);
  });
});
