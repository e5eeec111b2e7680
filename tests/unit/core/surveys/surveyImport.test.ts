// Planning a survey import (issue 19): the layout guessed from column names, participants matched
// by id or pseudonym with suggestions for the rest, time points and items matched or made (types
// guessed), missing codes as null, answers compared with what is stored; every problem named by
// file, row and column, and nothing planned for rows without a participant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, type Participant, type ProjectSnapshot, type SurveyValue } from '../../../../renderer/core/shared';
import { detectSurveyLayout, planSurveyImport, type SurveyImportChoices, type SurveyTable } from '../../../../renderer/core/surveys';
import { readSurveyFile } from '../../../../renderer/io/surveyFiles';

const person = (id: string, pseudonym: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  pseudonym,
  role: 'woman',
  site: '',
  group: 'programme',
  attributes: {},
  links: [],
  ...extra,
});

function project(extra: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return {
    waves: [],
    participants: [
      person('p-ana', 'Ana'),
      person('p-ines', 'Ines'),
      person('p-carmen', 'Carmen'),
      person('p-dolores', 'Dolores'),
      person('p-lena', 'Lena'),
      person('p-gone', 'Lina', { deletedAt: 1 }),
    ],
    sources: [],
    codes: [],
    codings: [],
    coders: [],
    ...extra,
  };
}

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

