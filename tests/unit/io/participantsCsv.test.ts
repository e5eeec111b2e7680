import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type AttributeDef, type Participant } from '../../../renderer/core/shared/model';
import { participantsFromCsv, participantsToCsv } from '../../../renderer/io/participantsCsv';

const roles = [...DEFAULT_ROLES];
const defs: AttributeDef[] = [
  { name: 'note', type: 'text' },
  { name: 'weeks', type: 'number' },
];
const dale: Participant = {
  id: 'd',
  pseudonym: 'Dale',
  role: 'man',
  site: 'North, bridge',
  group: 'programme',
  attributes: { note: '=HYPERLINK("x")', weeks: 26 },
  links: [],
};
const enc = (s: string) => new TextEncoder().encode(s);

describe('participants CSV', () => {
  it('quotes commas, escapes formulas, and reads its own output back unchanged', () => {
    const csv = participantsToCsv([dale], roles, defs);
    expect(csv.split('\r\n')[0]).toBe('pseudonym,role,site,group,links,note,weeks');
    expect(csv).toContain('"North, bridge"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = participantsFromCsv({ name: 'participants.csv', bytes: enc(`\uFEFF${csv}`) }, [dale], roles, defs);
    expect(back.participants).toEqual([dale]);
  });

  it('refuses a bad file whole, naming it', () => {
    const read = (name: string, text: string) => () => participantsFromCsv({ name, bytes: enc(text) }, [dale], roles, defs);
    expect(read('sheet.xlsx', 'x')).toThrow(/^sheet\.xlsx: is not a CSV file/);
    expect(read('sheet.csv', '')).toThrow(/^sheet\.csv: .*empty/);
    expect(read('sheet.csv', 'pseudonym,weeks\nDale,many\n')).toThrow(/^sheet\.csv: row 2, column "weeks": "many" is not a number/);
    expect(read('sheet.csv', 'pseudonym,role\r\nDale,"man\n')).toThrow(/^sheet\.csv: could not be read as CSV/);
  });
});
