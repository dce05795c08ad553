import { z } from 'zod';
import { type AttachedDocument, DocumentLabel, MAX_DOCUMENT_BYTES, documentFields } from '../model/document-file';
import { Id } from '../model/primitives';
import { ChosenFileRef } from './chosen-file';

/** Whether a stored file still holds the bytes it was attached with. */
export type FileIntegrity = 'ok' | 'damaged' | 'missing';

/**
 * Whether search finds a document by its text, which main reads in the background once the file
 * is attached: `searchable` (text found), `reading` (not read yet), `no-text` (read, and none in
 * it: a scan), `unreadable` (see `textProblem`), `not-read` (a kind of file whose text Rapport
 * does not read: images, ODT, spreadsheets…). Search finds every document by its name and label.
 */
export type DocumentText = 'searchable' | 'reading' | 'no-text' | 'unreadable' | 'not-read';

/** Why the text of a file Rapport reads could not be read. */
export type TextProblem = 'encrypted' | 'damaged' | 'too-large' | 'too-slow';

/** A document as the client file shows it: the record, and whether its file is still sound. */
export interface DocumentView extends AttachedDocument {
  integrity: FileIntegrity;
  /** Executable and script types are never opened by Rapport, only saved. */
  openable: boolean;
  text: DocumentText;
  /** Set when `text` is `unreadable`, null otherwise. */
  textProblem: TextProblem | null;
}

/** How many files one attach takes at most (a dialog or a drop). */
export const MAX_FILES_PER_ATTACH = 20;
/** Upload pieces of dropped files: 4 MiB of bytes, as base64. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_CHUNK_CHARS = Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4;
/** The largest file the page previews from its bytes; larger ones are opened instead. */
export const MAX_PREVIEW_BYTES = 25 * 1024 * 1024;

/** Where a new document belongs, beyond the client: all optional. */
export const AttachOptions = z.strictObject({
  label: DocumentLabel.optional(),
  previousVersionId: Id.nullable().optional(),
  sessionId: Id.nullable().optional(),
  goalId: Id.nullable().optional(),
  applicationId: Id.nullable().optional(),
});
export type AttachOptions = z.infer<typeof AttachOptions>;

/** What an edit may change: the name, the label and the links; never the bytes. */
export const DocumentPatch = z
  .strictObject({
    ...documentFields,
    previousVersionId: Id.nullable(),
    sessionId: Id.nullable(),
    goalId: Id.nullable(),
    applicationId: Id.nullable(),
  })
  .partial();
export type DocumentPatch = z.infer<typeof DocumentPatch>;

/** A dropped file about to be uploaded piece by piece. */
export const UploadStart = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type UploadStart = z.infer<typeof UploadStart>;

