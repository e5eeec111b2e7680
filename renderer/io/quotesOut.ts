// Quotes out of the app: the bytes of a file (DOCX, Markdown, CSV, XLSX) or the clipboard's
// text. Every way out goes through here, and here an export still holding a listed
// identifier is refused.
import { leakMessage, quotesDocBlocks, quotesMarkdown, quotesPlainText, quotesTable, type PreparedExport } from '../core/quotes';
import { ValidationError } from '../core/shared';
import { toCsv, toTsv } from './csv';
import { writeDocx } from './docxWrite';
import { writeXlsx } from './xlsx';

export type QuoteFileFormat = 'docx' | 'md' | 'csv' | 'xlsx';
export type QuoteCopyFormat = 'text' | 'md' | 'table';

export const QUOTE_MIME: Record<QuoteFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function refuseLeaks(prepared: PreparedExport): void {
  const message = leakMessage(prepared);
  if (message) throw new ValidationError(message);
}

export async function quotesFile(prepared: PreparedExport, format: QuoteFileFormat): Promise<Uint8Array> {
  refuseLeaks(prepared);
  if (format === 'docx') return writeDocx(prepared.title, quotesDocBlocks(prepared));
  if (format === 'xlsx') return writeXlsx([{ name: 'Quotes', rows: quotesTable(prepared), headerRows: 1 }]);
  const text = format === 'md' ? quotesMarkdown(prepared) : `\uFEFF${toCsv(quotesTable(prepared))}`;
  return new TextEncoder().encode(text);
}

export function quotesClipboardText(prepared: PreparedExport, format: QuoteCopyFormat): string {
  refuseLeaks(prepared);
  if (format === 'md') return quotesMarkdown(prepared);
  // Tab-separated pastes into a spreadsheet as cells.
  if (format === 'table') return toTsv(quotesTable(prepared));
  return quotesPlainText(prepared);
}