const table = (columns: string[], rows: SurveyValue[][], fileName = 'survey.csv'): SurveyTable => ({
  fileName,
  columns: columns.map((name) => ({ name })),
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

const mirabal = () =>
  readSurveyFile(
    'mirabal-survey.sav',
    new Uint8Array(readFileSync(new URL('../../../fixtures/surveys/mirabal-survey.sav', import.meta.url))),
  );

describe('detectSurveyLayout', () => {
  it('recognises the long form', () => {
    const layout = detectSurveyLayout(table(['Participant', 'Time point', 'Item', 'Value', 'note'], []));
    expect(layout).toEqual({
      layout: 'long',
      participantColumn: 'Participant',
      timePointColumn: 'Time point',
      itemColumn: 'Item',
      valueColumn: 'Value',
      unsure: ["Left out (the long form reads participant, time point, item and value only): 'note'."],
    });
  });

  it('recognises wide rows: every other column an item', () => {
    const layout = detectSurveyLayout(table(['pseudonym', 'wave', 'negotiates', 'incidents'], []));
    expect(layout).toMatchObject({ layout: 'wide-rows', participantColumn: 'pseudonym', timePointColumn: 'wave', unsure: [] });
    expect(layout.itemColumns).toEqual([
      { column: 'negotiates', item: 'negotiates', timePoint: '' },
      { column: 'incidents', item: 'incidents', timePoint: '' },
    ]);
  });

  it('recognises item×time columns in each suffix family', () => {
    const cases: [string[], string[]][] = [
      [
        ['a_T0', 'a_T1', 'b_T0'],
        ['T0', 'T1', 'T0'],
      ],
      [
        ['a.T1', 'a.T2'],
        ['T1', 'T2'],
      ],
      [
        ['aT1', 'aT2'],
        ['T1', 'T2'],
      ],
      [
        ['a_t1', 'a_t2'],
        ['T1', 'T2'],
      ],
      [
        ['a_w1', 'a_w2'],
        ['W1', 'W2'],
      ],
      [
        ['a_time1', 'a_time2'],
        ['Time 1', 'Time 2'],
      ],
    ];
    for (const [columns, times] of cases) {
      const layout = detectSurveyLayout(table(['id', ...columns], []));
      expect(layout.layout).toBe('wide-columns');
      expect(layout.itemColumns!.map((c) => c.timePoint)).toEqual(times);
      expect(layout.itemColumns!.map((c) => c.item)).toEqual(columns.map((c) => c[0]));
      expect(layout.unsure).toEqual([]);
    }
  });

  it('says when a lower-case time marker is glued to the item, which may be part of its name', () => {
    const layout = detectSurveyLayout(table(['pseudonym', 'threat1', 'threat2', 'threat3'], [['Ana', 1, 0, 1]]));
    expect(layout.itemColumns!.map((c) => [c.item, c.timePoint])).toEqual([
      ['threa', 'T1'],
      ['threa', 'T2'],
      ['threa', 'T3'],
    ]);
    expect(layout.unsure).toEqual([
      "Columns such as 'threat1' were read as the item 'threa' at T1 (no separator before the time); check the item names.",
    ]);
  });

  it('reads the PSPP survey as wide columns', async () => {
    const layout = detectSurveyLayout(await mirabal());
    expect(layout.layout).toBe('wide-columns');
    expect(layout.itemColumns).toHaveLength(18);
    expect(layout.itemColumns![7]).toEqual({ column: 'respect_listening_T1', item: 'respect_listening', timePoint: 'T1' });
  });

  it('says what it is unsure of: bare numbers, other suffixes, columns left out, the participant column', () => {
    const layout = detectSurveyLayout(table(['Name', 'ID', 'q_1', 'q_2', 'age_30', 'r_w1', 'r_w2x', 'group'], []));
    expect(layout.participantColumn).toBe('Name');
    expect(layout.itemColumns!.map((c) => c.column)).toEqual(['q_1', 'q_2']);
    expect(layout.unsure).toEqual([
      "Participants are matched by 'Name'; 'ID' could name them too.",
      "Columns such as 'q_1' were read as an item at a time point (here T1); check the numbers are times, not question numbers.",
      "Left out (a number that may be part of the name, seen at one time only): 'age_30'.",
      "Left out (a different time suffix from the other columns): 'r_w1'.",
      "Left out (no time suffix): 'ID', 'r_w2x', 'group'.",
    ]);
    const first = detectSurveyLayout(table(['who', 'a_T1', 'a_T2'], []));
    expect(first.unsure[0]).toMatch(/^No column is named for the participant .* the first column, 'who', was taken\.$/);
  });

  it('refuses a table whose layout it cannot tell', () => {
    const e = (() => {
      try {
        detectSurveyLayout(table(['pseudonym', 'negotiates', 'incidents'], []));
      } catch (error) {
        return error as ImportError;
      }
    })();
    expect(e).toBeInstanceOf(ImportError);
    expect(e!.message).toMatch(/^survey\.csv: the layout of the survey could not be recognised: no column names a time point/);
    expect(() => detectSurveyLayout(table(['pseudonym'], []))).toThrow(/^survey\.csv: the layout .* fewer than two columns/);
  });
});

describe('planSurveyImport', () => {
  it('plans the PSPP survey: time points, typed items, answers with missing codes as null, the unmatched with suggestions', async () => {
    const t = await mirabal();
    const plan = planSurveyImport(project(), t, detectSurveyLayout(t), ids());
    expect(plan.errors).toEqual([]);
    expect(plan.timePoints.map((tp) => [tp.record.label, tp.record.order, tp.isNew])).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => [`T${n}`, n, true]),
    );
    const items = plan.items.map((i) => i.record);
    expect(items.map((i) => [i.label, i.type, i.reported, i.missing, i.order])).toEqual([
      ['negotiates', 'binary', [1], [9], 0],
      ['respect_listening', 'ordinal', [3, 4], [9], 1],
      ['incidents', 'count', [], [999], 2],
    ]);
    expect(items[0]!.wording).toBe('Negotiates during disagreements (before the programme)');
    expect(items[1]!.valueLabels!.map((v) => `${v.value}=${v.label}`)).toEqual([
      '1=Never',
      '2=Sometimes',
      '3=Often',
      '4=Always',
      '9=No answer',
    ]);
    // Ana, Inés (as Ines), Carmen, Dolores: 4 × 6 × 3 answers. Lina's namesake is deleted; Odette is nobody.
    expect(plan.responses).toHaveLength(72);
    expect(new Set(plan.responses.map((r) => r.participantId))).toEqual(new Set(['p-ana', 'p-ines', 'p-carmen', 'p-dolores']));
    const answer = (p: string, item: string, tp: string) => {
      const itemId = items.find((i) => i.label === item)!.id;
      const timePointId = plan.timePoints.find((x) => x.record.label === tp)!.record.id;
      return plan.responses.find((r) => r.participantId === p && r.itemId === itemId && r.timePointId === timePointId)!.value;
    };
    expect(answer('p-ines', 'negotiates', 'T1')).toBeNull();
    expect(answer('p-ines', 'negotiates', 'T0')).toBe(1);
    expect(answer('p-carmen', 'incidents', 'T5')).toBeNull();
    expect(answer('p-carmen', 'incidents', 'T0')).toBe(5);
    expect(plan.responses.every((r) => r.id === undefined)).toBe(true); // the store keys answers by participant
    expect(plan.unmatched).toEqual([
      { key: 'lina', rows: [5], value: 'Lina', suggestions: ['p-lena', 'p-ana'] },
      { key: 'odette', rows: [6], value: 'Odette', suggestions: [] },
    ]);
    expect(plan.newParticipants).toEqual([]);
    expect([plan.replaced, plan.unchanged]).toEqual([0, 0]);
  });

  it('adds new participants, skips others, and matches by id or by a chosen participant', async () => {
    const t = await mirabal();
    const choices: SurveyImportChoices = {
      ...detectSurveyLayout(t),
      participantMatches: { lina: 'new', odette: 'skip', dolores: 'p-lena' },
      newParticipantGroup: 'comparison',
    };
    const plan = planSurveyImport(project(), t, choices, ids());
    expect(plan.newParticipants).toEqual([
      { id: expect.any(String), pseudonym: 'Lina', role: 'woman', site: '', group: 'comparison', attributes: {}, links: [] },
    ]);
    const lina = plan.newParticipants[0]!.id;
    expect(plan.responses.filter((r) => r.participantId === lina)).toHaveLength(18);
    expect(plan.responses.filter((r) => r.participantId === 'p-lena')).toHaveLength(18);
    expect(plan.responses.some((r) => r.participantId === 'p-dolores')).toBe(false);
    expect(plan.unmatched).toEqual([]);
    expect(plan.responses).toHaveLength(90);

    const byId = planSurveyImport(
      project(),
      table(['id', 'a_T1', 'a_T2'], [['p-ana', 1, 0]]),
      detectSurveyLayout(table(['id', 'a_T1', 'a_T2'], [])),
      ids(),
    );
    expect(byId.responses.map((r) => r.participantId)).toEqual(['p-ana', 'p-ana']);
  });

  it('matches existing time points and items by label, without case or spaces, and counts replaced answers', () => {
    const existing = project({
      surveyTimePoints: [{ id: 'tp0', label: 't 0', order: 0 }],
      surveyItems: [{ id: 'it', label: 'Negotiates', type: 'binary', reported: ['yes'], order: 4 }],
      surveyResponses: [
        { participantId: 'p-ana', timePointId: 'tp0', itemId: 'it', value: 'no' },
        { id: 'r2', participantId: 'p-carmen', timePointId: 'tp0', itemId: 'it', value: 'yes' },
        { participantId: 'p-ines', timePointId: 'tp0', itemId: 'it', value: null },
      ],
    });
    const t = table(
      ['pseudonym', 'negotiates_T0', 'negotiates_T1', 'respect_T0', 'respect_T1'],
      [
        ['ana', 'Yes', 'no', 2, 3],
        ['CARMEN ', 'yes', null, 1, 1],
        ['Inés', 'no', 'yes', null, 4],
      ],
    );
    const plan = planSurveyImport(existing, t, detectSurveyLayout(t), ids());
    expect(plan.errors).toEqual([]);
    expect(plan.timePoints.map((x) => [x.record.id, x.record.label, x.record.order, x.isNew])).toEqual([
      ['tp0', 't 0', 0, false],
      [expect.any(String), 'T1', 1, true],
    ]);
    expect(plan.items.map((x) => [x.record.label, x.isNew, x.record.type, x.record.order])).toEqual([
      ['Negotiates', false, 'binary', 4],
      ['respect', true, 'count', 5],
    ]);
    // Ana's 'no' becomes 'Yes' (replaced); Carmen's 'yes' stays (unchanged, not written); Inés had no answer.
    expect([plan.replaced, plan.unchanged]).toEqual([1, 1]);
    // 12 cells, less Carmen's unchanged one and the two empty ones, which write nothing.
    expect(plan.responses).toHaveLength(9);
    expect(plan.responses.find((r) => r.participantId === 'p-carmen' && r.timePointId === 'tp0' && r.itemId === 'it')).toBeUndefined();
    expect(plan.responses.some((r) => r.value === null)).toBe(false);
  });

  it('takes T0…T5 as the project’s six time points in order when none matches by label, and follows the researcher’s matches', () => {
    const six = ['Before', '3 months', '6 months', '9 months', '12 months', '15 months'].map((label, order) => ({
      id: `tp${order}`,
      label,
      order,
    }));
    const existing = project({ surveyTimePoints: six });
    const columns = ['pseudonym', ...[5, 4, 3, 2, 1, 0].map((n) => `negotiates_T${n}`)];
    const t = table(columns, [['Ana', 1, 1, 1, 0, 0, 0]]);
    const plan = planSurveyImport(existing, t, detectSurveyLayout(t), ids());
    expect(plan.timePointsByOrder).toBe(true);
    expect(plan.timePoints.map((x) => [x.fileLabel, x.record.label, x.isNew])).toEqual([
      ['T5', '15 months', false],
      ['T4', '12 months', false],
      ['T3', '9 months', false],
      ['T2', '6 months', false],
      ['T1', '3 months', false],
      ['T0', 'Before', false],
    ]);
    expect(plan.responses.find((r) => r.timePointId === 'tp0')!.value).toBe(0);
    // Her own matches instead: T5 is a new time point, T0 is 'Before' and the rest new too.
    const chosen = planSurveyImport(existing, t, { ...detectSurveyLayout(t), timePointMatches: { t5: 'new', t0: 'tp0' } }, ids());
    expect(chosen.timePointsByOrder).toBe(false);
    expect(chosen.timePoints.filter((x) => !x.isNew).map((x) => [x.fileLabel, x.record.id])).toEqual([['T0', 'tp0']]);
    // Not as many time points as the project: nothing is guessed.
    const fewer = table(['pseudonym', 'negotiates_T0', 'negotiates_T1'], [['Ana', 1, 0]]);
    expect(planSurveyImport(existing, fewer, detectSurveyLayout(fewer), ids()).timePoints.every((x) => x.isNew)).toBe(true);
  });

  it('leaves a stored answer alone where the file’s cell is empty, and writes a missing code as no answer', () => {
    const existing = project({
      surveyTimePoints: [{ id: 'tp0', label: 'T0', order: 0 }],
      surveyItems: [{ id: 'it', label: 'negotiates', type: 'binary', reported: [1], missing: [9], order: 0 }],
      surveyResponses: [
        { participantId: 'p-ana', timePointId: 'tp0', itemId: 'it', value: 1 },
        { participantId: 'p-carmen', timePointId: 'tp0', itemId: 'it', value: 1 },
      ],
    });
    const t = table(
      ['pseudonym', 'negotiates_T0'],
      [
        ['Ana', ''],
        ['Carmen', 9],
      ],
    );
    const choices = {
      layout: 'wide-columns' as const,
      participantColumn: 'pseudonym',
      itemColumns: [{ column: 'negotiates_T0', item: 'negotiates', timePoint: 'T0' }],
    };
    const plan = planSurveyImport(existing, t, choices, ids());
    expect(plan.responses).toEqual([{ participantId: 'p-carmen', timePointId: 'tp0', itemId: 'it', value: null }]);
    expect(plan.replaced).toBe(1);
  });

  it('keeps value labels of the long form, reads written-out labels as values, and orders new time points by number', () => {
    const t: SurveyTable = {
      fileName: 'long.sav',
      columns: [
        { name: 'participant' },
        { name: 'time' },
        { name: 'item' },
        {
          name: 'value',
          valueLabels: [
            { value: 0, label: 'No' },
            { value: 1, label: 'Yes' },
          ],
          missing: [9],
        },
      ],
      rows: [
        ['Ana', 'T3', 'negotiates', 'Yes'],
        ['Ana', 'T1', 'negotiates', 9],
        ['Ana', 'T10', 'negotiates', 0],
        ['Ana', 'T2', 'negotiates', 1],
      ],
    };
    const plan = planSurveyImport(project(), t, detectSurveyLayout(t), ids());
    expect(plan.errors).toEqual([]);
    expect(plan.timePoints.map((x) => [x.record.label, x.record.order])).toEqual([
      ['T3', 2],
      ['T1', 0],
      ['T10', 3],
      ['T2', 1],
    ]);
    expect(plan.responses.map((r) => r.value)).toEqual([1, null, 0, 1]);
    expect(plan.items[0]!.record).toMatchObject({ type: 'binary', reported: [1], missing: [9] });
  });

  it('lists duplicate answers naming both rows, text among numbers, empty participants and impossible choices', () => {
    const t = table(
      ['participant', 'time', 'item', 'value'],
      [
        ['Ana', 'T1', 'incidents', 2],
        ['Ana', 'T1', 'incidents', 3],
        ['Ana', 'T2', 'incidents', '3 times'],
        ['', 'T1', 'incidents', 1],
        ['Lina', 'T1', 'incidents', 'many'],
        ['Carmen', 'T1', 'incidents', 1],
      ],
    );
    const plan = planSurveyImport(project(), t, { ...detectSurveyLayout(t), participantMatches: { carmen: 'new' } }, ids());
    expect(plan.errors.map((e) => e.message)).toEqual([
      "survey.csv: row 5, column 'participant': the participant is empty; fill it in or delete the row.",
      "survey.csv: row 7, column 'participant': 'Carmen' is already a participant (Carmen); match the row to her instead of adding her again.",
      "survey.csv: row 4, column 'value': '3 times' is not a number, and the answers to 'incidents' are numbers; correct it or clear the cell.",
      "survey.csv: row 3, column 'value': a second answer to 'incidents' at 'T1' for the same participant (the first is in row 2); keep one.",
    ]);
    expect(plan.errors[3]).toMatchObject({ row: 3, column: 'value' });
    // Lina is unmatched: her row writes nothing, so her bad cell is no error yet.
    expect(plan.unmatched.map((u) => u.value)).toEqual(['Lina']);
    expect(plan.newParticipants).toEqual([]);

    const wide = table(['pseudonym', 'a_T1', 'a.T1'], [['Ana', 1, 2]]);
    const both = planSurveyImport(
      project(),
      wide,
      {
        layout: 'wide-columns',
        participantColumn: 'pseudonym',
        itemColumns: [
          { column: 'a_T1', item: 'a', timePoint: 'T1' },
          { column: 'a.T1', item: 'a', timePoint: 'T1' },
        ],
      },
      ids(),
    );
    expect(both.errors.map((e) => e.message)).toEqual([
      "survey.csv: row 2, column 'a.T1': a second answer to 'a' at 'T1' for the same participant (the first is in column 'a_T1' of the same row); keep one.",
    ]);
  });

  it('refuses choices that do not fit the file', () => {
    const t = table(['pseudonym', 'wave', 'a'], [['Ana', 'T1', 1]]);
    const base = detectSurveyLayout(t);
    expect(() => planSurveyImport(project(), t, { ...base, participantColumn: 'who' }, ids())).toThrow(
      "survey.csv: the participant column 'who' is not in the file; choose one of its columns.",
    );
    expect(() => planSurveyImport(project(), t, { ...base, layout: 'long' }, ids())).toThrow(
      /^survey\.csv: the item column is not in the file/,
    );
    expect(() => planSurveyImport(project(), t, { ...base, layout: 'sideways' as 'long' }, ids())).toThrow(
      /^survey\.csv: 'sideways' is not a survey layout/,
    );
    expect(() => planSurveyImport(project(), t, { ...base, itemColumns: [] }, ids())).toThrow(
      /^survey\.csv: no column of answers was chosen/,
    );
    expect(() => planSurveyImport(project(), t, { ...base, newParticipantRole: 'pilot' }, ids())).toThrow(
      '"pilot" is not a role of this project.',
    );
    const wide = table(['pseudonym', 'a_T1'], [['Ana', 1]]);
    expect(() =>
      planSurveyImport(
        project(),
        wide,
        { layout: 'wide-columns', participantColumn: 'pseudonym', itemColumns: [{ column: 'a_T1', item: 'a', timePoint: ' ' }] },
        ids(),
      ),
    ).toThrow("survey.csv: the column 'a_T1' has no time point; give it one or leave the column out.");
  });

  // Its time is measured in `npm run bench` (surveyBench), never here: this checks the result.
  it('plans the bench’s 1,000 participants × 6 time points × 60 items, every answer and no error', () => {
    const items = Array.from({ length: 60 }, (_, i) => `item${i}`);
    const participants = Array.from({ length: 1000 }, (_, i) => person(`p${i}`, `Woman ${i}`));
    const rows: SurveyValue[][] = [];
    for (let p = 0; p < 1000; p++) for (let t = 0; t < 6; t++) rows.push([`Woman ${p}`, `T${t}`, ...items.map((_, i) => (p + t + i) % 5)]);
    const t = table(['pseudonym', 'time point', ...items], rows);
    const plan = planSurveyImport(project({ participants }), t, detectSurveyLayout(t), ids());
    expect(plan.responses).toHaveLength(360_000);
    expect(plan.errors).toEqual([]);
  });
});
