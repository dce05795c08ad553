import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openWorkspace } from '../../electron/core/workspace';
import { CLIENTS_DIR } from '../../electron/core/data-layout';
import { fastValidator } from '../../electron/core/validation/validate';
import { ClientDocument } from '../../shared/model/documents';
import { readAndParseAll } from '../baselines/physical-read';
import { measurement, series, type Measurement } from '../harness/results';
import { timeAlternately, timeOnce } from '../harness/timing';
import { WORKSPACE_OPTIONS } from './clock';

/** openWorkspace (lock, read, migrate, validate every document) against reading and parsing every file. */
export async function measureOpen(dataDir: string, rounds: number): Promise<Measurement[]> {
  const pair = await timeAlternately(
    rounds,
    1,
    async () => {
      const { ms, value: workspace } = await timeOnce(() => openWorkspace(dataDir, WORKSPACE_OPTIONS));
      await workspace.close();
      return ms;
    },
    async () => (await timeOnce(() => readAndParseAll(dataDir))).ms,
  );
  return [
    measurement({
      id: 'open',
      label: 'open ten-year practice',
      subject: series('openWorkspace', pair.subject),
      baseline: series('read + JSON.parse every file', pair.baseline),
      target: { kind: 'max-ratio', value: 1.5 },
    }),
    await measureValidationShare(dataDir, rounds),
  ];
}

/** Where open's time goes: validating every client document as the store does, against parsing the same files. */
async function measureValidationShare(dataDir: string, rounds: number): Promise<Measurement> {
  const validate = fastValidator(ClientDocument);
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const texts = await Promise.all((await readdir(clientsDir)).map((name) => readFile(join(clientsDir, name), 'utf8')));
  const parsed = texts.map((text) => JSON.parse(text) as unknown);
  const pair = await timeAlternately(
    rounds,
    1,
    async () =>
      (
        await timeOnce(async () => {
          for (const document of parsed) if (!validate(document).success) throw new Error('A generated document failed validation.');
        })
      ).ms,
    async () => (await timeOnce(async () => texts.map((text) => JSON.parse(text) as unknown))).ms,
  );
  return measurement({
    id: 'open-validation',
    label: 'open: validation alone',
    subject: series('compiled checker (zod as fallback), every client', pair.subject),
    baseline: series('JSON.parse, every client file', pair.baseline),
    target: null,
    note: 'For information: the part of open that reading and parsing does not do.',
  });
}

/**
 * openWorkspace of the practice with its attached files against the same practice without them:
 * open reads no attached file, so the files must not slow it. The text search reads from them
 * starts in the background once open resolves; it is stopped before the next open.
 */
export async function measureOpenWithAttachments(
  withFilesDir: string,
  withoutFilesDir: string,
  files: { count: number; bytes: number },
  rounds: number,
): Promise<Measurement> {
  const openAndClose = async (dataDir: string) => {
    const { ms, value: workspace } = await timeOnce(() => openWorkspace(dataDir, WORKSPACE_OPTIONS));
    await workspace.close();
    await workspace.documentTextsRead();
    return ms;
  };
  const pair = await timeAlternately(
    rounds,
    1,
    () => openAndClose(withFilesDir),
    () => openAndClose(withoutFilesDir),
  );
  return measurement({
    id: 'open-attachments',
    label: 'open ten-year practice with its attached files',
    subject: series(`openWorkspace, ${files.count} attached files (${(files.bytes / 1_048_576).toFixed(0)} MiB) listed`, pair.subject),
    baseline: series('openWorkspace, the same practice without them', pair.baseline),
    target: { kind: 'max-ratio', value: 1.1 },
  });
}
