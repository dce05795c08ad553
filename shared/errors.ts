export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'CORRUPT_STORE',
  'NEWER_VERSION',
  'BAD_BACKUP',
  'WRONG_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'IO_ERROR',
  'FORBIDDEN',
  'INTERNAL',
  'REPLY_TOO_LARGE',
  'REPLY_OTHER_AGENDA',
  'REPLY_TOO_COMPLEX',
  'CALENDAR_UNREADABLE',
  'CALENDAR_TOO_LARGE',
  'CALENDAR_TOO_MANY_EVENTS',
  'CALENDAR_UNKNOWN_TIME_ZONE',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_EMPTY',
  'DOCUMENT_DAMAGED',
  'DOCUMENT_NOT_OPENABLE',
  'DOCUMENT_NOT_RECOVERABLE',
  'DOCUMENT_UNREADABLE',
  'DOCUMENT_PASSWORD',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a field-level problem is, e.g. `["email"]`, with a message a coach understands. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorData {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    this.issues = issues;
  }

  toData(): ErrorData {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  /** Rebuilds a RapportError from anything that crossed a boundary (IPC, contextBridge, a page). */
  static from(value: unknown): RapportError {
    if (value instanceof RapportError) return value;
    if (isErrorData(value)) return new RapportError(value.code, value.message, value.issues ?? []);
    return new RapportError('INTERNAL', 'Something went wrong inside Rapport. Your saved data is unchanged.');
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

/** What crosses IPC: errors travel as data because Electron strips thrown errors down to a message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
