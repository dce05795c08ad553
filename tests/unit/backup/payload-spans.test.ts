import { describe, expect, it } from 'vitest';
import { payloadSpans } from '../../../electron/core/backup/payload-spans';
import { clientDocument, practiceDocument } from './fixtures';

const text = (value: unknown) => Buffer.from(JSON.stringify(value));

function pieces(bytes: Buffer, spans: number[]): unknown[] {
  const parsed: unknown[] = [];
  for (let index = 0; index < spans.length; index += 2) parsed.push(JSON.parse(bytes.toString('utf8', spans[index], spans[index + 1])));
  return parsed;
}

describe('payloadSpans', () => {
  it('finds each document of a payload laid out as Rapport writes it, strings with brackets and escapes included', () => {
    const practice = practiceDocument('Dana "the coach" {braces} [and] \\ backslash \\');
    const clients = [clientDocument('Amara }] Okafor', 2), clientDocument('Ben \\"Ito'), clientDocument('Chen ✓ Wei')];
    const bytes = text({ practice, clients });
    const spans = payloadSpans(bytes);
    expect(spans).not.toBeNull();
    expect(pieces(bytes, spans!)).toEqual([practice, ...clients]);
  });

  it('finds the practice alone when there are no clients', () => {
    const practice = practiceDocument('Dana');
    const bytes = text({ practice, clients: [] });
    expect(pieces(bytes, payloadSpans(bytes)!)).toEqual([practice]);
  });

  it('answers null for any other layout, so that the payload is parsed whole', () => {
    const practice = practiceDocument('Dana');
    const clients = [clientDocument('Amara Okafor')];
    for (const other of [
      JSON.stringify({ clients, practice }),
      JSON.stringify({ practice, clients }, null, 2),
      JSON.stringify({ practice, clients, extra: [] }),
      JSON.stringify({ practice, clients: [...clients, 3] }),
      JSON.stringify({ practice, clients: [clients[0], [clients[0]]] }),
      `${JSON.stringify({ practice, clients })} `,
      JSON.stringify({ practice, clients }).replace('{"practice":', '{"practice" :'),
      JSON.stringify({ practice: [practice], clients }),
    ])
      expect(payloadSpans(Buffer.from(other))).toBeNull();
  });
});
