// Tables, reports and charts leaving the app are checked against the project's stored
// redaction list: a listed name anywhere (however disguised) refuses the export, before any
// file is written or anything reaches the platform.
import { beforeEach, describe, expect, it } from 'vitest';
import { svgTexts } from '../../renderer/core/quotes';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { createProject } from '../../renderer/store/projects';
import { saveRedactions } from '../../renderer/store/quoteStore';
import { refuseLeaks, saveCsv, saveXlsx } from '../../renderer/views/TableExport';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
  await saveRedactions(db, [{ find: 'Sarah', replace: '[partner]' }]);
});

const sheet = {
  name: 'Change matrix',
  headerRows: 1,
  rows: [
    ['Participant', 'Time 1'],
    ['P07', 'Left Ѕаrаh'],
    ['P08', 3],
  ],
};

describe('the leak check on tables, reports and charts', () => {
  it('refuses a CSV or XLSX naming the row and column, saving nothing', async () => {
    const message =
      "Not exported: the table 'Change matrix', row 'P07', column 'Time 1' still holds “Ѕаrаh” (listed: Sarah). Change the name where it is written (a code, a pseudonym, a title, a summary) or the filter that shows it.";
    await expect(saveCsv(db, 'change-matrix.csv', sheet)).rejects.toThrow(message);
    await expect(saveXlsx(db, 'change-matrix.xlsx', [sheet])).rejects.toThrow(message);
  });

  it('refuses a file name and a chart text, and lets clean text through', async () => {
    await expect(saveCsv(db, 'Sa-rah.csv', { name: 'T', rows: [['x']] })).rejects.toThrow(/the file name still holds “Sa-rah”/);
    await expect(refuseLeaks(db, svgTexts('the chart text', '<svg><text>S. a. r. a. h.</text></svg>'))).rejects.toThrow(
      /the chart text still holds “S\. a\. r\. a\. h” \(listed: Sarah\)/,
    );
    await expect(refuseLeaks(db, [{ place: 'the methods paragraph', text: 'Two coders, 12 transcripts.' }])).resolves.toBeUndefined();
  });

  it('reads the list as saved last', async () => {
    await saveRedactions(db, []);
    await expect(refuseLeaks(db, [{ place: 'x', text: 'Sarah' }])).resolves.toBeUndefined();
  });
});
