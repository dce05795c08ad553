import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { describe, judge, scanSource, type Allowance, type Finding } from './conventions-scan';

/**
 * The guard of docs/renderer-conventions.md: every .vue and .ts file under renderer/src is read
 * from disk and scanned for the departures a grep can see. A finding fails the test with its
 * file, line and what to use instead.
 */
const RENDERER = join(__dirname, '../../../renderer/src');

/** The pieces that ARE the one way, or sit below it, and so must catch or open things themselves. */
const PERMANENT: Allowance[] = [
  { file: 'composables/use-action.ts', rule: 'catches-failure', why: 'the one way to run an action: it turns any failure into `error`' },
  { file: 'composables/use-action.ts', rule: 'local-run', why: 'this is the `run` every component uses' },
  { file: 'composables/use-keyed-loader.ts', rule: 'catches-failure', why: 'the one way to load: it keeps the failure of the current key' },
  {
    file: 'components/common/use-validated-form.ts',
    rule: 'catches-failure',
    why: 'the one form system: main’s refusal lands on the fields it names',
  },
  { file: 'api/client.ts', rule: 'catches-failure', why: 'the bridge: turns whatever IPC throws into a RapportError for everyone above' },
  { file: 'api/desktop.ts', rule: 'catches-failure', why: 'the desktop bridge: same normalisation as the API client' },
  { file: 'api/plain-data.ts', rule: 'catches-failure', why: 'try/finally while copying arguments for IPC; nothing is caught' },
  {
    file: 'components/documents/pdf-document.ts',
    rule: 'catches-failure',
    why: 'turns what pdf.js throws on a damaged or locked PDF into a coded RapportError (and ends its worker); the load still fails',
  },
  { file: 'stores/backup.ts', rule: 'catches-failure', why: 'try/finally clears the running backup task; the failure reaches the caller' },
  {
    file: 'stores/documents.ts',
    rule: 'catches-failure',
    why: 'a failed upload is cancelled (so its bytes do not linger) and the failure rethrown to the caller',
  },

  {
    file: 'components/common/markdown.ts',
    rule: 'opens-window',
    why: 'rendered Markdown links; MarkdownText routes their clicks through useExternalLink, the attribute is only a fallback',
  },
  {
    file: 'components/email/EmailButton.vue',
    rule: 'catches-failure',
    why: 'the browser clipboard, not the API: a refused write shows the text to copy by hand',
  },
  {
    file: 'views/settings/EmailWordingSection.vue',
    rule: 'catches-failure',
    why: 'rethrows main’s refusal with its field paths renamed to this form’s fields; nothing is swallowed',
  },
  // Messages shown at one field (aria-describedby), as FormField shows them: text by nature, not a RapportError.
  { file: 'components/intimacy/IntimacyPreparation.vue', rule: 'string-error', why: 'field message: the own-question box is empty' },
  { file: 'components/clients/ClientDeleteSection.vue', rule: 'string-error', why: 'field message: the typed name does not match' },
  { file: 'components/backup/RestoreFromFile.vue', rule: 'string-error', why: 'field message: the passphrase box' },
  {
    file: 'components/common/use-save-status.ts',
    rule: 'string-error',
    why: 'the text of a form’s save status line, built from the error',
  },
];

const ALLOWED = PERMANENT;

function rendererFindings(): Finding[] {
  const files = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(vue|ts)$/.test(name));
  return files.flatMap((name) => {
    const file = relative(RENDERER, join(RENDERER, name)).split(sep).join('/');
    return scanSource(file, readFileSync(join(RENDERER, name), 'utf8'));
  });
}

group('renderer conventions guard', () => {
  const { departures, stale } = judge(rendererFindings(), ALLOWED);

  it('finds no departure from the one way to load, act, edit and link', () => {
    expect(departures.map(describe), 'see docs/renderer-conventions.md, "The guard"').toEqual([]);
  });

  it('has no allowance left that covers nothing (remove it)', () => {
    expect(stale.map((allowance) => `${allowance.file} [${allowance.rule}]`)).toEqual([]);
  });
});

group('the guard’s scanner', () => {
  const SAMPLE = [
    '<script setup lang="ts">', // 1
    "const loadProblem = ref('');", // 2
    'async function save() {', // 3
    '  try {', // 4
    '    await api.notes.create(id, text);', // 5
    '  } catch {}', // 6
    '}', // 7
    'onMounted(async () => {', // 8
    '  terms.value = await api.clients.get(id);', // 9
    '});', // 10
    'async function run(task: () => Promise<void>) {}', // 11
    'void api.x().catch(() => null); // a comment about try { is fine, the call is not', // 12
    '// try { in a comment is fine', // 13
    '</script>', // 14
    '<template>', // 15
    '  <input maxlength="200" />', // 16
    '  <a href="https://example.org" target="_blank">x</a>', // 17
    '</template>', // 18
  ].join('\n');

  it('reports each departure with its line', () => {
    const found = scanSource('components/Sample.vue', SAMPLE).map(({ line, rule }) => `${line} ${rule}`);
    expect(found).toEqual([
      '2 string-error',
      '4 catches-failure',
      '8 api-on-mounted',
      '11 local-run',
      '12 catches-failure',
      '16 typed-maxlength',
      '17 opens-window',
    ]);
  });

  it('passes what the conventions ask for', () => {
    const clean = [
      'const error = computed(() => action.error.value ?? loader.error.value);',
      'const loader = useKeyedLoader({ key: () => props.clientId, load: (id) => api.notes.list(id), initial: [] });',
      'onMounted(() => document.getElementById(firstField)?.focus());',
      'const { run } = useAction();',
      'await action.run(() => api.notes.create(props.clientId, text.value));',
      'const nameError = computed(() => "");',
      '<input :maxlength="noteLimit" />',
      '<ExternalLink :href="url">Join</ExternalLink>',
    ].join('\n');
    expect(scanSource('components/Clean.vue', clean)).toEqual([]);
  });

  it('lets an allowance cover only its own file and rule, and names allowances that cover nothing', () => {
    const findings = scanSource('components/Sample.vue', SAMPLE);
    const { departures, stale } = judge(findings, [
      { file: 'components/Sample.vue', rule: 'catches-failure', why: 'test' },
      { file: 'components/Other.vue', rule: 'local-run', why: 'test' },
    ]);
    expect(departures.map((finding) => finding.rule)).not.toContain('catches-failure');
    expect(departures.map((finding) => finding.rule)).toContain('local-run');
    expect(stale.map((allowance) => allowance.file)).toEqual(['components/Other.vue']);
    expect(describe(departures[0])).toMatch(/^renderer\/src\/components\/Sample\.vue:2 \[string-error\] .*\n {4}→ keep the error as/);
  });
});
