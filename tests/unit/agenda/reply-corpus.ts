import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaChange } from '../../../shared/agenda';
import { readReply } from '../../../shared/agenda/read-reply';
import { RapportError } from '../../../shared/errors';
import { CORPUS_CONTEXT, corpusAgenda } from './corpus-agenda';

export const CORPUS_DIR = join(import.meta.dirname, '../../fixtures/agenda-replies');

export type Expected =
  | { outcome: 'changes'; changes: string[]; comments?: string[]; cautions?: string[] }
  | { outcome: 'refused'; code: string; messageIncludes?: string };

export interface CorpusCase {
  name: string;
  text: string;
  expected: Expected;
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      return {
        name,
        text: readFileSync(join(CORPUS_DIR, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), 'utf8')) as Expected,
      };
    });
}

/** A change in the short form the expected files use. */
export function signature(change: AgendaChange): string {
  switch (change.kind) {
    case 'added':
      return `added: ${change.title}${change.minutes === null ? '' : ` (${change.minutes})`}`;
    case 'removed':
      return `removed: ${change.title}`;
    case 'moved':
      return `moved: ${change.title} ${change.from} → ${change.to}`;
    case 'retimed':
      return `retimed: ${change.title} ${change.fromMinutes} → ${change.toMinutes}`;
    case 'reworded': {
      const minutes = change.fromMinutes === change.toMinutes ? '' : ` (${change.fromMinutes} → ${change.toMinutes})`;
      return change.fromTitle === change.toTitle
        ? `details: ${change.fromTitle}${minutes}`
        : `reworded: ${change.fromTitle} → ${change.toTitle}${minutes}`;
    }
    case 'goal-added':
      return `goal-added: ${change.text}`;
    case 'goal-changed':
      return `goal-changed: ${change.from} → ${change.to}`;
    case 'goal-removed':
      return `goal-removed: ${change.text}`;
  }
}

/** Reads one reply as the app does and says what differs from the expected outcome (empty: as expected). */
export function checkCase(entry: CorpusCase): string[] {
  const problems: string[] = [];
  const { expected } = entry;
  try {
    const { preview } = readReply(corpusAgenda(), entry.text, { text: CORPUS_CONTEXT });
    if (expected.outcome === 'refused')
      return [`read instead of refused with ${expected.code}: ${preview.changes.map(signature).join('; ')}`];
    const got = preview.changes.map(signature).sort();
    const want = [...expected.changes].sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`changes ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
    for (const comment of expected.comments ?? []) {
      if (!preview.comments.some((entry) => entry.text.includes(comment))) {
        problems.push(`comment “${comment}” not shown (comments: ${JSON.stringify(preview.comments.map((c) => c.text))})`);
      }
    }
    if (expected.cautions) {
      const codes = preview.cautions.map((caution) => caution.code).sort();
      if (JSON.stringify(codes) !== JSON.stringify([...expected.cautions].sort())) problems.push(`cautions ${JSON.stringify(codes)}`);
    }
  } catch (error) {
    const failure = RapportError.from(error);
    if (expected.outcome !== 'refused') return [`refused (${failure.code}): ${failure.message}`];
    if (failure.code !== expected.code) problems.push(`refused with ${failure.code} instead of ${expected.code}: ${failure.message}`);
    if (expected.messageIncludes && !failure.message.includes(expected.messageIncludes))
      problems.push(`message lacks “${expected.messageIncludes}”: ${failure.message}`);
  }
  return problems;
}
