import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateClientDocument } from '../../../../bench/generate/client-document';
import { planClients } from '../../../../bench/generate/plan';
import { generatePracticeDocument } from '../../../../bench/generate/practice-document';
import { createRandom } from '../../../../bench/generate/random';
import { SCALE_COUNTS } from '../../../../bench/generate/scales';
import { compileChecker } from '../../../../electron/core/validation/compile-checker';
import { UnsupportedSchemaError } from '../../../../electron/core/validation/zod-definitions';
import { ClientDocument, PracticeDocument } from '../../../../shared/model/documents';
import { attached } from '../../documents/fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21, '', 'x', {}, [], undefined];
const BAD_STRINGS = [
  ' padded ',
  'trailing ',
  '\u00a0nbsp',
  'a'.repeat(41),
  'a'.repeat(201),
  'é'.repeat(200),
  '😀'.repeat(200),
  '😀'.repeat(201),
  '😀',
  'not-a-uuid',
  '0f8fad5b-d9cb-469f-a165-70867728950',
  '0F8FAD5B-D9CB-469F-A165-70867728950E',
  '0f8fad5b-d9cb-069f-a165-70867728950e',
  '2026-02-30',
  '2025-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-06-01T09:00:00',
  '2026-06-01T24:00:00Z',
  '2026-06-01T09:00:00.5+02:00',
  '2026-06-01 09:00:00Z',
  'name@example',
  'name@example.com',
  '+44 (0) 20-7946.0958/1',
  '555-CALL',
  'coach',
  'client',
  'A4',
  'Letter',
];
const NUMBERS = [0, 1, 4, 5, 10, 11, 365, 366, 600, 601, 2 ** 53, -0, 0.1];

function schemaFreePaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => schemaFreePaths(item, [...path, index], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) schemaFreePaths(item, [...path, key], out);
  return out;
}

/** One path per shape: array indices beyond the first two are left out, so each field is mutated a few times. */
function samplePaths(document: Json): (string | number)[][] {
  return schemaFreePaths(document).filter((path) => path.every((part) => typeof part !== 'number' || part < 2));
}

function at(document: Json, path: readonly (string | number)[]): Json {
  return path.reduce<Json>((node, part) => (node as Record<string | number, Json>)[part], document);
}

