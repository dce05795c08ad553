import type { BrowserContext } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChosenFile, FilePurpose } from '../../../shared/api/chosen-file';
import type { AutomaticBackupProtection, DesktopApi } from '../../../shared/api/desktop';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import type { PaperSize } from '../../../shared/model/practice';
import { printPageFailure, readPrintPageState } from '../../../shared/print-page';
import { openExternalLink } from '../../../electron/external-links';
import { readCalendarFile } from '../../../electron/core/calendar/file';
import { BROWSER_ORIGIN } from './network-guard';

export interface BrowserDesktopOptions {
  context: BrowserContext;
  /** The paper size of the open workspace's settings, asked at the moment of printing. */
  paperSize(): Promise<PaperSize>;
}

/**
 * The desktop shell as the browser host plays it: file dialogs answer with the paths a spec
 * queued (none queued = the coach cancelled), and printing is recorded or rendered with
 * Chromium's own PDF printer. Files for the workspace reach the page as tokens from the same
 * DialogTokens Electron's main process uses, never as paths.
 */
export class BrowserDesktop implements DesktopApi {
  readonly dialogTokens = new DialogTokens();
  readonly printed: string[] = [];
  readonly opened: string[] = [];
  readonly openedFiles: string[] = [];
  private readonly queuedPaths: string[] = [];
  /** The stand-in for the OS keychain: it lives as long as the host, across restarts. */
  private keptPassphrase: string | undefined;
  readonly automaticPassphrase = async (): Promise<string | undefined> => this.keptPassphrase;

  constructor(private readonly options: BrowserDesktopOptions) {}

  queueFilePath(path: string): void {
    this.queuedPaths.push(path);
  }

  private nextPath(): string | null {
    return this.queuedPaths.shift() ?? null;
  }

  private chosen(purpose: FilePurpose): ChosenFile | null {
    const path = this.nextPath();
    return path === null ? null : this.dialogTokens.issue(path, purpose);
  }

  async chooseBackupSavePath(): Promise<ChosenFile | null> {
    return this.chosen('backup-write');
  }

  async chooseExportSavePath(): Promise<ChosenFile | null> {
    return this.chosen('export-write');
  }

  async chooseBackupOpenPath(): Promise<ChosenFile | null> {
    return this.chosen('backup-read');
  }

  /** Every path queued so far, as the files the coach picked (none queued = cancelled). */
  async chooseDocuments(): Promise<ChosenFile[]> {
    return this.queuedPaths.splice(0).map((path) => this.dialogTokens.issue(path, 'document-read'));
  }

  async chooseDocumentSavePath(): Promise<ChosenFile | null> {
    return this.chosen('document-write');
  }

  /** Records the temporary copy where Electron's main process would hand it to the system's app. */
  async openPath(path: string): Promise<void> {
    this.openedFiles.push(path);
  }

  async automaticBackupProtection(): Promise<AutomaticBackupProtection> {
    return { available: true, enabled: this.keptPassphrase !== undefined };
  }

  async setAutomaticBackupPassphrase(passphrase: string | null): Promise<AutomaticBackupProtection> {
    this.keptPassphrase = passphrase ?? undefined;
    return this.automaticBackupProtection();
  }

  async saveTextFile(_defaultName: string, text: string): Promise<string | null> {
    const path = this.nextPath();
    if (path) await writeFile(path, text, 'utf8');
    return path === null ? null : basename(path);
  }

  async openTextFile(): Promise<{ name: string; text: string } | null> {
    const path = this.nextPath();
    return path ? { name: basename(path), text: await readFile(path, 'utf8') } : null;
  }

  async openCalendarFile(): Promise<{ name: string; text: string } | null> {
    const path = this.nextPath();
    return path ? readCalendarFile(path) : null;
  }

  async print(route: string): Promise<void> {
    this.printed.push(route);
  }

  async saveAsPdf(route: string): Promise<string | null> {
    const path = this.nextPath();
    if (!path) return null;
    const page = await this.options.context.newPage();
    try {
      await page.goto(`${BROWSER_ORIGIN}/index.html#${route}`);
      await page.waitForFunction(() => document.body.dataset.printReady === 'true' || document.body.dataset.printFailure !== undefined);
      const failure = printPageFailure(await page.evaluate(readPrintPageState));
      if (failure) throw failure;
      await page.pdf({
        path,
        format: await this.options.paperSize(),
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
      });
    } finally {
      await page.close();
    }
    return basename(path);
  }

  /** Records the link where Electron's main process would hand it to the system, after the same check. */
  async openExternal(url: string): Promise<void> {
    await openExternalLink(url, async (link) => {
      this.opened.push(link);
    });
  }
}
