// REFI-QDA codebook exchange (.qdc): a codebook alone, for tools that share a coding frame
// without the data. The file is one XML document (Codebook-mrt2019.xsd).
import type { Code } from '../core/shared';
import { ImportError } from './errors';
import { codesXml, readCodes } from './refi/codesXml';
import { decodeEntry, utf8 } from './refi/text';
import { attr, child, children, rootNamespace, parseXml } from './refi/xml';
import { isZip } from './zip';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const APP_ORIGIN = 'Mirabal Workbench';
const MAX_QDC_BYTES = 20 * 1024 * 1024;

export async function readQdc(
  bytes: Uint8Array,
  fileName = 'codebook.qdc',
  newId: () => string = () => crypto.randomUUID(),
): Promise<{ codes: Code[]; warnings: string[] }> {
  if (bytes.length > MAX_QDC_BYTES)
    throw new ImportError(fileName, `is too large for a codebook (${Math.round(bytes.length / 1048576)} MB)`);
  if (isZip(bytes))
    throw new ImportError(
      fileName,
      'is a zip archive, not a .qdc codebook; a whole project (.qdpx) is imported from the projects list or the Project tab',
    );
  const { text } = decodeEntry(bytes);
  if (text.trim() === '') throw new ImportError(fileName, 'is empty');
  const root = parseXml(text, fileName, 'the codebook');
  const book = child(root, 'CodeBook');
  if (!book) throw new ImportError(fileName, 'is not a REFI-QDA codebook (it has no <CodeBook> element)');
  const warnings: string[] = [];
  const ns = rootNamespace(text, 'CodeBook');
  if (ns && ns !== QDC_NAMESPACE) warnings.push(`The file names the namespace "${ns}"; it was read as ${QDC_NAMESPACE}.`);
  const { codes } = readCodes(child(book, 'Codes'), newId, warnings, fileName);
  if (codes.length === 0) throw new ImportError(fileName, 'holds no codes');
  const sets = children(child(book, 'Sets'), 'Set');
  if (sets.length) {
    const names = sets.map((s) => `"${attr(s, 'name') ?? ''}"`).join(', ');
    warnings.push(
      `${sets.length} code set${sets.length === 1 ? '' : 's'} (${names}) not kept: this workbench groups codes by their hierarchy only.`,
    );
  }
  return { codes, warnings };
}

/** A .qdc of the live codes, identical bytes for an identical codebook. */
export async function writeQdc(codes: readonly Code[]): Promise<Uint8Array> {
  const body = codesXml(codes);
  if (!body) throw new Error('The codebook is empty; there is nothing to export.');
  return utf8(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${QDC_NAMESPACE}" origin="${APP_ORIGIN}">${body}</CodeBook>\n`);
}
