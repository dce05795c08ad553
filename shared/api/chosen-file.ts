import { z } from 'zod';

/**
 * What a file dialog the main process opened may be used for. A token chosen for one purpose
 * cannot be spent on another: a backup the coach opened to restore is never written over.
 */
export type FilePurpose = 'backup-write' | 'backup-read' | 'export-write' | 'document-read' | 'document-write';

/**
 * A file the coach picked in a dialog main showed. The page never sees the path: it gets an
 * opaque, short-lived token to hand back, and the file's name alone to show.
 */
export interface ChosenFile {
  token: string;
  /** The file name without its folder, for messages such as "Saved to Backup.rapport-backup". */
  name: string;
}

/** 32 random bytes in base64url: what main issues, and nothing that could be a path. */
export const FILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How the page names a chosen file: by its token only. A path string is refused here. */
export const ChosenFileRef = z.strictObject(
  {
    token: z.string().regex(FILE_TOKEN_PATTERN, { error: 'Please choose the file again with the file dialog.' }),
  },
  { error: 'Please choose the file with the file dialog.' },
);
export type ChosenFileRef = z.infer<typeof ChosenFileRef>;
