import { describe, expect, it } from 'vitest';
import { desktopContract } from '../../../shared/api/desktop';

describe('desktop contract', () => {
  it('accepts plain file names and print routes', () => {
    expect(desktopContract.saveAsPdf.safeParse(['/print/agenda/a1/b2', 'Agenda – Amara 2026-03-02.pdf']).success).toBe(true);
    expect(desktopContract.chooseBackupSavePath.safeParse(['Rapport backup 2026-03-02.rapport-backup']).success).toBe(true);
  });

  it.each(['../../etc/passwd', 'a/b.pdf', 'C:\\evil.pdf', 'bad\u0000name.pdf', '', 'x'.repeat(200)])('refuses the file name %j', (name) => {
    expect(desktopContract.chooseBackupSavePath.safeParse([name]).success).toBe(false);
  });

  it.each(['https://example.com', '//evil', '/print/../../etc', 'javascript:alert(1)', '/print/<script>'])(
    'refuses the route %j',
    (route) => {
      expect(desktopContract.print.safeParse([route]).success).toBe(false);
    },
  );

  it('saves text files as large as a ten-year coaching log, and says when one is too large', () => {
    expect(desktopContract.saveTextFile.safeParse(['coaching-log.csv', 'x'.repeat(2_000_000)]).success).toBe(true);
    const tooLarge = desktopContract.saveTextFile.safeParse(['coaching-log.csv', 'x'.repeat(8_000_001)]);
    expect(tooLarge.error?.issues[0]?.message).toBe('That file is too large to save.');
  });

  it('opens only web, mailto: and tel: links', () => {
    expect(desktopContract.openExternal.safeParse(['mailto:a@example.com']).success).toBe(true);
    expect(desktopContract.openExternal.safeParse(['https://example.com']).success).toBe(true);
    expect(desktopContract.openExternal.safeParse(['file:///etc/passwd']).success).toBe(false);
  });
});
