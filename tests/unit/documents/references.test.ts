import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usableAsReadClient, validateClientDocument } from '../../../electron/core/validation/documents';
import { danglingReference } from '../../../electron/core/validation/references';
import { ClientDocument } from '../../../shared/model/documents';
import { application } from '../job-search/fixtures';
import { clientDocument, session } from '../trust/fixtures';
import { attached } from './fixtures';

describe('cross-references of attached documents', () => {
  it('accepts documents linked to this client’s session, application and earlier versions, and CVs an application names', () => {
    const held = session('2026-10-01T09:00:00.000Z');
    const sent = application('Nordlicht', [['applied', '2026-10-02T09:00:00.000Z']]);
    const v1 = attached('v1');
    const v2 = attached('v2', { previousVersionId: v1.id, sessionId: held.id, applicationId: sent.id });
    const letter = attached('letter', { label: 'cover-letter' });
    const document = clientDocument({
      sessions: [held],
      documents: [v2, v1, letter],
      jobSearch: { applications: [{ ...sent, cvDocumentId: v2.id, coverLetterDocumentId: letter.id }], criteria: [] },
    });
    expect(danglingReference(document)).toBeNull();
  });

  it('refuses links to records this client does not have', () => {
    const elsewhere = randomUUID();
    for (const field of ['previousVersionId', 'sessionId', 'goalId', 'applicationId'] as const) {
      const document = clientDocument({ documents: [attached('a', { [field]: elsewhere })] });
      expect(danglingReference(document), field).toMatch(/^document /);
    }
    const sent = application('Nordlicht', [['applied', '2026-10-02T09:00:00.000Z']]);
    for (const field of ['cvDocumentId', 'coverLetterDocumentId'] as const) {
      const document = clientDocument({ jobSearch: { applications: [{ ...sent, [field]: elsewhere }], criteria: [] } });
      expect(danglingReference(document), field).toBe(`application ${sent.id}`);
    }
  });

  it('refuses version links that loop or branch', () => {
    const a = attached('a');
    const b = attached('b', { previousVersionId: a.id });
    const looped = clientDocument({ documents: [{ ...a, previousVersionId: b.id }, b] });
    expect(danglingReference(looped)).toMatch(/^document /);
    const self = attached('self');
    expect(danglingReference(clientDocument({ documents: [{ ...self, previousVersionId: self.id }] }))).toMatch(/^document /);
    const twice = clientDocument({ documents: [a, b, attached('c', { previousVersionId: a.id })] });
    expect(danglingReference(twice)).toMatch(/^document /);
    // A loop of three beside a good chain.
    const [x, y, z] = [attached('x'), attached('y'), attached('z')];
    const three = clientDocument({
      documents: [a, b, { ...x, previousVersionId: z.id }, { ...y, previousVersionId: x.id }, { ...z, previousVersionId: y.id }],
    });
    expect(danglingReference(three)).toMatch(/^document /);
  });

  it('refuses a digest that is not 64 lower-case hex digits, and an empty file', () => {
    const good = attached('x');
    for (const sha256 of [good.sha256.toUpperCase(), good.sha256.slice(1), `../${good.sha256.slice(3)}`]) {
      expect(ClientDocument.safeParse({ ...clientDocument(), documents: [{ ...good, sha256 }] }).success).toBe(false);
    }
    expect(ClientDocument.safeParse({ ...clientDocument(), documents: [{ ...good, size: 0 }] }).success).toBe(false);
  });

  it('is checked the same way by the store’s compiled validators', () => {
    const good = clientDocument({ documents: [attached('x')] });
    expect(usableAsReadClient(good)).toBe(true);
    expect(validateClientDocument(good).success).toBe(true);
    const bad = { ...good, documents: [{ ...good.documents[0], sha256: good.documents[0].sha256.toUpperCase() }] };
    expect(usableAsReadClient(bad)).toBe(false);
    expect(validateClientDocument(bad).success).toBe(false);
  });
});
