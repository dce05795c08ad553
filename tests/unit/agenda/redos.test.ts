import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { corpusCases } from './reply-corpus';

const AGENDA_DIR = join(import.meta.dirname, '../../../shared/agenda');

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

/** Every regular expression literal written in shared/agenda, found with the TypeScript parser. */
function literalPatterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const file of readdirSync(AGENDA_DIR).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(AGENDA_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        found.push({
          where: `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
          source: text.slice(1, end),
          flags: text.slice(end + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function constructorCalls(): number {
  return readdirSync(AGENDA_DIR)
    .filter((name) => name.endsWith('.ts'))
    .reduce((count, file) => count + (readFileSync(join(AGENDA_DIR, file), 'utf8').match(/new RegExp\(/g)?.length ?? 0), 0);
}

/** Every pattern built with `new RegExp(…)`: caught while the modules load and read the whole corpus. */
async function constructedPatterns(): Promise<Pattern[]> {
  const found = new Map<string, Pattern>();
  const Original = RegExp;
  const Spy = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      const [pattern] = args;
      if (typeof pattern === 'string')
        found.set(`${made.source}/${made.flags}`, { where: 'new RegExp', source: made.source, flags: made.flags });
      return made;
    },
  });
  vi.resetModules();
  globalThis.RegExp = Spy;
  try {
    const agenda = await import('../../../shared/agenda');
    const { readReply } = await import('../../../shared/agenda/read-reply');
    const { corpusAgenda, CORPUS_CONTEXT } = await import('./corpus-agenda');
    for (const entry of corpusCases()) {
      try {
        readReply(corpusAgenda(), entry.text, { text: CORPUS_CONTEXT });
      } catch {
        // Refusals are expected for some replies; only the patterns matter here.
      }
    }
    agenda.exportAgendaText(corpusAgenda(), CORPUS_CONTEXT);
  } finally {
    globalThis.RegExp = Original;
  }
  return [...found.values()];
}

describe('the reply reader’s patterns', () => {
  it('are all judged safe from catastrophic backtracking by recheck', { timeout: 120_000 }, async () => {
    const literals = literalPatterns();
    const constructed = await constructedPatterns();
    expect(literals.length).toBeGreaterThan(30);
    expect(constructed.length).toBeGreaterThanOrEqual(constructorCalls());
    const checked = await Promise.all(
      [...literals, ...constructed].map(async (pattern) => ({
        ...pattern,
        result: await check(pattern.source, pattern.flags, { timeout: 20_000 }),
      })),
    );
    const unsafe = checked
      .filter(({ result }) => result.status !== 'safe')
      .map(
        ({ where, source, flags, result }) =>
          `${where} /${source}/${flags}: ${result.status}${'attack' in result && result.attack ? ` (attack: ${JSON.stringify(result.attack.pattern)})` : ''}`,
      );
    expect(unsafe).toEqual([]);
  });
});
