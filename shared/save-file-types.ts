/** A type of file a save dialog offers, as Electron's `FileFilter` describes it. */
export interface SaveFileType {
  name: string;
  extensions: string[];
}

const TEXT: SaveFileType = { name: 'Text', extensions: ['txt', 'md'] };
/** An iCalendar file: invitations and the practice's upcoming sessions. */
export const CALENDAR_FILE_TYPE: SaveFileType = { name: 'Calendar', extensions: ['ics'] };
/** A per-client export: a plain tar archive every operating system opens. */
export const CLIENT_EXPORT_FILE_TYPE: SaveFileType = { name: 'Tar archive', extensions: ['tar'] };
/** Text files the app saves, by extension; anything else is offered as plain text. */
const BY_EXTENSION: Record<string, SaveFileType> = {
  txt: TEXT,
  md: TEXT,
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
  ics: CALENDAR_FILE_TYPE,
};

/**
 * The file types a save dialog for `defaultName` offers, its own first. Offering only "Text"
 * for a `.csv` name lets some dialogs (Windows) append `.txt` to it, and spreadsheet apps then
 * no longer recognise the file.
 */
export function saveFileTypesFor(defaultName: string): SaveFileType[] {
  const extension = /\.([A-Za-z0-9]+)$/.exec(defaultName)?.[1]?.toLowerCase() ?? '';
  return [BY_EXTENSION[extension] ?? TEXT];
}
