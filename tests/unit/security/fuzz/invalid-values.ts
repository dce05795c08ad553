import { randomUuid } from './prng';

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { next: value };
  return value;
}

/**
 * Values a compromised or buggy renderer could send in place of any argument or field, as
 * structured clone (Electron's IPC) delivers them. `escapePaths` are absolute paths outside
 * the data directory that must never be written.
 */
export function invalidValues(random: () => number, escapePaths: string[]): unknown[] {
  const hugeLength = 1_000_000 + Math.floor(random() * 1000);
  return [
    undefined,
    null,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    10n,
    true,
    '',
    ' ',
    'x'.repeat(hugeLength),
    '\u202Egnp.exe\u200B\u200D',
    '../../etc/passwd',
    '..\\..\\Windows\\System32\\config\\SAM',
    '/etc/passwd',
    'file:///etc/passwd',
    '\0',
    ...escapePaths,
    '-000001-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.001Z',
    '9999-99-99',
    '2026-02-30',
    `${randomUuid(random)}x`,
    new Date(Number.NaN),
    new Date(-8.64e15),
    [],
    [null, 'x'.repeat(1000)],
    {},
    new Map([['__proto__', 'polluted']]),
    deeplyNested(5000 + Math.floor(random() * 100)),
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"prototype": {"polluted": true}, "toString": "x", "hasOwnProperty": 1}'),
  ];
}
