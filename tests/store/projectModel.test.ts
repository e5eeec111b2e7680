// The in-memory project model must equal a fresh loadSnapshot after every kind of write: each
// table an action changes (created, updated, soft-deleted, undone, redone), writes of 50 records
// or more at once (which Dexie reports as a whole table), and the writes that are not actions
// (an import, a transcript edited or deleted, waves, sets, participants).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { created, updated, type Action, type Change, type TableName } from '../../renderer/core/shared';
import { applyAction, redo, undo } from '../../renderer/store/actions';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { projectModel, type ProjectModel } from '../../renderer/store/projectModel';
import {
  commitImport,
  loadSetup,
  loadSnapshot,
  saveParticipant,
  saveSets,
  saveWaves,
  softDeleteSource,
  updateSource,
} from '../../renderer/store/projectRepo';
import { createProject } from '../../renderer/store/projects';
import { freshRegistry } from './helpers';

let db: ProjectDb;
let model: ProjectModel;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
  model = projectModel(db);
  await model.settled();
});
afterEach(() => model.dispose());

const id = () => crypto.randomUUID();

/** A record for each table an action can change; `n` varies its content. */
function recordFor(table: TableName, recordId: string, sourceIds: string[], n: number): Record<string, unknown> {
  const sourceId = sourceIds[n % Math.max(1, sourceIds.length)] ?? 'no-source';
  switch (table) {
    case 'codes':
      return {
        id: recordId,
        parentId: null,
        name: `Code ${n}`,
        description: '',
        inclusion: '',
        exclusion: '',
        examples: '',
        colour: '#aaa',
        order: n,
      };
    case 'codings':
      return { id: recordId, sourceId, codeId: 'c', coderId: 'me', start: n % 5, end: 5 + (n % 7), memo: '', createdAt: n, updatedAt: n };
    case 'coders':
      return { id: recordId, name: `Coder ${n}`, colour: '#bbb' };
    case 'memos':
      return { id: recordId, target: 'project', targetId: null, title: `Memo ${n}`, text: 'x', updatedAt: n };
    case 'frameworkCells':
      return {
        id: recordId,
        participantId: 'p',
        codeId: 'c',
        waves: ['T1', 'T2'],
        firstSummary: `${n}`,
        secondSummary: '',
        judgement: '',
        updatedAt: n,
      };
    case 'decisions':
      return {
        id: recordId,
        sourceId,
        codeId: 'c',
        start: 0,
        end: 3,
        coderIds: ['a', 'b'],
        choice: 'keep',
        why: `${n}`,
        decidedBy: 'me',
        decidedAt: n,
        codingIds: [],
      };
    case 'basketItems':
      return { id: recordId, codingId: 'x', addedAt: n };
    case 'participants':
      return { id: recordId, pseudonym: `P${n}`, role: 'woman', site: '', group: '', attributes: {}, links: [] };
    case 'surveyTimePoints':
      return { id: recordId, label: `T${n}`, order: n % 3 };
    case 'surveyItems':
      return { id: recordId, label: `item${n}`, type: 'binary', reported: [1], order: n % 4 };
    case 'surveyAnswers':
      return { id: recordId, participantId: 'p', values: { negotiates: { T1: n % 2 } }, updatedAt: n };
  }
}

const TABLES: TableName[] = [
  'codes',
  'codings',
  'coders',
  'memos',
  'frameworkCells',
  'decisions',
  'basketItems',
  'participants',
  'surveyTimePoints',
  'surveyItems',
  'surveyAnswers',
];
const SOFT_DELETABLE = new Set<TableName>([
  'codes',
  'codings',
  'memos',
  'frameworkCells',
  'decisions',
  'participants',
  'surveyTimePoints',
  'surveyItems',
  'surveyAnswers',
]);

