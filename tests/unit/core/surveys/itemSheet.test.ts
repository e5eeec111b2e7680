// The survey's item sheet (issue 19): written and read back unchanged; codes by their path;
// every bad cell refused with file, row and column.
import { describe, expect, it } from 'vitest';
import type { Code, ProjectSnapshot, SurveyItem } from '../../../../renderer/core/shared';
import { itemsToCsvRows, readItemsCsv } from '../../../../renderer/core/surveys';
import { codeRecord } from '../../../fixtures/records';

const code = (id: string, name: string, parentId: string | null, extra: Partial<Code> = {}): Code =>
  codeRecord(id, name, parentId, 0, { colour: '#888888', ...extra });

const items: SurveyItem[] = [
  {
    id: 'i2',
    label: 'respect_listening',
    wording: 'He listens when she speaks',
    type: 'ordinal',
    reported: [3, 4],
    valueLabels: [
      { value: 1, label: 'Never' },
      { value: 2, label: 'Sometimes' },
      { value: 3, label: 'Often' },
      { value: 4, label: 'Always' },
    ],
    missing: [9, 'dk'],
    codeId: 'c-listen',
    order: 1,
  },
  { id: 'i1', label: 'negotiates', type: 'binary', reported: ['yes'], codeId: 'c-neg', order: 0 },
  { id: 'i3', label: 'incidents', type: 'count', reported: [], codeId: null, order: 2 },
  { id: 'i4', label: 'old', type: 'count', reported: [], order: 3, deletedAt: 5 },
];

function project(): ProjectSnapshot {
  return {
    waves: [],
    participants: [],
    sources: [],
    codes: [
      code('c-resp', 'Respectful communication', null),
      code('c-neg', 'Negotiates during disagreements', 'c-resp'),
      code('c-listen', 'Listens', 'c-resp'),
      code('c-gone', 'Gone', null, { deletedAt: 1 }),
    ],
    codings: [],
    coders: [],
    surveyItems: items,
  };
}

describe('item sheet', () => {
  it('writes the live items in order, codes as paths, lists with |', () => {
    expect(itemsToCsvRows(project())).toEqual([
      ['label', 'wording', 'type', 'reported', 'code', 'missing', 'value labels'],
      ['negotiates', '', 'binary', 'yes', 'Respectful communication > Negotiates during disagreements', '', ''],
      [
        'respect_listening',
        'He listens when she speaks',
        'ordinal',
        '3|4',
        'Respectful communication > Listens',
        '9|dk',
        '1=Never|2=Sometimes|3=Often|4=Always',
      ],
      ['incidents', '', 'count', '', '', '', ''],
    ]);
  });

  it('reads its own sheet back unchanged, and applies edits', () => {
    const back = readItemsCsv(project(), itemsToCsvRows(project()), 'items.csv');
    expect(back).toEqual({ items: [items[1], items[0], items[2]], created: 0, updated: 3 });
    const edited = readItemsCsv(
      project(),
      [
        ['Label', 'Type', 'Code', 'Value labels', 'Reported'],
        ['INCIDENTS', 'Ordinal (Likert)', 'respectful communication >  listens', '0=None | 1=Some', '1'],
        ['', '', '', '', ''],
        ['new_item', 'numeric', '', '', ''],
      ],
      'items.csv',
      () => 'i-new',
    );
    expect(edited.items).toEqual([
      {
        ...items[2],
        type: 'ordinal',
        codeId: 'c-listen',
        valueLabels: [
          { value: 0, label: 'None' },
          { value: 1, label: 'Some' },
        ],
        reported: [1],
      },
      { id: 'i-new', label: 'new_item', type: 'numeric', reported: [], codeId: null, order: 3 },
    ]);
    expect([edited.created, edited.updated]).toEqual([1, 1]);
  });

  it('refuses bad rows, naming file, row and column', () => {
    const read = (rows: string[][], newId?: () => string) => () => readItemsCsv(project(), rows, 'items.csv', newId);
    const header = ['label', 'type', 'code', 'value labels', 'reported'];
    expect(read([])).toThrow('items.csv: is empty; the item sheet needs a header row naming its columns.');
    expect(read([['wording']])).toThrow("items.csv: row 1: the sheet needs a 'label' column naming each item.");
    expect(read([['label', 'colour']])).toThrow(/^items\.csv: row 1, column 'colour': not a column of the item sheet/);
    expect(read([['label', 'Label']])).toThrow("items.csv: row 1, column 'Label': the column appears twice.");
    expect(read([header, ['incidents', 'likert', '', '', '']])).toThrow(
      /^items\.csv: row 2, column 'type': 'likert' is not an item type \(binary, ordinal, count, numeric\)\.$/,
    );
    expect(read([header, ['incidents', 'count', 'Respect > Nothing', '', '']])).toThrow(
      /^items\.csv: row 2, column 'code': the codebook has no code 'Respect > Nothing'/,
    );
    expect(read([header, ['incidents', 'count', 'Gone', '', '']])).toThrow(/column 'code': the codebook has no code 'Gone'/);
    expect(read([header, ['incidents', 'count', '', '1=Never|2', '']])).toThrow(
      "items.csv: row 2, column 'value labels': '2' is not value=label; write the labels as 1=Never|2=Sometimes.",
    );
    expect(read([header, ['incidents', 'count', '', '1=a|1=b', '']])).toThrow(
      "items.csv: row 2, column 'value labels': the value 1 has two labels.",
    );
    expect(read([header, ['incidents', 'binary', '', '', '']])).toThrow(
      "items.csv: row 2, column 'reported': a yes/no item needs the value that reports it, e.g. 1 or yes.",
    );
    expect(read([header, ['', 'count', '', '', '']])).toThrow("items.csv: row 2, column 'label': the item has no label.");
    expect(read([header, ['incidents', 'count', '', '', ''], ['Incidents', 'count', '', '', '']])).toThrow(
      "items.csv: row 3, column 'label': 'Incidents' is listed twice (rows 2 and 3); keep one row per item.",
    );
    expect(read([header, ['unknown', 'count', '', '', '']])).toThrow(
      /^items\.csv: row 2, column 'label': the project has no survey item 'unknown'/,
    );
    expect(read([header, ['old', 'count', '', '', '']])).toThrow(/the project has no survey item 'old'/);
  });
});
