import type { Page } from '@playwright/test';
import type { MenuCommand } from '../../../shared/api/desktop';
import type { HostName } from './choose-host';

/** The running app as a spec sees it, whichever host serves it. */
export interface RapportHost {
  readonly host: HostName;
  /** The app's main window; replaced by restart(). */
  readonly page: Page;
  readonly dataDir: string;
  /**
   * Closes the window and the workspace, then opens both again on the same data directory;
   * `whileClosed` runs in between, e.g. to damage a file as a crash or a bad disk would.
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** The answer to the next file dialog (save or open), first in, first out. */
  queueFilePath(path: string): Promise<void>;
  /** Fires an application-menu command, as if the coach had chosen it from the menu. */
  menu(command: MenuCommand): Promise<void>;
  /** The routes sent to the system print dialog, oldest first. */
  printedRoutes(): Promise<string[]>;
  /** The mailto: and tel: links handed to the OS, oldest first. */
  openedUrls(): Promise<string[]>;
  /** Every request to a non-local origin so far (each was aborted). */
  blockedRequests(): readonly string[];
  /** Uncaught exceptions in any of the app's pages so far. */
  uncaughtErrors(): readonly string[];
  /** What the Content-Security-Policy refused so far, as the browser reported it. */
  cspRefusals(): readonly string[];
  close(): Promise<void>;
}
