// Tables, reports, charts and copied text on their way out of the app: every text in them is
// first checked against the project's redaction list (the quotes' list), and a listed name
// anywhere, however disguised, refuses the export with the place named, saving nothing. Quote
// exports have their own check (prepareQuotes); everything else goes out through here.
import { useState } from 'react';
import { outgoingLeakMessage, svgTexts, tableTexts, type OutgoingText } from '../core/quotes';
import { errorMessage, ValidationError } from '../core/shared';
import { toCsv } from '../io/csv';
import { writeXlsx, type Sheet } from '../io/xlsx';
import { getPlatform } from '../platform/platform';
import type { ProjectDb } from '../store/projectDb';
import { loadQuoteConfig } from '../store/quoteStore';
import { ErrorLine } from './common';
import { afterPendingEdits } from './pendingEdits';
import { useProject } from './projectContext';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Throws, naming the places, if any text still holds a listed identifier; drafts are saved first. */
export async function refuseLeaks(db: ProjectDb, texts: readonly OutgoingText[]): Promise<void> {
  const { redactions } = await afterPendingEdits(() => loadQuoteConfig(db));
  const message = outgoingLeakMessage(texts, redactions);
  if (message) throw new ValidationError(message);
}

/** Every text of a sheet, named "the table 'Wave matrix', row …, column …". */
export const sheetTexts = (sheet: Sheet): OutgoingText[] => tableTexts(`the table '${sheet.name}'`, sheet.rows, sheet.headerRows ?? 0);

const fileNameText = (fileName: string): OutgoingText => ({ place: 'the file name', text: fileName });

/** Saves bytes whose texts (`texts`, and the file name) passed the leak check. */
export async function saveChecked(
  db: ProjectDb,
  fileName: string,
  texts: readonly OutgoingText[],
  bytes: () => Promise<Uint8Array> | Uint8Array,
  mime: string,
) {
  await refuseLeaks(db, [fileNameText(fileName), ...texts]);
  return getPlatform().saveFile(fileName, await bytes(), mime);
}

/** An SVG chart of ours (escaped, so an <img> of it runs nothing) as an image source. */
export const svgUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Saves a chart once its text passed the leak check. */
export function saveSvg(db: ProjectDb, fileName: string, svg: string): Promise<boolean> {
  return saveChecked(db, fileName, svgTexts('the chart text', svg), () => new TextEncoder().encode(svg), 'image/svg+xml');
}

/** Saves a sheet as a CSV file, BOM first so Excel reads it as UTF-8. */
export function saveCsv(db: ProjectDb, fileName: string, sheet: Sheet): Promise<boolean> {
  return saveChecked(db, fileName, sheetTexts(sheet), () => new TextEncoder().encode(`\uFEFF${toCsv(sheet.rows)}`), 'text/csv');
}

/** Saves sheets as a workbook. */
export function saveXlsx(db: ProjectDb, fileName: string, sheets: readonly Sheet[]): Promise<boolean> {
  return saveChecked(db, fileName, sheets.flatMap(sheetTexts), () => writeXlsx(sheets), XLSX_TYPE);
}

/** Copies text to the clipboard once it passed the leak check (`place` names it in a refusal). */
export async function copyChecked(db: ProjectDb, text: string, place: string): Promise<void> {
  await refuseLeaks(db, [{ place, text }]);
  if (!navigator.clipboard) throw new Error('The clipboard is not available here; export a file instead.');
  await navigator.clipboard.writeText(text);
}

/** Runs an export, keeping its refusal or failure to show. */
export function useExportError(): [string | null, (work: () => Promise<unknown>) => void, () => void] {
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((e: unknown) => setError(e instanceof ValidationError ? e.message : `The export failed: ${errorMessage(e)}`));
  };
  return [error, run, () => setError(null)];
}

/**
 * "Export CSV" and "Export XLSX" of one table, `fileName` plus .csv or .xlsx; the table is made
 * on the click (it may be fetched, e.g. a concordance's lines from the search worker).
 */
export function ExportTableButtons(props: { fileName: string; sheet: () => Sheet | Promise<Sheet> }) {
  const { db } = useProject();
  const [error, run, dismiss] = useExportError();
  return (
    <>
      <button type="button" onClick={() => run(async () => saveCsv(db, `${props.fileName}.csv`, await props.sheet()))}>
        Export CSV
      </button>
      <button type="button" onClick={() => run(async () => saveXlsx(db, `${props.fileName}.xlsx`, [await props.sheet()]))}>
        Export XLSX
      </button>
      <ErrorLine error={error} onDismiss={dismiss} />
    </>
  );
}
