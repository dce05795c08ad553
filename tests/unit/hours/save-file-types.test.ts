import { describe, expect, it } from 'vitest';
import { saveFileTypesFor } from '../../../shared/save-file-types';

describe('saveFileTypesFor', () => {
  it('offers a CSV file as CSV, so the save dialog keeps its extension', () => {
    expect(saveFileTypesFor('coaching-log-2026.csv')).toEqual([{ name: 'CSV spreadsheet', extensions: ['csv'] }]);
    expect(saveFileTypesFor('LOG.CSV')[0].extensions).toEqual(['csv']);
  });

  it('offers text for .txt, .md and anything it does not know', () => {
    for (const name of ['agenda.txt', 'agenda.md', 'agenda', 'archive.tar.gz']) {
      expect(saveFileTypesFor(name)).toEqual([{ name: 'Text', extensions: ['txt', 'md'] }]);
    }
  });
});
