// The classification sheet as CSV. Cells that a spreadsheet would run as formulas are
// escaped on export; a bad file is refused whole with a message naming it.
import Papa from 'papaparse';
import { participantsFromRows, sheetRows, type SheetImport } from '../core/classificationSheet';
import type { AttributeDef, Participant, RoleDef } from '../core/model';
import { decodeText } from './decode';
import { ImportError } from './errors';

export function participantsToCsv(participants: readonly Participant[], roles: readonly RoleDef[], defs: readonly AttributeDef[]): string {
  return Papa.unparse(sheetRows(participants, roles, defs), { escapeFormulae: true, newline: '\r\n' });
}

export function participantsFromCsv(
  file: { name: string; bytes: Uint8Array },
  existing: readonly Participant[],
  roles: readonly RoleDef[],
  defs: readonly AttributeDef[],
  newId: () => string = () => crypto.randomUUID(),
): SheetImport {
  if (!/\.(csv|txt|tsv)$/i.test(file.name)) throw new ImportError(file.name, 'is not a CSV file; export the sheet as .csv and try again.');
  const { text } = decodeText(file.bytes, file.name);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new ImportError(file.name, `could not be read as CSV (row ${(fatal.row ?? 0) + 1}: ${fatal.message}).`);
  try {
    return participantsFromRows(parsed.data.map(unescapeFormula), existing, roles, defs, newId);
  } catch (e) {
    throw new ImportError(file.name, (e as Error).message);
  }
}

/** Our own exports prefix risky cells with ' (escapeFormulae); take it off on the way back. */
function unescapeFormula(row: string[]): string[] {
  return row.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell));
}
