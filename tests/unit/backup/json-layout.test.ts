import { describe, expect, it } from 'vitest';
import { jsonLayout, type JsonLayout } from '../../../electron/core/backup/json-layout';
import { clientDocument, practiceDocument } from './fixtures';

const text = (bytes: Buffer, { start, end }: JsonLayout) => bytes.toString('utf8', start, end);

describe('jsonLayout', () => {
  it('finds each document of a payload exactly where JSON.parse read it', () => {
    const payload = {
      practice: practiceDocument('Dana'),
      clients: [clientDocument('Amara Okafor', 3), clientDocument('Ben "Benny" Ito'), clientDocument('Chen \\ Wei')],
    };
    const bytes = Buffer.from(JSON.stringify({ format: 'x', payload }));
    const layout = jsonLayout(bytes, 3)?.members?.get('payload');
    const clients = layout?.members?.get('clients')?.elements ?? [];
    expect(clients).toHaveLength(3);
    clients.forEach((element, index) => expect(JSON.parse(text(bytes, element))).toEqual(payload.clients[index]));
    expect(JSON.parse(text(bytes, layout!.members!.get('practice')!))).toEqual(payload.practice);
    expect(JSON.parse(text(bytes, layout!))).toEqual(payload);
  });

  it('is not fooled by brackets, quotes and backslashes inside strings, or by whitespace', () => {
    const value = { a: ['}]{[', 'say \\"hi\\"', 'ends with \\', '\\\\"'], b: { c: [1, -2.5e3, true, false, null] }, 'ü ✓': 'x' };
    const bytes = Buffer.from(` \n${JSON.stringify(value, null, 2)}\r\n\t`);
    const layout = jsonLayout(bytes, 2);
    expect(JSON.parse(text(bytes, layout!.members!.get('a')!))).toEqual(value.a);
    expect(layout!.members!.get('a')!.elements!.map((element) => JSON.parse(text(bytes, element)))).toEqual(value.a);
    expect(JSON.parse(text(bytes, layout!.members!.get('b')!))).toEqual(value.b);
    expect(JSON.parse(text(bytes, layout!.members!.get('ü ✓')!))).toBe('x');
  });

  it('takes the last of repeated keys, like JSON.parse', () => {
    const bytes = Buffer.from('{"payload":[1],"payload":[2,3]}');
    expect(text(bytes, jsonLayout(bytes, 1)!.members!.get('payload')!)).toBe(JSON.stringify(JSON.parse(bytes.toString()).payload));
  });

  it('gives up on members it cannot match by their bytes: keys written with escapes', () => {
    const bytes = Buffer.from('{"payload":[1],"p\\u0061yload":[2]}');
    expect(JSON.parse(bytes.toString()).payload).toEqual([2]);
    expect(jsonLayout(bytes, 1)!.members).toBeNull();
  });

  it('stops at the requested depth and reports the values below it as ranges only', () => {
    const bytes = Buffer.from('{"a":{"b":{"c":1}},"d":[[1],[2]]}');
    const layout = jsonLayout(bytes, 1)!;
    expect(layout.members!.get('a')).toEqual({ start: 5, end: 18 });
    expect(text(bytes, layout.members!.get('d')!)).toBe('[[1],[2]]');
    expect(jsonLayout(bytes, 0)).toEqual({ start: 0, end: bytes.length });
  });

  it.each(['{"a":1', '{"a":"unterminated}', '[1,2', '{"a" 1}', '{"a":1}}', '{"a":1} x', '{"a":[1 2]}'])(
    'returns null for text that is not valid JSON: %s',
    (bad) => {
      expect(jsonLayout(Buffer.from(bad), 3)).toBeNull();
    },
  );
});