type Step =
  | { kind: 'create'; table: TableName; count: number; n: number }
  | { kind: 'update'; pick: number; n: number }
  | { kind: 'softDelete'; pick: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'import'; n: number }
  | { kind: 'editSource'; pick: number; n: number }
  | { kind: 'deleteSource'; pick: number }
  | { kind: 'waves'; n: number }
  | { kind: 'sets'; n: number }
  | { kind: 'participant'; n: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    table: fc.constantFrom(...TABLES),
    count: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(60)),
    n: fc.nat(99),
  }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('softDelete' as const), pick: fc.nat() }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
  fc.record({ kind: fc.constant('import' as const), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('editSource' as const), pick: fc.nat(), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('deleteSource' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('waves' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('sets' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('participant' as const), n: fc.nat(99) }),
);

/** Records the test made through actions and still holds as stored, to update or delete. */
interface Made {
  table: TableName;
  record: Record<string, unknown>;
}

async function run(s: Step, made: Made[], sourceIds: string[]): Promise<void> {
  const act = (changes: Change[], label: string) => applyAction(db, { label, changes } as Action);
  switch (s.kind) {
    case 'create': {
      // Codings of 60 transcripts at once: Dexie reports a write of 50 records or more as the whole table.
      const ids = s.table === 'codings' && s.count === 60 ? Array.from({ length: 60 }, (_, i) => `bulk-${i}-${id()}`) : null;
      const records = Array.from({ length: s.count }, (_, i) => recordFor(s.table, id(), ids ?? sourceIds, s.n + i));
      await act(
        records.map((r) => created(s.table, r as never)),
        `Create ${s.table}`,
      );
      made.push(...records.map((record) => ({ table: s.table, record })));
      return;
    }
    case 'update':
    case 'softDelete': {
      const live = made.filter((m) => m.record.deletedAt == null && (s.kind === 'update' || SOFT_DELETABLE.has(m.table)));
      if (!live.length) return;
      const target = live[s.pick % live.length]!;
      const after = s.kind === 'update' ? { ...target.record, ...textField(target.table, s.n) } : { ...target.record, deletedAt: 5 };
      await act([updated(target.table, target.record as never, after as never)], `Change ${target.table}`);
      target.record = after;
      return;
    }
    case 'undo':
    case 'redo':
      // The records the test holds may now differ from the stored ones: forget them (later steps make new ones).
      // One refused as stale (a record changed since) changes nothing, which the model must show too.
      await (s.kind === 'undo' ? undo(db) : redo(db)).catch((e: unknown) => expect(String(e)).toMatch(/changed elsewhere/));
      made.length = 0;
      return;
    case 'import': {
      const sourceId = id();
      const text = `Interviewer: how was it ${s.n}?\nDale: fine ${s.n}.`;
      await commitImport(db, {
        newParticipants: [],
        sources: [
          {
            id: sourceId,
            participantId: null,
            wave: null,
            title: `Interview ${s.n}`,
            text,
            turns: [{ start: 0, end: text.length, speaker: null, role: 'participant' }],
            origin: { fileName: `i${s.n}.txt`, format: 'txt', sha256: sourceId, importedAt: s.n },
          },
        ],
      } as never);
      sourceIds.push(sourceId);
      return;
    }
    case 'editSource':
      if (sourceIds.length)
        await updateSource(db, sourceIds[s.pick % sourceIds.length]!, { title: `Renamed ${s.n}` }).catch(() => undefined);
      return;
    case 'deleteSource':
      if (sourceIds.length) await softDeleteSource(db, sourceIds[s.pick % sourceIds.length]!);
      return;
    case 'waves':
      await saveWaves(
        db,
        Array.from({ length: s.n + 1 }, (_, i) => ({ id: `W${i}`, label: `Wave ${i}`, order: s.n - i })),
      ).catch(() => undefined);
      return;
    case 'sets':
      await saveSets(
        db,
        Array.from({ length: s.n }, (_, i) => ({
          id: `set${i}`,
          name: `Set ${i}`,
          description: '',
          sourceIds: [...sourceIds],
          codeIds: [],
        })),
        'sets',
      );
      return;
    case 'participant': {
      const { participants } = await loadSetup(db);
      const known = participants[s.n % Math.max(1, participants.length)];
      await saveParticipant(db, known ? { ...known, site: `Site ${s.n}` } : (recordFor('participants', id(), [], s.n) as never));
      return;
    }
  }
}

function textField(table: TableName, n: number): Record<string, unknown> {
  const field = {
    codes: 'name',
    codings: 'memo',
    coders: 'name',
    memos: 'text',
    frameworkCells: 'firstSummary',
    decisions: 'why',
    basketItems: 'note',
    participants: 'site',
    surveyTimePoints: 'label',
    surveyItems: 'label',
    surveyAnswers: 'updatedAt',
  }[table];
  return { [field]: field === 'updatedAt' ? n + 1000 : `changed ${n}` };
}

describe('the in-memory project model', () => {
  it('equals a fresh snapshot after every step of random sequences of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        model.dispose();
        db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
        model = projectModel(db);
        const made: Made[] = [];
        const sourceIds: string[] = [];
        for (const s of steps) {
          await run(s, made, sourceIds);
          expect(await model.settled()).toEqual(await loadSnapshot(db));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the lists a write did not touch, and each unchanged transcript, as the same objects', async () => {
    await run({ kind: 'import', n: 1 }, [], []);
    const before = (await model.settled())!;
    await applyAction(db, { label: 'Code', changes: [created('codes', recordFor('codes', id(), [], 1) as never)] });
    const after = (await model.settled())!;
    expect(after.codes).toHaveLength(1);
    expect(after.sources).toBe(before.sources);
    expect(after.codings).toBe(before.codings);
    expect(Object.isFrozen(after.codes)).toBe(true);
  });

  it('tells its subscribers of each change, and a model no view uses lets go of the project', async () => {
    let told = 0;
    const stop = model.subscribe(() => (told += 1));
    await applyAction(db, { label: 'Coder', changes: [created('coders', recordFor('coders', id(), [], 2) as never)] });
    await model.settled();
    expect(told).toBe(1);
    stop();
    model.dispose();
    expect(model.current()).toBeUndefined();
    expect(projectModel(db)).not.toBe(model);
  });
});
