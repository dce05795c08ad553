import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every colour a component draws comes from the design tokens (renderer/src/styles/base.css,
 * docs/design-system.md): a literal in a component's <style> would miss the dark theme and the
 * contrast the tokens are checked for. The print sheets' own stylesheet is paper, not screen.
 */
const RENDERER = join(__dirname, '../../../renderer/src');

/** Files that may hold colour literals, and why. */
const ALLOWED: { file: RegExp; why: string }[] = [
  { file: /^views\/print\//, why: 'printed sheets are paper: black on white in either theme, like styles/print-sheet.css' },
];

const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![\w-])(?:white|black)(?![\w-])/gi;

function styleBlocks(source: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  for (const match of source.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    blocks.push({ text: match[1], line: source.slice(0, start).split('\n').length });
  }
  return blocks;
}

export function colourLiterals(file: string, source: string): string[] {
  return styleBlocks(source).flatMap((block) =>
    block.text.split('\n').flatMap((text, index) => {
      const code = text.replace(/\/\*.*?\*\//g, '');
      return [...code.matchAll(COLOUR)].map((found) => `${file}:${block.line + index}: ${found[0]} — use a token from base.css`);
    }),
  );
}

describe('colours in components', () => {
  it('come only from the design tokens', () => {
    const files = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.vue'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((name) => {
      const file = relative(RENDERER, join(RENDERER, name)).split(sep).join('/');
      if (ALLOWED.some((allowed) => allowed.file.test(file))) return [];
      return colourLiterals(file, readFileSync(join(RENDERER, name), 'utf8'));
    });
    expect(found).toEqual([]);
  });

  it('finds a literal where one is written', () => {
    const source = '<template><p /></template>\n<style scoped>\n.a {\n  color: #fff;\n  background: rgb(0 0 0 / 50%);\n}\n</style>\n';
    expect(colourLiterals('X.vue', source)).toEqual([
      'X.vue:4: #fff — use a token from base.css',
      'X.vue:5: rgb( — use a token from base.css',
    ]);
    expect(colourLiterals('X.vue', '<style>\n.a { color: var(--text); white-space: pre; }\n</style>')).toEqual([]);
    // A fallback is a literal too: it is what shows when the token's name is wrong.
    expect(colourLiterals('X.vue', '<style>\n.a { color: var(--warning, #b26a00); }\n</style>')).toHaveLength(1);
  });
});
