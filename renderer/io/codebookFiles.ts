// Codebook files in and out: the workbench's JSON format and CSV (one row per code, with its
// path). REFI-QDA .qdc comes with the interoperability work.
import { CODEBOOK_FORMAT, CODEBOOK_VERSION, codebookRows, parseCodebookCsv, parseCodebookJson, treeFromCodes, type CodebookNode } from '../core/codebook';
import type { Code } from '../core/model';
import { readCsv, toCsv } from './csv';
import { decodeText } from './decode';
import { ImportError } from './errors';

export const CODEBOOK_EXTENSIONS = ['.json', '.csv'];

export function readCodebookFile(file: { name: string; bytes: Uint8Array }): CodebookNode[] {
  if (/\.json$/i.test(file.name)) return parseCodebookJson(decodeText(file.bytes, file.name).text, file.name);
  if (/\.csv$/i.test(file.name)) return parseCodebookCsv(readCsv(file), file.name);
  throw new ImportError(file.name, 'is not a codebook file; use .json or .csv (REFI-QDA .qdc comes later).');
}

export function codebookJson(codes: readonly Code[], name: string): string {
  return `${JSON.stringify({ format: CODEBOOK_FORMAT, version: CODEBOOK_VERSION, name, codes: treeFromCodes(codes) }, null, 2)}\n`;
}

export function codebookCsv(codes: readonly Code[]): string {
  return toCsv(codebookRows(codes));
}
