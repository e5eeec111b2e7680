import { describe, expect, it } from 'vitest';
import { participantsFromRows, sheetRows } from '../../../renderer/core/project/classificationSheet';
import { DEFAULT_ROLES, type AttributeDef, type Participant } from '../../../renderer/core/shared/model';

const roles = [...DEFAULT_ROLES];
let n = 0;
const newId = () => `new-${++n}`;

const dale: Participant = {
  id: 'd',
  pseudonym: 'Dale',
  role: 'man',
  site: 'Northbridge',
  group: 'programme',
  attributes: { age: 41, children: true },
  links: [],
};
const jenna: Participant = {
  id: 'j',
  pseudonym: 'Jenna',
  role: 'woman',
  site: 'Northbridge',
  group: 'programme',
  attributes: { age: 38, children: true },
  links: [{ type: 'partner of', participantId: 'd' }],
};
const defs: AttributeDef[] = [
  { name: 'age', type: 'number' },
  { name: 'children', type: 'boolean' },
];

describe('classification sheet', () => {
  it('writes fixed columns, role labels, links and attributes', () => {
    expect(sheetRows([dale, jenna], roles, defs)).toEqual([
      ['pseudonym', 'role', 'site', 'group', 'links', 'age', 'children'],
      ['Dale', 'Man on programme', 'Northbridge', 'programme', '', '41', 'yes'],
      ['Jenna', 'Woman (ex-)partner', 'Northbridge', 'programme', 'partner of: Dale', '38', 'yes'],
    ]);
  });

  it('reads back what it wrote (round trip)', () => {
    const table = sheetRows([dale, jenna], roles, defs);
    const back = participantsFromRows(table, [dale, jenna], roles, defs, newId);
    expect(back.participants).toEqual([dale, jenna]);
    expect(back).toMatchObject({ created: 0, updated: 2 });
  });

  it('creates new participants, infers new attribute types, resolves links among new rows', () => {
    const table = [
      ['Pseudonym', 'Role', 'Site', 'Group', 'Links', 'weeks', 'note'],
      ['Marcus', 'man', 'Eastmoor', 'Programme', '', '26', 'late start'],
      ['Asha', 'Woman (ex-)partner', 'Eastmoor', '', 'ex-partner of: marcus', '', ''],
      ['', '', '', '', '', '', ''],
    ];
    const out = participantsFromRows(table, [dale], roles, [], newId);
    expect(out.attributeDefs).toEqual([
      { name: 'weeks', type: 'number' },
      { name: 'note', type: 'text' },
    ]);
    expect(out.created).toBe(2);
    const [marcus, asha] = out.participants;
    expect(marcus).toMatchObject({ pseudonym: 'Marcus', role: 'man', group: 'programme', attributes: { weeks: 26, note: 'late start' } });
    expect(asha!.links).toEqual([{ type: 'ex-partner of', participantId: marcus!.id }]);
    expect(asha!.attributes).toEqual({ weeks: null, note: null });
  });

  it('rejects a bad sheet naming the row and column', () => {
    const bad = (rows: string[][]) => () => participantsFromRows(rows, [dale], roles, defs, newId);
    expect(bad([])).toThrow(/empty/);
    expect(bad([['name', 'role']])).toThrow(/include "pseudonym"/);
    expect(bad([['pseudonym', 'pseudonym']])).toThrow(/appears twice/);
    expect(
      bad([
        ['pseudonym', 'role'],
        ['Dale', 'wizard'],
      ]),
    ).toThrow(/row 2: unknown role "wizard"/);
    expect(
      bad([
        ['pseudonym', 'age'],
        ['Dale', 'forty'],
      ]),
    ).toThrow(/row 2, column "age": "forty" is not a number/);
    expect(bad([['pseudonym'], ['Dale'], ['dale']])).toThrow(/row 3: "dale" appears twice/);
    expect(
      bad([
        ['pseudonym', 'group'],
        ['Dale', 'control'],
      ]),
    ).toThrow(/group must be/);
    expect(
      bad([
        ['pseudonym', 'links'],
        ['Dale', 'partner of: Nobody'],
      ]),
    ).toThrow(/known participant/);
    expect(
      bad([
        ['pseudonym', 'role'],
        ['', 'man'],
      ]),
    ).toThrow(/row 2 has no pseudonym/);
  });
});
