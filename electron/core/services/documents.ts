import { createHash, randomBytes } from 'node:crypto';
import { chmod, copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  MAX_PREVIEW_BYTES,
  type AttachOptions,
  type AttachProgress,
  type DocumentPatch,
  type DocumentText,
  type DocumentView,
  type DocumentsApi,
  type TextProblem,
} from '../../../shared/api/documents';
import { RapportError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { MAX_DOCUMENT_BYTES, type AttachedDocument, type DocumentLabel } from '../../../shared/model/document-file';
import type { ClientDocument } from '../../../shared/model/documents';
import { fsyncDirectory } from '../durable-write';
import type { DocumentTexts } from '../files/document-texts';
import { readsTextOf } from '../files/extract-text';
import type { FileKeeper, RemovedDocument } from '../files/file-keeper';
import type { OpenCopies } from '../files/open-copies';
import { prepareFile, storedFilePath, type PreparedStoredFile } from '../files/file-store';
import { NOT_RECOVERABLE, findRecoverySource, takeFromBackups, type RecoveryRequest } from '../files/recover-file';
import { SNIFF_BYTES, extensionOf, isOpenable, sniffMediaType } from '../files/file-types';
import { toRapportError } from '../io-errors';
import { openUntrustedFile } from '../untrusted-file';
import { danglingReference } from '../validation/references';
import type { ServiceContext } from './context';
import { findRecord, newRecord } from './records';

const MB = 1024 * 1024;
/** Dropped files being uploaded at once, across clients; more is a page misbehaving. */
const MAX_UPLOADS = 8;
/** An upload that gets no piece for this long is dropped with what it wrote. */
const UPLOAD_IDLE_MS = 2 * 60 * 1000;

const tooLarge = (name: string) => () =>
  new RapportError(
    'DOCUMENT_TOO_LARGE',
    `“${name}” is larger than ${MAX_DOCUMENT_BYTES / MB} MB, the most Rapport keeps for one document. Nothing was attached.`,
  );
const empty = (name: string) => () =>
  new RapportError('DOCUMENT_EMPTY', `“${name}” is empty, so there is nothing to attach. Nothing was attached.`);
const damaged = (name: string) =>
  new RapportError(
    'DOCUMENT_DAMAGED',
    `The stored copy of “${name}” is damaged or missing: its contents are no longer what was attached. Restore it from a backup, or attach the file again.`,
  );
const uploadGone = () => new RapportError('NOT_FOUND', 'That upload is no longer going on. Please drop the file again.');

/** A label from the file's name when the coach gave none: most CVs and cover letters say what they are. */
export function guessLabel(name: string): DocumentLabel {
  const lower = name.toLowerCase();
  if (/\b(cv|resume|résumé|lebenslauf|curriculum)\b/.test(lower)) return 'cv';
  if (/cover.?letter|anschreiben|motivation/.test(lower)) return 'cover-letter';
  if (/\boffer\b|angebot/.test(lower)) return 'offer';
  if (/job.?desc|\bjd\b|stellenanzeige|posting/.test(lower)) return 'job-description';
  if (/assessment|report|strengths|mbti|disc\b/.test(lower)) return 'assessment';
  return 'other';
}

/** A name every file system takes, within `maxLength`, keeping its extension. */
function fileNameWithin(name: string, maxLength: number): string {
  const extension = extensionOf(name);
  const suffix = extension && extension.length <= 20 ? `.${extension}` : '';
  return safeFileName(name.slice(0, name.length - suffix.length), { extension: suffix, maxLength, fallback: 'Document' });
}

/** The newest version in the chain `id` is part of: a new version goes after it. */
function newestVersion(document: ClientDocument, id: string): string {
  let at = id;
  for (let steps = 0; steps <= document.documents.length; steps += 1) {
    const newer = document.documents.find((attached) => attached.previousVersionId === at);
    if (!newer) return at;
    at = newer.id;
  }
  return at;
}

const LINKS = [
  ['sessionId', 'session', (document: ClientDocument) => document.sessions],
  ['goalId', 'goal', (document: ClientDocument) => document.goals],
  ['applicationId', 'job application', (document: ClientDocument) => document.jobSearch.applications],
] as const;

/**
 * Refuses a link to a record that is not this client's (another client's, or one removed
 * meanwhile), at the field that names it: a document only ever links within its own client.
 */
function checkLinks(document: ClientDocument, links: Omit<AttachOptions, 'label'> | DocumentPatch): void {
  for (const [field, what, records] of LINKS) {
    const id = links[field];
    if (!id || records(document).some((record) => record.id === id)) continue;
    throw new RapportError('INVALID_INPUT', `That ${what} is not one of this client’s. Nothing was changed.`, [
      { path: [field], message: `That ${what} is not one of this client’s. Please choose another.` },
    ]);
  }
  if (links.previousVersionId) findRecord(document.documents, links.previousVersionId, 'document');
}

/** How long a removal can be undone; the file stays on disk until then (or until the workspace closes). 0: no undo. */
export const REMOVAL_UNDO_MS = 60 * 1000;

/** The removed record as it can come back: links to records removed meanwhile are dropped. */
function restoredRecord(document: ClientDocument, removed: RemovedDocument): AttachedDocument {
  const record = structuredClone(removed.record);
  const has = (records: readonly { id: string }[], id: string | null) => id !== null && records.some((other) => other.id === id);
  if (!has(document.documents, record.previousVersionId)) record.previousVersionId = null;
  if (!has(document.sessions, record.sessionId)) record.sessionId = null;
  if (!has(document.goals, record.goalId)) record.goalId = null;
  if (!has(document.jobSearch.applications, record.applicationId)) record.applicationId = null;
  return record;
}

interface Incoming {
  name: string;
  prepared: PreparedStoredFile;
  head: Uint8Array;
}

interface Upload {
  clientId: string;
  name: string;
  size: number;
  received: number;
  pass: PassThrough;
  prepared: Promise<PreparedStoredFile>;
  head: Buffer[];
  idle: NodeJS.Timeout;
}

/** What the Documents tab says about searching a document's text, from what reading it found so far. */
function textOf(
  attached: Pick<AttachedDocument, 'sha256' | 'mediaType'>,
  texts: Pick<DocumentTexts, 'outcomeOf'>,
): { text: DocumentText; textProblem: TextProblem | null } {
  // Images and the like are never read: their outcome is `none` too, and must not pass for a scan's.
  if (!readsTextOf(attached.mediaType)) return { text: 'not-read', textProblem: null };
  const outcome = texts.outcomeOf(attached.sha256);
  if (outcome === undefined) return { text: 'reading', textProblem: null };
  if (outcome.state === 'text') return { text: 'searchable', textProblem: null };
  if (outcome.state === 'none') return { text: 'no-text', textProblem: null };
  return { text: 'unreadable', textProblem: outcome.reason };
}

/** Where damaged or missing files are recovered from: the automatic backups. */
export interface DocumentRecoveryOptions {
  backupsDir: string;
  /** The automatic backups' passphrase (from the keychain), if the coach set one. */
  automaticPassphrase?: (() => Promise<string | undefined>) | undefined;
}

export function createDocumentsService(
  context: ServiceContext,
  keeper: FileKeeper,
  {
    undoMs = REMOVAL_UNDO_MS,
    openCopies,
    texts,
    recovery,
  }: {
    undoMs?: number | undefined;
    openCopies: OpenCopies;
    /** The texts search reads in the background, shared with the search service. */
    texts: Pick<DocumentTexts, 'outcomeOf' | 'extract' | 'forget'>;
    recovery?: DocumentRecoveryOptions | undefined;
  },
): DocumentsApi {
  const { store, dataDir } = context;
  const progress = new Map<string, AttachProgress>();
  const uploads = new Map<string, Upload>();

  async function view(attached: AttachedDocument): Promise<DocumentView> {
    return {
      ...attached,
      integrity: await keeper.integrity(attached.sha256),
      openable: isOpenable(attached.name, attached.mediaType),
      ...textOf(attached, texts),
    };
  }

  /** Puts the prepared files in place and adds their documents, or (on any failure) leaves no new file behind. */
  async function addDocuments(clientId: string, incoming: Incoming[], options: AttachOptions): Promise<DocumentView[]> {
    let release = () => {};
    const written: string[] = [];
    try {
      const records = await Promise.all(
        incoming.map(async ({ name, prepared, head }) => ({ name, prepared, mediaType: await sniffMediaType(name, head) })),
      );
      await keeper.gate(async () => {
        for (const { prepared } of records) if ((await prepared.commit()).written) written.push(prepared.sha256);
        release = keeper.hold(records.map(({ prepared }) => prepared.sha256));
      });
      // A fresh copy that replaced a damaged one: its text was not found while its bytes were wrong.
      for (const sha256 of written) texts.forget(sha256);
      const { result } = await store.updateClient(clientId, (document) => {
        checkLinks(document, options);
        const now = context.timestamp();
        let previous = options.previousVersionId ? newestVersion(document, options.previousVersionId) : null;
        const added: AttachedDocument[] = [];
        for (const { name, prepared, mediaType } of records) {
          const attached: AttachedDocument = {
            ...newRecord(context, now),
            name: fileNameWithin(name, 200),
            label: options.label ?? guessLabel(name),
            mediaType,
            size: prepared.size,
            sha256: prepared.sha256,
            previousVersionId: previous,
            sessionId: options.sessionId ?? null,
            goalId: options.goalId ?? null,
            applicationId: options.applicationId ?? null,
          };
          document.documents.push(attached);
          added.push(attached);
          if (previous !== null) previous = attached.id;
        }
        return added;
      });
      release();
      return await Promise.all(result.map(view));
    } catch (error) {
      release();
      await Promise.all(incoming.map(({ prepared }) => prepared.discard()));
      await keeper.collect(written).catch(() => undefined);
      throw toRapportError(error);
    }
  }

  async function prepareFromPath(clientId: string, path: string, index: number, count: number): Promise<Incoming> {
    const name = basename(path);
    const file = await openUntrustedFile(path, MAX_DOCUMENT_BYTES, { kind: 'document', code: 'INVALID_INPUT' }, tooLarge(name));
    try {
      if (file.size === 0) throw empty(name)();
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, file.size));
      await file.handle.read(head, 0, head.length, 0);
      const entry: AttachProgress = { name, index, count, bytesDone: 0, bytesTotal: file.size };
      progress.set(clientId, entry);
      const source = file.handle.createReadStream({ start: 0, end: file.size - 1, autoClose: false });
      const prepared = await prepareFile(dataDir, source, {
        maxBytes: file.size,
        tooLarge: tooLarge(name),
        empty: empty(name),
        onProgress: (bytes) => (entry.bytesDone = bytes),
      }).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EIO' || code === 'EISDIR' || code === 'EINVAL') {
          throw new RapportError('IO_ERROR', `Rapport could not read “${name}”. Choose another file. Nothing was attached.`);
        }
        throw error;
      });
      return { name, prepared, head };
    } finally {
      await file.handle.close();
    }
  }

  async function verifiedBytesOf(attached: AttachedDocument): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(storedFilePath(dataDir, attached.sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw damaged(attached.name);
      throw toRapportError(error);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== attached.sha256) {
      keeper.forget(attached.sha256);
      throw damaged(attached.name);
    }
    return bytes;
  }

  /** Copies the stored file to `target` through a temp file, checking the copy's bytes against the digest. */
  async function copyVerified(attached: AttachedDocument, target: string, mode: number): Promise<void> {
    const temp = join(dirname(target), `.${basename(target)}.rapport-${randomBytes(6).toString('hex')}`);
    try {
      await copyFile(storedFilePath(dataDir, attached.sha256), temp).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && error.path === storedFilePath(dataDir, attached.sha256)) throw damaged(attached.name);
        throw error;
      });
      const handle = await open(temp, 'r+');
      const hash = createHash('sha256');
      try {
        for await (const piece of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) hash.update(piece);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (hash.digest('hex') !== attached.sha256) {
        keeper.forget(attached.sha256);
        throw damaged(attached.name);
      }
      await chmod(temp, mode);
      await rename(temp, target);
      await fsyncDirectory(dirname(target));
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw toRapportError(error);
    }
  }

  async function documentView(clientId: string, documentId: string): Promise<DocumentView> {
    return view(findRecord(store.client(clientId).documents, documentId, 'document'));
  }

  /** What recovering a document's file asks of the backups; null when the stored file is whole. */
  async function recoveryRequest(clientId: string, documentId: string): Promise<RecoveryRequest | null> {
    const attached = findRecord(store.client(clientId).documents, documentId, 'document');
    keeper.forget(attached.sha256);
    if ((await keeper.integrity(attached.sha256)) === 'ok') return null;
    if (recovery === undefined) throw NOT_RECOVERABLE();
    // A keychain that does not answer leaves the plain backups to look in.
    const passphrase = await recovery.automaticPassphrase?.().catch(() => undefined);
    return { dataDir, backupsDir: recovery.backupsDir, passphrase, sha256: attached.sha256, size: attached.size };
  }

  function takeUpload(uploadId: string): Upload {
    const upload = uploads.get(uploadId);
    if (!upload) throw uploadGone();
    return upload;
  }

  function dropUpload(uploadId: string, reason: Error): void {
    const upload = uploads.get(uploadId);
    if (!upload) return;
    uploads.delete(uploadId);
    clearTimeout(upload.idle);
    if (progress.get(upload.clientId)?.name === upload.name) progress.delete(upload.clientId);
    upload.pass.destroy(reason);
  }

  function touch(uploadId: string, upload: Upload): void {
    clearTimeout(upload.idle);
    upload.idle = setTimeout(() => dropUpload(uploadId, uploadGone()), UPLOAD_IDLE_MS);
    upload.idle.unref();
  }

  return {
    async list(clientId) {
      const { documents } = store.client(clientId);
      const newestFirst = documents
        .map((attached, index) => ({ attached, index }))
        .sort((a, b) => b.attached.createdAt.localeCompare(a.attached.createdAt) || b.index - a.index)
        .map(({ attached }) => attached);
      return Promise.all(newestFirst.map(view));
    },

    async attach(clientId, filePaths, options) {
      checkLinks(store.client(clientId), options);
      const incoming: Incoming[] = [];
      try {
        for (const [index, path] of filePaths.entries()) incoming.push(await prepareFromPath(clientId, path, index + 1, filePaths.length));
      } catch (error) {
        await Promise.all(incoming.map(({ prepared }) => prepared.discard()));
        throw toRapportError(error);
      } finally {
        progress.delete(clientId);
      }
      return addDocuments(clientId, incoming, options);
    },

    async beginUpload(clientId, { name, size }) {
      store.client(clientId);
      if (size === 0) throw empty(name)();
      if (size > MAX_DOCUMENT_BYTES) throw tooLarge(name)();
      if (uploads.size >= MAX_UPLOADS) {
        throw new RapportError('CONFLICT', 'Rapport is already taking in several files. Please wait for them to finish.');
      }
      const uploadId = randomBytes(16).toString('base64url');
      const pass = new PassThrough({ highWaterMark: 8 * MB });
      // A dropped upload ends its stream with an error; prepareFile reports it, the stream need not.
      pass.on('error', () => undefined);
      const entry: AttachProgress = { name, index: 1, count: 1, bytesDone: 0, bytesTotal: size };
      const prepared = prepareFile(dataDir, pass, {
        maxBytes: size,
        tooLarge: tooLarge(name),
        empty: empty(name),
        onProgress: (bytes) => (entry.bytesDone = bytes),
      });
      // Failures are reported by the next piece or by finishUpload; none goes unhandled meanwhile.
      prepared.catch(() => undefined);
      const upload: Upload = { clientId, name, size, received: 0, pass, prepared, head: [], idle: setTimeout(() => {}, 0) };
      uploads.set(uploadId, upload);
      progress.set(clientId, entry);
      touch(uploadId, upload);
      return uploadId;
    },

    async uploadChunk(uploadId, base64) {
      const upload = takeUpload(uploadId);
      touch(uploadId, upload);
      const bytes = Buffer.from(base64, 'base64');
      if (upload.received + bytes.byteLength > upload.size) {
        const error = new RapportError('INVALID_INPUT', `“${upload.name}” sent more bytes than it said it had. Nothing was attached.`);
        dropUpload(uploadId, error);
        throw error;
      }
      if (upload.received < SNIFF_BYTES) upload.head.push(bytes.subarray(0, SNIFF_BYTES - upload.received));
      upload.received += bytes.byteLength;
      if (!upload.pass.write(bytes)) {
        await Promise.race([new Promise<void>((resolve) => upload.pass.once('drain', resolve)), upload.prepared.then(() => undefined)]);
      }
      return upload.received;
    },

    async finishUpload(uploadId, options) {
      const upload = takeUpload(uploadId);
      uploads.delete(uploadId);
      clearTimeout(upload.idle);
      if (upload.received !== upload.size) {
        upload.pass.destroy(uploadGone());
        progress.delete(upload.clientId);
        throw new RapportError('INVALID_INPUT', `Only part of “${upload.name}” arrived. Please drop the file again. Nothing was attached.`);
      }
      upload.pass.end();
      try {
        const prepared = await upload.prepared;
        return (await addDocuments(upload.clientId, [{ name: upload.name, prepared, head: Buffer.concat(upload.head) }], options))[0];
      } finally {
        progress.delete(upload.clientId);
      }
    },

    async cancelUpload(uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload) return;
      dropUpload(uploadId, uploadGone());
      await upload.prepared.catch(() => undefined);
    },

    async progress(clientId) {
      store.client(clientId);
      const entry = progress.get(clientId);
      return entry ? { ...entry } : null;
    },

    async update(clientId, documentId, patch) {
      const { result } = await store.updateClient(clientId, (document) => {
        const attached = findRecord(document.documents, documentId, 'document');
        checkLinks(document, patch);
        Object.assign(attached, patch, { updatedAt: context.timestamp() });
        if (danglingReference(document) !== null) {
          throw new RapportError(
            'INVALID_INPUT',
            'Rapport cannot link these versions: each document can follow only one other, only one can follow it, and versions cannot go round in a circle.',
            [{ path: ['previousVersionId'], message: 'Please choose another earlier version.' }],
          );
        }
        return attached;
      });
      return view(result);
    },

    async remove(clientId, documentId) {
      // Held before the record goes, so that no collect in between can take the file the undo needs.
      const release = keeper.hold([findRecord(store.client(clientId).documents, documentId, 'document').sha256]);
      try {
        const { result: removed } = await store.updateClient(clientId, (document) => {
          const index = document.documents.findIndex((attached) => attached.id === documentId);
          const attached = findRecord(document.documents, documentId, 'document');
          const now = context.timestamp();
          const undo: RemovedDocument = { record: structuredClone(attached), index, followers: [], cvOf: [], coverLetterOf: [] };
          document.documents = document.documents.filter((other) => other.id !== documentId);
          for (const other of document.documents) {
            if (other.previousVersionId !== documentId) continue;
            other.previousVersionId = attached.previousVersionId;
            other.updatedAt = now;
            undo.followers.push(other.id);
          }
          for (const application of document.jobSearch.applications) {
            if (application.cvDocumentId !== documentId && application.coverLetterDocumentId !== documentId) continue;
            if (application.cvDocumentId === documentId) {
              application.cvDocumentId = null;
              undo.cvOf.push(application.id);
            }
            if (application.coverLetterDocumentId === documentId) {
              application.coverLetterDocumentId = null;
              undo.coverLetterOf.push(application.id);
            }
            application.updatedAt = now;
          }
          return undo;
        });
        if (undoMs > 0) {
          keeper.keepRemoval({ clientId, documentId, sha256: removed.record.sha256, removed, release }, undoMs);
          return;
        }
        release();
        await keeper.collect([removed.record.sha256]);
      } catch (error) {
        release();
        throw error;
      }
    },

    async restoreRemoved(clientId, documentId) {
      store.client(clientId);
      const kept = keeper.takeRemoval(clientId, documentId);
      if (!kept) {
        throw new RapportError('NOT_FOUND', 'This removal can no longer be undone. Attach the file again if you still need it.');
      }
      const { removed } = kept;
      try {
        const { result } = await store.updateClient(clientId, (document) => {
          if (document.documents.some((attached) => attached.id === documentId))
            throw new RapportError('CONFLICT', 'This document is back already.');
          const record = restoredRecord(document, removed);
          document.documents.splice(Math.min(removed.index, document.documents.length), 0, record);
          const now = context.timestamp();
          const followers = document.documents.filter(
            (other) => removed.followers.includes(other.id) && other.previousVersionId === removed.record.previousVersionId,
          );
          for (const other of followers) other.previousVersionId = documentId;
          if (danglingReference(document) !== null) {
            // The chain changed meanwhile (a version attached where this one was): it comes back on its own.
            for (const other of followers) other.previousVersionId = removed.record.previousVersionId;
            record.previousVersionId = null;
          } else {
            for (const other of followers) other.updatedAt = now;
          }
          for (const application of document.jobSearch.applications) {
            const cv = removed.cvOf.includes(application.id) && application.cvDocumentId === null;
            const letter = removed.coverLetterOf.includes(application.id) && application.coverLetterDocumentId === null;
            if (cv) application.cvDocumentId = documentId;
            if (letter) application.coverLetterDocumentId = documentId;
            if (cv || letter) application.updatedAt = now;
          }
          return record;
        });
        kept.release();
        return await view(result);
      } catch (error) {
        kept.release();
        await keeper.collect([kept.sha256]).catch(() => undefined);
        throw toRapportError(error);
      }
    },

    async read(clientId, documentId) {
      const attached = findRecord(store.client(clientId).documents, documentId, 'document');
      if (attached.size > MAX_PREVIEW_BYTES) {
        throw new RapportError(
          'DOCUMENT_TOO_LARGE',
          `“${attached.name}” is too large to preview here (over ${MAX_PREVIEW_BYTES / MB} MB). Use Open to see it.`,
        );
      }
      const bytes = await verifiedBytesOf(attached);
      return { mediaType: attached.mediaType, base64: bytes.toString('base64') };
    },

    async saveCopy(clientId, documentId, filePath) {
      const attached = findRecord(store.client(clientId).documents, documentId, 'document');
      await copyVerified(attached, filePath, 0o644);
    },

    async copyForOpening(clientId, documentId) {
      const attached = findRecord(store.client(clientId).documents, documentId, 'document');
      const notOpenable = new RapportError(
        'DOCUMENT_NOT_OPENABLE',
        `Rapport does not open “${attached.name}”: it is a program or a script, which could run on this computer. Use Save a copy… if you need the file.`,
      );
      if (!isOpenable(attached.name, attached.mediaType)) throw notOpenable;
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, attached.size));
      try {
        const handle = await open(storedFilePath(dataDir, attached.sha256), 'r');
        try {
          await handle.read(head, 0, head.length, 0);
        } finally {
          await handle.close();
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw damaged(attached.name);
        throw toRapportError(error);
      }
      const sniffed = await sniffMediaType(attached.name, head);
      if (!isOpenable(attached.name, sniffed)) throw notOpenable;
      const folder = await openCopies.folder();
      const target = join(folder, fileNameWithin(attached.name, 120));
      await copyVerified(attached, target, 0o400);
      return target;
    },

    async recoverySource(clientId, documentId) {
      const request = await recoveryRequest(clientId, documentId);
      return request === null ? null : findRecoverySource(request);
    },

    async recoverFile(clientId, documentId) {
      const request = await recoveryRequest(clientId, documentId);
      if (request === null) return { document: await documentView(clientId, documentId), source: null };
      // The backups are read and the copy verified with no gate held; only putting it in place is gated.
      const { prepared, source } = await takeFromBackups(request);
      try {
        await keeper.gate(async () => {
          // Removed meanwhile: the file is no longer wanted, and would only be swept at the next open.
          if (!keeper.referenced(request.sha256)) return;
          await prepared.commit();
        });
      } finally {
        await prepared.discard();
        keeper.forget(request.sha256);
        // Read while the bytes were wrong, the file had no text; now it is read again.
        texts.forget(request.sha256);
      }
      return { document: await documentView(clientId, documentId), source };
    },

    async textsRead(clientId) {
      await texts.extract([store.client(clientId)]);
    },
  };
}