/** Copies of `document` with the node at `path` broken or bent in one way each. */
function* mutants(document: Json, path: (string | number)[]): Generator<unknown> {
  const node = at(document, path);
  const replace = (value: unknown) => {
    const copy = structuredClone(document);
    if (path.length === 0) return value;
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path[path.length - 1]] = value;
    return copy;
  };
  const edit = (change: (node: Record<string, unknown> & unknown[]) => void) => {
    const copy = structuredClone(document);
    change(at(copy, path) as Record<string, unknown> & unknown[]);
    return copy;
  };
  for (const value of WRONG_TYPES) yield replace(value);
  if (typeof node === 'string') for (const value of BAD_STRINGS) yield replace(value);
  if (typeof node === 'number') for (const value of NUMBERS) yield replace(value);
  if (Array.isArray(node)) {
    yield edit((array) => array.push(structuredClone(array[0] ?? 'x')));
    yield edit((array) => array.push(7));
    yield edit((array) => array.splice(0));
    yield edit((array) => Object.defineProperty(array, 'extra', { value: 1, enumerable: true }));
    yield edit((array) => {
      array.length += 1;
    });
  } else if (node !== null && typeof node === 'object') {
    yield edit((object) => {
      object.unexpected = 'x';
    });
    yield edit((object) => {
      Object.defineProperty(object, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    });
    yield edit((object) => {
      Object.setPrototypeOf(object, { inherited: true });
    });
    yield edit((object) => {
      Object.setPrototypeOf(object, null);
    });
    yield JSON.parse(JSON.stringify(document).replace(/^\{/, '{"__proto__":{"polluted":true},')) as unknown;
    for (const key of Object.keys(node))
      yield edit((object) => {
        Reflect.deleteProperty(object, key);
      });
  }
}

function generatedDocuments(seed: number): { clients: Json[]; practice: Json } {
  const random = createRandom(seed);
  const plans = planClients(random.fork('plan'), SCALE_COUNTS.small);
  const clients = plans.map((plan) => withDocuments(generateClientDocument(random.fork(`client-${plan.index}`), plan)) as unknown as Json);
  return { clients, practice: generatePracticeDocument(random.fork('practice')) };
}

/** The generator attaches no files (a benchmark practice has none on disk), so two documents are added here. */
function withDocuments(document: ClientDocument): ClientDocument {
  const first = attached(`${document.client.id} v1`);
  return { ...document, documents: [first, attached(`${document.client.id} v2`, { previousVersionId: first.id, label: 'offer' })] };
}

/** The smallest generated client that still has something in every list, so mutants stay cheap to parse. */
function richSmallClient(clients: Json[]): Json {
  const complete = clients.filter((client) =>
    Object.values(client as Record<string, Json>).every((field) => !Array.isArray(field) || field.length > 0),
  );
  return complete.reduce((best, client) => (JSON.stringify(client).length < JSON.stringify(best).length ? client : best));
}

function expectFastAcceptImpliesZod(schema: z.ZodType, candidates: Iterable<unknown>): { accepted: number; rejected: number } {
  const fast = compileChecker(schema);
  let accepted = 0;
  let rejected = 0;
  for (const candidate of candidates) {
    if (!fast(candidate)) {
      rejected += 1;
      continue;
    }
    accepted += 1;
    const snapshot = structuredClone(candidate);
    const result = schema.safeParse(candidate);
    expect(result.success, JSON.stringify(result.error?.issues[0])).toBe(true);
    expect(result.data).toStrictEqual(snapshot);
  }
  return { accepted, rejected };
}

describe('the compiled document checker', () => {
  const { clients, practice } = generatedDocuments(7);

  it('accepts every generated document, as zod does', () => {
    const checkClient = compileChecker(ClientDocument);
    for (const client of clients) {
      expect(ClientDocument.safeParse(client).success).toBe(true);
      expect(checkClient(client)).toBe(true);
    }
    expect(compileChecker(PracticeDocument)(practice)).toBe(true);
  });

  it('never accepts a one-field mutation of a client document that zod rejects or changes', () => {
    const client = richSmallClient(clients);
    const candidates = function* () {
      for (const path of samplePaths(client)) yield* mutants(client, path);
    };
    const { accepted, rejected } = expectFastAcceptImpliesZod(ClientDocument, candidates());
    expect(rejected).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);

  it('never accepts a one-field mutation of the practice document that zod rejects or changes', () => {
    const candidates = function* () {
      for (const path of samplePaths(practice)) yield* mutants(practice, path);
    };
    const { accepted, rejected } = expectFastAcceptImpliesZod(PracticeDocument, candidates());
    expect(rejected).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(10);
  }, 60_000);

  it('leaves untrimmed text to zod, which trims it', () => {
    const Tag = z.strictObject({ tag: z.string().trim().min(1) });
    expect(compileChecker(Tag)({ tag: ' x ' })).toBe(false);
    expect(compileChecker(Tag)({ tag: 'x' })).toBe(true);
  });

  it('counts text length in code points, as zod does', () => {
    const Short = z.string().min(2).max(3);
    const fast = compileChecker(Short);
    for (const text of ['😀', '😀😀', '😀😀😀', '😀😀😀😀', 'ab', 'a😀b', 'abcd', '\ud800\ud800']) {
      expect(fast(text)).toBe(Short.safeParse(text).success);
    }
  });

  it('refuses to compile schema features it does not model, instead of skipping them', () => {
    expect(() => compileChecker(z.object({ a: z.string() }))).toThrow(UnsupportedSchemaError);
    expect(() => compileChecker(z.string().refine((text) => text !== 'x'))).toThrow(UnsupportedSchemaError);
    expect(() => compileChecker(z.url())).toThrow(UnsupportedSchemaError);
    expect(() => compileChecker(z.number().multipleOf(2))).toThrow(UnsupportedSchemaError);
    expect(() => compileChecker(z.string().optional())).toThrow(UnsupportedSchemaError);
    expect(() => compileChecker(z.coerce.number())).toThrow(UnsupportedSchemaError);
  });
});
