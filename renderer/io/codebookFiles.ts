// Codebook files in and out: the workbench's JSON format, CSV (one row per code, with its
// path) and REFI-QDA .qdc, which other QDA tools read and write.
import {
  CODEBOOK_FORMAT,
  CODEBOOK_VERSION,
  codebookRows,
  parseCodebookCsv,
  parseCodebookJson,
  treeFromCodes,
  type CodebookNode,
} from '../core/codebook';
import type { Code } from '../core/shared';
import { readCsv, toCsv } from './csv';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { readQdc } from './qdc';

export const CODEBOOK_EXTENSIONS = ['.json', '.csv', '.qdc'];

/** The code tree of a codebook file, and what it could not carry over (for .qdc). */
export async function readCodebookFile(file: { name: string; bytes: Uint8Array }): Promise<{ nodes: CodebookNode[]; warnings: string[] }> {
  if (/\.json$/i.test(file.name)) return { nodes: parseCodebookJson(decodeText(file.bytes, file.name).text, file.name), warnings: [] };
  if (/\.csv$/i.test(file.name)) return { nodes: parseCodebookCsv(readCsv(file), file.name), warnings: [] };
  if (/\.qdc$/i.test(file.name)) {
    const { codes, warnings } = await readQdc(file.bytes, file.name);
    return { nodes: treeFromCodes(codes), warnings };
  }
  throw new ImportError(file.name, 'is not a codebook file; use .json, .csv or REFI-QDA .qdc.');
}

export function codebookJson(codes: readonly Code[], name: string): string {
  return `${JSON.stringify({ format: CODEBOOK_FORMAT, version: CODEBOOK_VERSION, name, codes: treeFromCodes(codes) }, null, 2)}\n`;
}

export function codebookCsv(codes: readonly Code[]): string {
  return toCsv(codebookRows(codes));
}
