import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJsonText, parseJsonBytes } from '../../../electron/core/json-bytes';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** What JSON.parse over the bytes decoded as UTF-8 gives: the value, or the kind of error it throws. */
function reference(bytes: Buffer): { value: unknown } | { threw: string } {
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    return { threw: (error as Error).name };
  }
}

function parsed(bytes: Buffer): { value: unknown } | { threw: string } {
  try {
    return { value: parseJsonBytes(bytes) };
  } catch (error) {
    return { threw: (error as Error).name };
  }
}

function expectSameAsUtf8(bytes: Buffer): void {
  expect(parsed(bytes)).toStrictEqual(reference(bytes));
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('parsing JSON from its UTF-8 bytes', () => {
  it('gives what JSON.parse gives over the decoded text, for text in many scripts', () => {
    const texts = [
      'Zoë Brontë, café crème, naïve façade', // Latin-1
      'Łódź, Dvořák, Ångström, Şişli', // Latin Extended
      'Мария Иванова — резюме', // Cyrillic
      'محمد: السيرة الذاتية', // Arabic, right to left
      '履歴書と職務経歴書', // Japanese
      '김민준의 이력서', // Korean
      'Ελένη Παπαδοπούλου', // Greek
      'e\u0301 n\u0303 (combining marks)',
      '😀 🎉 👩🏽‍💻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', // astral: surrogate pairs
      '\u2028\u2029 line and paragraph separators',
      '\u0080\u009f C1 controls, \ufeff inside a string, \ufffe\uffff noncharacters',
      '“curly quotes” ‘and’ – dashes — … ellipsis € £ ¥',
    ];
    for (const text of texts) {
      const document = { [text]: text, list: [text, { note: `${text}\n${text}` }], plain: 'ascii', n: 1.5e3 };
      for (const json of [JSON.stringify(document), JSON.stringify(document, null, 2)]) expectSameAsUtf8(utf8(json));
    }
  });

  it('gives the same for the documents and email replies kept as fixtures', () => {
    const documents = ['v1-data', 'v2-data', 'v3-data'].flatMap((dir) => {
      const root = join(FIXTURES, dir);
      const clients = readdirSync(join(root, 'clients')).map((name) => join(root, 'clients', name));
      return [join(root, 'practice.json'), ...clients];
    });
    for (const path of documents) {
      const bytes = readFileSync(path);
      expect(parsed(bytes)).toStrictEqual({ value: JSON.parse(bytes.toString('utf8')) });
    }
    // Real replies from mail programs in several languages, each as a JSON string.
    const replies = readdirSync(join(FIXTURES, 'agenda-replies')).filter((name) => name.endsWith('.txt'));
    expect(replies.length).toBeGreaterThan(20);
    for (const name of replies)
      expectSameAsUtf8(utf8(JSON.stringify({ body: readFileSync(join(FIXTURES, 'agenda-replies', name), 'utf8') })));
  });

  it('gives the same for any JSON value with any characters', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 60 }), (value, text) => {
        expectSameAsUtf8(utf8(JSON.stringify({ value, text, [text]: [text, value] })));
      }),
      { numRuns: 400 },
    );
  });

  it('throws as JSON.parse does, or gives what it gives, for any bytes', () => {
    const base = utf8(JSON.stringify({ name: 'Zoë', notes: ['café', '😀'], n: 1 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 4 }),
        (insertions) => {
          let bytes = Buffer.from(base);
          for (const [at, inserted] of insertions) bytes = Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
          expectSameAsUtf8(bytes);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => expectSameAsUtf8(Buffer.from(bytes))),
      { numRuns: 1000 },
    );
  });

  it('keeps to what UTF-8 decoding gives for bytes that are not well-formed UTF-8 and for escapes JSON refuses', () => {
    const cases: [string, number[]][] = [
      ['a lone continuation byte', [0x80]],
      ['a sequence cut short', [0xc3]],
      ['a sequence cut short by a quote', [0xe6, 0x97]],
      ['an overlong encoding', [0xc0, 0x80]],
      ['an overlong three-byte encoding', [0xe0, 0x80, 0x80]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['a byte never used', [0xff]],
    ];
    for (const [, inside] of cases) {
      expectSameAsUtf8(Buffer.from([0x22, ...inside, 0x22]));
      expectSameAsUtf8(Buffer.concat([utf8('{"a":"é'), Buffer.from(inside), utf8('x"}')]));
    }
    // A backslash before a non-ASCII character is an escape JSON refuses: rewritten, it would become `\\u00e9`.
    expect(parsed(utf8('"\\é"'))).toStrictEqual({ threw: 'SyntaxError' });
    expectSameAsUtf8(utf8('"\\\\é"'));
    expectSameAsUtf8(utf8('["\\\\\\é"]'));
    // Outside a string a non-ASCII character is no JSON either way, nor is a byte order mark.
    expect(parsed(utf8('{"a":1}é'))).toStrictEqual({ threw: 'SyntaxError' });
    expect(parsed(utf8('\ufeff{"a":1}'))).toStrictEqual({ threw: 'SyntaxError' });
    expect(parsed(utf8(''))).toStrictEqual({ threw: 'SyntaxError' });
  });

  it('reads only its own bytes of a larger buffer', () => {
    const whole = utf8('xx{"name":"Zoë"}yy');
    expect(parseJsonBytes(whole.subarray(2, whole.length - 2))).toEqual({ name: 'Zoë' });
    expect(asciiJsonText(whole.subarray(2, whole.length - 2))).toBe('{"name":"Zo\\u00eb"}');
  });

  it('rewrites a mostly-ASCII document into ASCII, and leaves a text mostly in another script to toString', () => {
    const document = utf8(JSON.stringify({ client: { name: 'Zoë Brontë' }, notes: 'x'.repeat(2000), emoji: '😀' }));
    const text = asciiJsonText(document);
    expect(text).not.toBeNull();
    expect([...text!].every((character) => character.charCodeAt(0) < 0x80)).toBe(true);
    expect(text).toContain('Zo\\u00eb Bront\\u00eb');
    expect(text).toContain('\\ud83d\\ude00');
    expect(asciiJsonText(utf8(JSON.stringify({ notes: 'Мария Иванова — резюме '.repeat(50) })))).toBeNull();
    expect(asciiJsonText(utf8('{"plain":"ascii only"}'))).toBe('{"plain":"ascii only"}');
  });
});
