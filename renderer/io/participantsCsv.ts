// The classification sheet as CSV. A bad file is refused whole with a message naming it.
import { participantsFromRows, sheetRows, type SheetImport } from '../core/project';
import type { AttributeDef, Participant, RoleDef } from '../core/shared';
import { readCsv, toCsv } from './csv';
import { ImportError } from './errors';

export function participantsToCsv(participants: readonly Participant[], roles: readonly RoleDef[], defs: readonly AttributeDef[]): string {
  return toCsv(sheetRows(participants, roles, defs));
}

export function participantsFromCsv(
  file: { name: string; bytes: Uint8Array },
  existing: readonly Participant[],
  roles: readonly RoleDef[],
  defs: readonly AttributeDef[],
  newId: () => string = () => crypto.randomUUID(),
): SheetImport {
  if (!/\.(csv|txt|tsv)$/i.test(file.name)) throw new ImportError(file.name, 'is not a CSV file; export the sheet as .csv and try again.');
  const rows = readCsv(file);
  try {
    return participantsFromRows(rows, existing, roles, defs, newId);
  } catch (e) {
    throw new ImportError(file.name, (e as Error).message);
  }
}
