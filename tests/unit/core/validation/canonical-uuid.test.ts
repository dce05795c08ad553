import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fusedStringTest, isCanonicalUuid } from '../../../../electron/core/validation/string-checks';
import { definitionOf } from '../../../../electron/core/validation/zod-definitions';
import { Id } from '../../../../shared/model/primitives';

const def = definitionOf(Id);
const checks = (def.checks ?? []).map((check) => check._zod.def);
const patterns = [def.pattern!, ...checks.map((check) => check.pattern!)];
const byRegexes = (value: string) => patterns.every((pattern) => new RegExp(pattern.source, pattern.flags).test(value));

/** Every one-character change of `uuid` to a character near the edges of the classes the patterns use. */
function mutations(uuid: string): string[] {
  const characters = '/09:@AFGZ`afgz-_ \n\u0660é';
  const out: string[] = [];
  for (let index = 0; index < uuid.length; index += 1)
    for (const character of characters) out.push(uuid.slice(0, index) + character + uuid.slice(index + 1));
  return out;
}

describe('the fused id check', () => {
  it('is what the compiled checker uses for Id', () => {
    expect(fusedStringTest(def.format, def.pattern, checks)).toBe(isCanonicalUuid);
  });

  it('accepts exactly what zod’s UUID pattern and the lower-case pattern accept together', () => {
    const samples = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      '',
      'not-a-uuid',
      ...Array.from({ length: 50 }, () => randomUUID()),
      ...Array.from({ length: 10 }, () => randomUUID().toUpperCase()),
    ];
    for (const version of '0123456789abcdef')
      for (const variant of '0123456789abcdef') samples.push(`0f8fad5b-d9cb-${version}69f-${variant}165-70867728950e`);
    for (const uuid of [randomUUID(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])
      samples.push(...mutations(uuid), `${uuid}0`, uuid.slice(1), ` ${uuid}`, `${uuid}\n`);
    for (const sample of samples) expect([sample, isCanonicalUuid(sample)]).toEqual([sample, byRegexes(sample)]);
  });
});
