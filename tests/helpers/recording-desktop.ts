import type { DesktopBridge } from '../../shared/api/desktop';

/** The desktop shell, recorded: dialogs and printing cannot run in unit tests. */
export function recordingDesktop() {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    <T>(method: string, result: T) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      return result;
    };
  const desktop = {
    chooseBackupSavePath: record('chooseBackupSavePath', null),
    chooseExportSavePath: record('chooseExportSavePath', null),
    automaticBackupProtection: record('automaticBackupProtection', { available: true, enabled: false }),
    setAutomaticBackupPassphrase: record('setAutomaticBackupPassphrase', { available: true, enabled: true }),
    chooseBackupOpenPath: record('chooseBackupOpenPath', null),
    chooseDocuments: record('chooseDocuments', []),
    chooseDocumentSavePath: record('chooseDocumentSavePath', null),
    saveTextFile: record('saveTextFile', null),
    openTextFile: record('openTextFile', null),
    openCalendarFile: record('openCalendarFile', null),
    print: record('print', undefined),
    saveAsPdf: record('saveAsPdf', '/home/coach/Goals.pdf'),
    openExternal: record('openExternal', undefined),
    onMenuCommand: () => undefined,
  } satisfies DesktopBridge;
  return { desktop, calls };
}
