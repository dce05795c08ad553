import { describe, expect, it } from 'vitest';
import { desktopContract } from '../../../shared/api/desktop';
import { isSafeFileName, safeFileName } from '../../../shared/file-name';

const accepted = (name: string) => desktopContract.saveAsPdf.safeParse(['/print/goals/a1', name]).success;

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('Amara Okafor – client file', { extension: '.pdf' })).toBe('Amara Okafor – client file.pdf');
  });

  it('drops control characters, folders and reserved characters', () => {
    expect(safeFileName('Ama\u0000ra\nO\u0007kafor', { extension: '.pdf' })).toBe('Ama ra O kafor.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('C:\\Users\\x "y" <z>|*?')).toBe('C Users x y z');
  });

  it('removes direction overrides that would disguise the extension', () => {
    expect(safeFileName('invoice\u202Etxt.exe', { extension: '.pdf' })).toBe('invoicetxt.exe.pdf');
  });

  it('trims dots and spaces at either end', () => {
    expect(safeFileName('  ..hidden name. . ', { extension: '.txt' })).toBe('hidden name.txt');
  });

  it('renames Windows device names', () => {
    expect(safeFileName('CON', { extension: '.pdf' })).toBe('CON_.pdf');
    expect(safeFileName('lpt1.notes')).toBe('lpt1_.notes');
    expect(safeFileName('Connie')).toBe('Connie');
  });

  it('falls back when nothing usable is left', () => {
    expect(safeFileName('\u0000/\\..', { extension: '.pdf', fallback: 'Goals' })).toBe('Goals.pdf');
    expect(safeFileName('')).toBe('Rapport');
  });

  it('shortens to the limit, extension included, without splitting a character', () => {
    const long = `${'Ä'.normalize('NFD')}${'👩‍👩‍👧'.repeat(40)}`;
    const name = safeFileName(long, { extension: '.pdf', maxLength: 40 });
    expect(name.length).toBeLessThanOrEqual(40);
    expect(name.endsWith('👩‍👩‍👧.pdf')).toBe(true);
    expect(name.startsWith('Ä')).toBe(true);
    expect(safeFileName('x'.repeat(500)).length).toBe(80);
  });

  it('always gives a name the desktop contract accepts, whatever the client is called', () => {
    const hostile = ['x'.repeat(300), '\u0000\u0001\u001f', 'a/b\\c:d', 'NUL', ' . ', '\u202Egnp.exe', `${'é'.repeat(200)}\n`];
    for (const name of hostile) {
      const fileName = safeFileName(`${name} – client file`, { extension: '.pdf' });
      expect(accepted(fileName), fileName).toBe(true);
      expect(isSafeFileName(fileName)).toBe(true);
    }
  });

  it('lets the desktop contract refuse what it could not have produced', () => {
    for (const name of ['../x.pdf', 'a\u0000.pdf', 'CON.pdf', 'x.pdf.', ' x.pdf', 'a.b/c', 'x'.repeat(121)]) {
      expect(isSafeFileName(name), name).toBe(false);
      expect(accepted(name), name).toBe(false);
    }
  });
});
