import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The colour tokens of renderer/src/styles/base.css keep the contrast its header promises, in
 * the light and the dark theme (WCAG 2.2: 4.5:1 for text, 3:1 for control edges and the focus
 * ring). Read from the stylesheet itself, so a token changed there is checked here.
 */
const css = readFileSync(join(__dirname, '../../../renderer/src/styles/base.css'), 'utf8');

function tokensOf(block: string): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const match of block.matchAll(/(--[a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)) tokens.set(match[1], match[2].toLowerCase());
  return tokens;
}

/** The first `:root { … }` of the file (light) and the one inside the dark-scheme media query. */
function themes(): { light: Map<string, string>; dark: Map<string, string> } {
  const light = /^:root\s*\{([^}]*)\}/m.exec(css);
  const dark = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css);
  if (!light || !dark) throw new Error('base.css no longer has a light :root and a dark one');
  const lightTokens = tokensOf(light[1]);
  // The dark theme overrides some tokens; the rest are the light ones.
  return { light: lightTokens, dark: new Map([...lightTokens, ...tokensOf(dark[1])]) };
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const BACKGROUNDS = ['--bg', '--surface', '--surface-2'];
const TEXT = ['--text', '--muted', '--accent', '--danger', '--ok', '--warn'];
const EDGES = ['--border', '--focus'];

/** [foreground, background, the ratio it must reach]. */
const PAIRS: [string, string, number][] = [
  ...TEXT.flatMap((text) => BACKGROUNDS.map((background): [string, string, number] => [text, background, 4.5])),
  ...EDGES.flatMap((edge) => BACKGROUNDS.map((background): [string, string, number] => [edge, background, 3])),
  ['--accent-text', '--accent', 4.5],
  ['--accent-text', '--accent-hover', 4.5],
  ['--text', '--accent-soft', 4.5],
  ['--ok', '--ok-soft', 4.5],
  ['--warn', '--warn-soft', 4.5],
  ['--danger', '--danger-soft', 4.5],
  // Notices (QuarantineBanner, AutomaticBackupBanner) are tinted bands holding text, links and a problem line.
  ...['--text', '--accent', '--danger'].flatMap((text) =>
    ['--warn-soft', '--ok-soft'].map((background): [string, string, number] => [text, background, 4.5]),
  ),
];

describe('design tokens', () => {
  for (const [theme, tokens] of Object.entries(themes())) {
    it(`reach WCAG AA contrast in the ${theme} theme`, () => {
      const failing = PAIRS.flatMap(([foreground, background, needed]) => {
        const [fg, bg] = [tokens.get(foreground), tokens.get(background)];
        if (!fg || !bg) return [`${foreground} on ${background}: a token is missing or not a #rrggbb colour`];
        const ratio = contrast(fg, bg);
        return ratio >= needed ? [] : [`${foreground} ${fg} on ${background} ${bg}: ${ratio.toFixed(2)}:1, needs ${needed}:1`];
      });
      expect(failing).toEqual([]);
    });
  }

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
