import { randomBytes } from 'node:crypto';
import { posix, win32 } from 'node:path';
import type { ChosenFile, ChosenFileRef, FilePurpose } from '../../shared/api/chosen-file';
import { RapportError } from '../../shared/errors';

/** Long enough to type a passphrase and read what a backup holds; short enough to go stale. */
export const TOKEN_LIFETIME_MS = 10 * 60 * 1000;
/** Each token needs the coach to answer a dialog, so a handful is plenty; more is a page misbehaving. */
const MAX_OUTSTANDING = 32;

interface Issued {
  path: string;
  purpose: FilePurpose;
  expiresAt: number;
}

export interface DialogTokensOptions {
  now?: () => number;
  /** The OS whose path rules apply; the running one by default. */
  platform?: NodeJS.Platform;
}

const networkLocation = () =>
  new RapportError('INVALID_INPUT', 'Rapport cannot use a network location. Please choose a file on this computer.');
const chooseAgain = () => new RapportError('INVALID_INPUT', 'That file choice is no longer valid. Please choose the file again.');

/**
 * Checks a path a dialog returned before the page gets a token for it: absolute, and on this
 * computer. `\\server\share` (or `//server/share`) would make Windows connect to that server and
 * hand it the coach's credentials; `\\?\` and `\\.\` name devices rather than files.
 */
export function checkChosenPath(path: string, platform: NodeJS.Platform = process.platform): string {
  const rules = platform === 'win32' ? win32 : posix;
  if (path.includes('\0')) throw new RapportError('INVALID_INPUT', 'That file path is not allowed.');
  if (/^[\\/]{2}/.test(path)) throw networkLocation();
  if (!rules.isAbsolute(path)) throw new RapportError('INVALID_INPUT', 'Please choose a file with the file dialog.');
  const resolved = rules.resolve(path);
  if (/^[\\/]{2}/.test(resolved) || (platform === 'win32' && !/^[A-Za-z]:\\/.test(resolved))) throw networkLocation();
  return resolved;
}

/**
 * The files the coach picked in dialogs the main process opened, each behind an opaque token
 * bound to what it may be used for. The page only ever holds tokens: a path it makes up names
 * nothing here. Tokens expire, and writing or restoring spends one.
 */
export class DialogTokens {
  private readonly issued = new Map<string, Issued>();
  private readonly now: () => number;
  private readonly platform: NodeJS.Platform;

  constructor(options: DialogTokensOptions = {}) {
    this.now = options.now ?? Date.now;
    this.platform = options.platform ?? process.platform;
  }

  /** A token for a path a dialog returned; refuses network and relative paths. */
  issue(path: string, purpose: FilePurpose): ChosenFile {
    const resolved = checkChosenPath(path, this.platform);
    this.forgetExpired();
    if (this.issued.size >= MAX_OUTSTANDING) this.issued.delete(this.issued.keys().next().value!);
    const token = randomBytes(32).toString('base64url');
    this.issued.set(token, { path: resolved, purpose, expiresAt: this.now() + TOKEN_LIFETIME_MS });
    const rules = this.platform === 'win32' ? win32 : posix;
    return { token, name: rules.basename(resolved) };
  }

  /** The path behind a token, which stays usable (inspecting a backup before restoring it). */
  peek(ref: ChosenFileRef, purpose: FilePurpose): string {
    const entry = this.issued.get(ref.token);
    if (!entry || entry.purpose !== purpose || entry.expiresAt <= this.now()) {
      if (entry && entry.expiresAt <= this.now()) this.issued.delete(ref.token);
      throw chooseAgain();
    }
    return entry.path;
  }

  /** The path behind a token, spending it: it cannot be used again. */
  take(ref: ChosenFileRef, purpose: FilePurpose): string {
    const path = this.peek(ref, purpose);
    this.issued.delete(ref.token);
    return path;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, entry] of this.issued) if (entry.expiresAt <= now) this.issued.delete(token);
  }
}
