import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { createClient, mainArea, openTab } from './helpers/client-file';
import { pdfText } from './helpers/pdf';

/** The PDF's words in reading order, whatever the line breaks and spacing of its layout. */
function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

test('the client-file PDF holds the notes, their words and the questions asked', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  const clientId = /#\/clients\/([^?]+)/.exec(page.url())?.[1];
  expect(clientId).toBeDefined();
  const asked = await page.evaluate(async (id) => {
    const api = window.rapport;
    await api.notes.create(id, 'First meeting: wants to lead the analytics team within a year.');
    await api.terminology.create(id, { term: 'the engine', meaning: 'her side project' });
    const { suggestions } = await api.questions.forClient(id);
    await api.questions.markAsked(id, suggestions[0].id, { note: 'She laughed, then answered at length.' });
    return suggestions[0].text;
  }, clientId!);
  await page.reload();
  const main = mainArea(page);
  await expect(main.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await openTab(page, 'Profile');

  const pdfFile = join(dirname(app.dataDir), 'ada-file.pdf');
  await app.queueFilePath(pdfFile);
  await main.getByRole('button', { name: 'Save client file as PDF…' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved Ada Lovelace’s client file as a PDF' })).toBeVisible();

  const text = normalised(await pdfText(pdfFile));
  for (const expected of [
    'Notes',
    'First meeting: wants to lead the analytics team within a year.',
    'Your words',
    '“the engine” her side project',
    'Questions asked',
    normalised(asked),
    'She laughed, then answered at length.',
  ]) {
    expect(text).toContain(expected);
  }
});