export const UploadId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, { error: 'That upload is no longer going on. Please drop the file again.' });
const UploadChunk = z
  .string()
  .max(MAX_CHUNK_CHARS, { error: 'That piece of the file is too large.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'That piece of the file is not valid.' });

/** How far the attach of a client's files has come, while one is going on. */
export interface AttachProgress {
  /** The file being stored now. */
  name: string;
  /** Its position among the files of this attach, from 1. */
  index: number;
  count: number;
  bytesDone: number;
  bytesTotal: number;
}

/** A stored file's bytes for a preview, as base64. */
export interface DocumentBytes {
  mediaType: string;
  base64: string;
}

/** The automatic backup a damaged or missing file is (or would be) taken back from. */
export interface RecoverySource {
  /** The backup's file name in the backups folder. */
  fileName: string;
  /** When the backup was made. */
  createdAt: string;
}

/** What a recovery did: the document as it is now, and where its file came from. */
export interface RecoveredDocument {
  document: DocumentView;
  /** Null when the stored file was whole already (another attach of the same bytes mended it). */
  source: RecoverySource | null;
}

/** The members shared by the workspace's and the page's side. */
interface DocumentsCommon {
  /** The client's documents, newest first, each with the state of its file. */
  list(clientId: string): Promise<DocumentView[]>;
  /** Starts storing a dropped file; its bytes follow with `uploadChunk`. */
  beginUpload(clientId: string, start: UploadStart): Promise<string>;
  /** Appends the next piece (base64) and answers the bytes received so far. */
  uploadChunk(uploadId: string, base64: string): Promise<number>;
  /** Checks that every byte came, stores the file and adds the document. */
  finishUpload(uploadId: string, options: AttachOptions): Promise<DocumentView>;
  /** Drops an upload and whatever of it was written. */
  cancelUpload(uploadId: string): Promise<void>;
  /** How far the current attach of this client's files has come, or null. */
  progress(clientId: string): Promise<AttachProgress | null>;
  /** Renames, relabels or relinks a document. */
  update(clientId: string, documentId: string, patch: DocumentPatch): Promise<DocumentView>;
  /**
   * Removes a document (a newer version then follows the one before it) and, once that is on
   * disk, its file when no client's document holds those bytes any more.
   */
  remove(clientId: string, documentId: string): Promise<void>;
  /**
   * Undoes a removal made a moment ago (REMOVAL_UNDO_MS in main): the record comes back as it
   * was, same id, with the newer version and applications that named it pointing at it again.
   * NOT_FOUND once the window is over.
   */
  restoreRemoved(clientId: string, documentId: string): Promise<DocumentView>;
  /** The stored file's bytes for a preview, verified; refused above MAX_PREVIEW_BYTES. */
  read(clientId: string, documentId: string): Promise<DocumentBytes>;
  /**
   * The newest automatic backup that lists the document's file, for a damaged or missing file
   * (null when none does, or when the file is whole). Reads only the backups' manifests.
   */
  recoverySource(clientId: string, documentId: string): Promise<RecoverySource | null>;
  /**
   * Takes a damaged or missing file back from the newest automatic backup holding an intact
   * copy (verified by its digest before it replaces anything); DOCUMENT_NOT_RECOVERABLE when none does.
   */
  recoverFile(clientId: string, documentId: string): Promise<RecoveredDocument>;
  /**
   * Resolves once the text of every document of the client has been read (reading any not read
   * yet first): main tells the page nothing by itself, so a list showing `reading` waits on this
   * one call, then lists again.
   */
  textsRead(clientId: string): Promise<void>;
}

/**
 * Documents as main calls them, with paths from its own dialogs (and tests with their own).
 * The page never reaches these: it calls DocumentsPageApi, whose files are tokens.
 */
export interface DocumentsApi extends DocumentsCommon {
  /** Stores each file and adds a document for it, all or nothing; the documents in the order given. */
  attach(clientId: string, filePaths: string[], options: AttachOptions): Promise<DocumentView[]>;
  /** Writes a verified copy of the document's file to `filePath`. */
  saveCopy(clientId: string, documentId: string, filePath: string): Promise<void>;
  /** A fresh read-only copy of the verified file, in a temp folder, named like the document: for the system's app. */
  copyForOpening(clientId: string, documentId: string): Promise<string>;
}

/** Documents as the page may ask for them: every file it names is a token from main's dialogs. */
export interface DocumentsPageApi extends DocumentsCommon {
  /** Stores the chosen files ('document-read' tokens, spent) and adds a document for each. */
  attach(clientId: string, files: ChosenFileRef[], options: AttachOptions): Promise<DocumentView[]>;
  /** Saves a copy where the coach chose ('document-write' token); answers the file's name. */
  saveCopy(clientId: string, documentId: string, file: ChosenFileRef): Promise<string>;
  /** Hands a read-only temporary copy to the system's default app; refused for executable and script types. */
  open(clientId: string, documentId: string): Promise<void>;
}

const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((path) => !path.includes('\0') && (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)), {
    error: 'Please choose a file with the file dialog.',
  });
const FileList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, { error: 'Please choose at least one file.' })
    .max(MAX_FILES_PER_ATTACH, { error: `Please attach at most ${MAX_FILES_PER_ATTACH} files at once.` });

const common = {
  list: z.tuple([Id]),
  beginUpload: z.tuple([Id, UploadStart]),
  uploadChunk: z.tuple([UploadId, UploadChunk]),
  finishUpload: z.tuple([UploadId, AttachOptions]),
  cancelUpload: z.tuple([UploadId]),
  progress: z.tuple([Id]),
  update: z.tuple([Id, Id, DocumentPatch]),
  remove: z.tuple([Id, Id]),
  restoreRemoved: z.tuple([Id, Id]),
  read: z.tuple([Id, Id]),
  recoverySource: z.tuple([Id, Id]),
  recoverFile: z.tuple([Id, Id]),
  textsRead: z.tuple([Id]),
};

export const documentsContract = {
  ...common,
  attach: z.tuple([Id, FileList(AbsolutePath), AttachOptions]),
  saveCopy: z.tuple([Id, Id, AbsolutePath]),
  copyForOpening: z.tuple([Id, Id]),
};

export const documentsPageContract = {
  ...common,
  attach: z.tuple([Id, FileList(ChosenFileRef), AttachOptions]),
  saveCopy: z.tuple([Id, Id, ChosenFileRef]),
  open: z.tuple([Id, Id]),
};

export { MAX_DOCUMENT_BYTES };
