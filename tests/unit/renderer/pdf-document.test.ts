import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { bytesOfBase64, pdfProblem } from '../../../renderer/src/components/documents/pdf-document';

describe('PDF preview: bytes', () => {
  it('decodes base64 to the very bytes, all 256 values and a length that is not a multiple of 3', () => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, value) => value)), randomBytes(100_001)]);
    const decoded = bytesOfBase64(bytes.toString('base64'));
    expect(decoded).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(decoded).equals(bytes)).toBe(true);
  });

  it('decodes an empty text to no bytes', () => {
    expect(bytesOfBase64('')).toHaveLength(0);
  });
});

describe('PDF preview: what pdf.js refused, for the coach', () => {
  function named(name: string, message = 'from pdf.js'): Error {
    const error = new Error(message);
    error.name = name;
    return error;
  }

  it('says a password-protected PDF needs its reader, with its own code', () => {
    const problem = pdfProblem(named('PasswordException', 'No password given'), 'Offer.pdf');
    expect(problem).toBeInstanceOf(RapportError);
    expect(problem.code).toBe('DOCUMENT_PASSWORD');
    expect(problem.message).toContain('“Offer.pdf” is protected by a password');
  });

  it('says a damaged PDF cannot be shown, whatever pdf.js called the fault', () => {
    for (const caught of [
      named('InvalidPDFException', 'Invalid PDF structure.'),
      named('UnknownErrorException'),
      new TypeError('x'),
      'a string',
    ]) {
      const problem = pdfProblem(caught, 'CV.pdf');
      expect(problem.code).toBe('DOCUMENT_UNREADABLE');
      expect(problem.message).toContain('“CV.pdf” cannot be shown: it is not a readable PDF');
      expect(problem.message).not.toContain('pdf.js');
    }
  });

  it('keeps a RapportError as it is', () => {
    const error = new RapportError('DOCUMENT_EMPTY', 'No pages.');
    expect(pdfProblem(error, 'CV.pdf')).toBe(error);
  });
});
