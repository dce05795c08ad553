import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF, laid out as on the page (poppler's pdftotext). */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-']);
  return stdout;
}

/** The number of pages of a PDF (poppler's pdfinfo). */
export async function pdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo reported no page count for ${path}`);
  return Number(match[1]);
}

/** The first page's size in points (A4 is 595 × 842, Letter 612 × 792). */
export async function pdfPageSize(path: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [path]);
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo reported no page size for ${path}`);
  return { width: Math.round(Number(match[1])), height: Math.round(Number(match[2])) };
}
