// The transcript bin and purging a participant who withdrew consent: restore brings back
// exactly the codings, a purge leaves no trace of the participant anywhere in the database
// (every table dumped), other participants' data stays whole, and it all happens in one
// transaction.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildImport, planBatch, type PreparedFile } from '../../renderer/core/transcripts/batch';
import {
  created,
  updated,
  type BasketItem,
  type Code,
  type Coder,
  type Coding,
  type Decision,
  type FrameworkCell,
  type Memo,
} from '../../renderer/core/shared';
import { setAnswerAction } from '../../renderer/core/surveys';
import { applyAction, redo, undo, undoState } from '../../renderer/store/actions';
import { listBinnedSources, loadProjectLog, previewPurge, purgeParticipant, purgeSource, restoreSource } from '../../renderer/store/bin';
import { allCodings, codingsOfSource } from '../../renderer/store/codingSets';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import {
  commitImport,
  listSources,
  loadSetup,
  saveAttributeDefs,
  saveParticipant,
  softDeleteParticipant,
  saveSets,
  softDeleteSource,
  updateSource,
} from '../../renderer/store/projectRepo';
import { createProject } from '../../renderer/store/projects';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

/** Strings only the withdrawn participant's records hold; none may survive the purge. */
const SECRET = {
  pseudonym: 'Vesna',
  text: 'ZEBRAQUARTZ',
  binnedText: 'BINNEDMARSH',
  sourceMemo: 'SOURCEMEMOXYLO',
  participantMemo: 'PARTMEMOLYNX',
  codingMemo: 'CODINGMEMOFJORD',
  undoneCodingMemo: 'UNDONEMEMOGLADE',
  quoteLabel: 'QUOTELABELNIMBUS',
  quoteUsedIn: 'USEDINPAPERKELP',
  decisionWhy: 'DECISIONWHYOPAL',
  matrix: 'MATRIXTIDE',
  attribute: 'ATTRVALUEQUILL',
  site: 'SITEHARBOURWREN',
  renamedTitle: 'RENAMEDTITLECORAL',
  surveyAnswer: 'SURVEYANSWERBRACKEN',
};
const KEEP = {
  surveyAnswer: 'DALESURVEYSTAYS',
  text: 'DALEKEEPSTEXT',
  codingMemo: 'DALECODINGMEMO',
  quoteLabel: 'DALEQUOTELABEL',
  decisionWhy: 'DALEDECISION',
  matrix: 'DALEMATRIX',
};

const file = (fileName: string, said: string, speaker: string): PreparedFile => {
  const text = `Interviewer: Hello\n${speaker}: ${said} and more`;
  return {
    fileName,
    sha256: fileName,
    format: 'txt',
    text,
    turns: [
      { start: 13, end: 18, speaker: 'Interviewer' },
      { start: 20 + speaker.length, end: text.length, speaker },
    ],
    warnings: [],
  };
};

async function importFiles(files: PreparedFile[]) {
  const setup = await loadSetup(db);
  const rows = planBatch(files, { participants: setup.participants, sources: await listSources(db), waves: setup.waves });
  await commitImport(
    db,
    buildImport(
      rows,
      { Interviewer: 'interviewer', Dale: 'participant', Vesna: 'participant' },
      setup.participants,
      () => crypto.randomUUID(),
      1,
    ),
  );
}

const code: Code = {
  id: 'code1',
  parentId: null,
  name: 'Taking responsibility',
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#336699',
  order: 0,
};
const coders: Coder[] = [
  { id: 'ann', name: 'Ann', colour: '#f00' },
  { id: 'bo', name: 'Bo', colour: '#0f0' },
  { id: 'cons', name: 'Consensus', colour: '#000', consensus: true },
];

function coding(id: string, sourceId: string, coderId: string, memo = '', deletedAt: number | null = null): Coding {
  return { id, sourceId, codeId: 'code1', coderId, start: 20, end: 30, memo, createdAt: 1, updatedAt: 1, deletedAt };
}

function basket(id: string, sourceId: string, label: string, usedIn = ''): BasketItem {
  return { id, sourceId, start: 20, end: 30, codeIds: ['code1'], label, usedIn, order: 0, cuts: [], addedAt: 1, updatedAt: 1 };
}

function decision(id: string, sourceId: string, why: string, codingIds: string[]): Decision {
  return {
    id,
    sourceId,
    codeId: 'code1',
    start: 20,
    end: 30,
    coderIds: ['ann', 'bo'],
    choice: 'first',
    why,
    decidedBy: 'Ann',
    decidedAt: 1,
    codingIds,
  };
}

function cell(id: string, participantId: string, summary: string): FrameworkCell {
  return {
    id,
    participantId,
    codeId: 'code1',
    waves: ['T1', 'T2'],
    firstSummary: summary,
    secondSummary: `${summary} later`,
    judgement: 'strengthened',
    updatedAt: 1,
  };
}

const memo = (id: string, target: Memo['target'], targetId: string, text: string): Memo => ({
  id,
  target,
  targetId,
  title: '',
  text,
  updatedAt: 1,
});

/** Two participants, each with transcripts, codings by three coders, memos, quotes, decisions, matrix cells and history. */
async function buildStudy() {
  await saveAttributeDefs(db, [{ name: 'Programme', type: 'text' }]);
  await importFiles([
    file('Vesna_T1.txt', SECRET.text, 'Vesna'),
    file('Vesna_T2.txt', SECRET.binnedText, 'Vesna'),
    file('Dale_T1.txt', KEEP.text, 'Dale'),
  ]);
  const setup = await loadSetup(db);
  const vesna = setup.participants.find((p) => p.pseudonym === 'Vesna')!;
  const dale = setup.participants.find((p) => p.pseudonym === 'Dale')!;
  await saveParticipant(db, { ...vesna, site: SECRET.site, attributes: { Programme: SECRET.attribute } });
  await saveParticipant(db, { ...dale, links: [{ type: 'partner of', participantId: vesna.id }] });
  const sources = await listSources(db);
  const v1 = sources.find((s) => s.title === 'Vesna_T1')!.id;
  const v2 = sources.find((s) => s.title === 'Vesna_T2')!.id;
  const d1 = sources.find((s) => s.title === 'Dale_T1')!.id;
  await updateSource(db, v1, { title: SECRET.renamedTitle });

  await applyAction(db, { label: 'Set up', changes: [created('codes', code), ...coders.map((c) => created('coders', c))] });
  // One undo step holding both participants' codings (as a merge or a code deletion would).
  await applyAction(db, {
    label: 'Apply "Taking responsibility"',
    changes: [
      created('codings', coding('v-ann', v1, 'ann')),
      created('codings', coding('v-bo', v1, 'bo')),
      created('codings', coding('v2-ann', v2, 'ann')),
      created('codings', coding('d-ann', d1, 'ann', KEEP.codingMemo)),
      created('codings', coding('d-bo', d1, 'bo')),
    ],
  });
  const vAnn = (await codingsOfSource(db, v1)).find((c) => c.id === 'v-ann')!;
  await applyAction(db, { label: 'Edit coding memo', changes: [updated('codings', vAnn, { ...vAnn, memo: SECRET.codingMemo })] });
  await applyAction(db, {
    label: 'Consensus: both versions',
    changes: [
      created('codings', coding('v-cons', v1, 'cons')),
      created('decisions', decision('dec-v', v1, SECRET.decisionWhy, ['v-cons'])),
      created('codings', coding('d-cons', d1, 'cons')),
      created('decisions', decision('dec-d', d1, KEEP.decisionWhy, ['d-cons'])),
    ],
  });
  await applyAction(db, {
    label: 'Memos',
    changes: [
      created('memos', memo('m-src', 'source', v1, SECRET.sourceMemo)),
      created('memos', memo('m-part', 'participant', vesna.id, SECRET.participantMemo)),
      created('memos', memo('m-cod', 'coding', 'v-bo', `${SECRET.codingMemo} on a coding`)),
      created('memos', memo('m-dale', 'participant', dale.id, 'Dale memo stays')),
    ],
  });
  await applyAction(db, {
    label: 'Add 2 quotes to the basket',
    changes: [
      created('basketItems', basket('q-v', v1, SECRET.quoteLabel, SECRET.quoteUsedIn)),
      created('basketItems', basket('q-d', d1, KEEP.quoteLabel)),
    ],
  });
  await applyAction(db, {
    label: `Change matrix: Vesna × Taking responsibility`,
    changes: [created('frameworkCells', cell('c-v', vesna.id, SECRET.matrix))],
  });
  await applyAction(db, {
    label: `Change matrix: Dale × Taking responsibility`,
    changes: [created('frameworkCells', cell('c-d', dale.id, KEEP.matrix))],
  });
  // Survey answers in one step: hers go with her, his stay.
  await applyAction(db, {
    label: 'Survey answers',
    changes: [
      ...setAnswerAction(undefined, vesna.id, 'tp0', 'item', SECRET.surveyAnswer, '', 1).changes,
      ...setAnswerAction(undefined, dale.id, 'tp0', 'item', KEEP.surveyAnswer, '', 1).changes,
    ],
  });
  // An undone step: its text is only in the history (redo would bring it back).
  await applyAction(db, { label: 'Apply', changes: [created('codings', coding('v-undone', v1, 'bo', SECRET.undoneCodingMemo))] });
  expect(await undo(db)).toBe('Apply');
  // The second transcript lies in the bin.
  await softDeleteSource(db, v2);
  return { vesna, dale, v1, v2, d1 };
}

async function dump(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) out[table.name] = await table.toArray();
  });
  return JSON.stringify(out);
}

describe('the transcript bin', () => {
  it('lists a deleted transcript and restores it with exactly the codings it had, not ones removed before', async () => {
    const { d1 } = await buildStudy();
    const before = await allCodings(db);
    const dAnn = before.find((c) => c.id === 'd-ann')!;
    // Removed before the transcript went to the bin: must stay removed after restore.
    await applyAction(db, { label: 'Remove', changes: [updated('codings', dAnn, { ...dAnn, deletedAt: 5, updatedAt: 5 })] });
    const codingsBefore = await codingsOfSource(db, d1);
    await softDeleteSource(db, d1);
    expect((await listSources(db)).map((s) => s.id)).not.toContain(d1);
    expect((await listBinnedSources(db)).map((s) => s.title)).toEqual(['Dale_T1', 'Vesna_T2']);

    expect(await restoreSource(db, d1)).toEqual([]);
    expect((await listSources(db)).map((s) => s.id)).toContain(d1);
    expect((await listBinnedSources(db)).map((s) => s.title)).toEqual(['Vesna_T2']);
    const after = await codingsOfSource(db, d1);
    expect(after).toEqual(codingsBefore);
    expect(after.find((c) => c.id === 'd-ann')!.deletedAt).toBe(5);
    expect(after.filter((c) => c.deletedAt == null).map((c) => c.id)).toEqual(['d-bo', 'd-cons']);
    expect(await db.history.where('action').equals('source.restore').count()).toBe(1);
  });

  it('restores a transcript unassigned when its participant was deleted while it lay in the bin', async () => {
    const { vesna, v1, v2 } = await buildStudy();
    await softDeleteSource(db, v1);
    await softDeleteParticipant(db, vesna.id);
    expect(await restoreSource(db, v2)).toEqual(['its participant was deleted, so it is unassigned']);
    expect((await db.sources.get(v2))!.participantId).toBeNull();
  });

  it('deletes a binned transcript for ever with everything on it, only from the bin, keeping the rest', async () => {
    const { v1, v2, d1 } = await buildStudy();
    await expect(purgeSource(db, v1)).rejects.toThrow(/Only a transcript in the bin/);
    await softDeleteSource(db, v1);
    await saveSets(db, [{ id: 's', name: 'Read twice', description: '', sourceIds: [v1, d1], codeIds: [] }], 'set');
    expect(await previewPurge(db, { kind: 'source', sourceId: v1 })).toEqual({
      transcripts: 1,
      inBin: 1,
      codings: 3,
      memos: 2,
      quotes: 1,
      decisions: 1,
      changeMatrixCells: 0,
    });
    await purgeSource(db, v1);
    const all = await dump();
    for (const s of [
      SECRET.text,
      SECRET.codingMemo,
      SECRET.undoneCodingMemo,
      SECRET.sourceMemo,
      SECRET.quoteLabel,
      SECRET.decisionWhy,
      SECRET.renamedTitle,
    ])
      expect(all).not.toContain(s);
    // The participant, their other transcript and their matrix cell stay.
    expect(all).toContain(SECRET.binnedText);
    expect(all).toContain(SECRET.participantMemo);
    expect(all).toContain(SECRET.matrix);
    expect((await codingsOfSource(db, d1)).map((c) => c.id)).toEqual(['d-ann', 'd-bo', 'd-cons']);
    expect(await db.sources.get(v2)).toBeDefined();
    // No set still names the purged transcript; the others stay in it.
    expect((await loadSetup(db)).sets[0]!.sourceIds).toEqual([d1]);
    expect(all).not.toContain(v1);
    const log = (await loadProjectLog(db, 5)).lines[0]!.summary;
    expect(log).toMatch(
      /^A transcript was deleted for ever on \d{4}-\d\d-\d\d: 3 codings, 2 memos, 1 quote, 1 consensus decision removed with it$/,
    );
  });
});

describe('purging a participant', () => {
  it('leaves no trace of them in any table, keeps the other participant whole, and logs it without their name', async () => {
    const { vesna, dale, d1 } = await buildStudy();
    const before = await dump();
    for (const s of [...Object.values(SECRET), ...Object.values(KEEP)]) expect(before).toContain(s);
    const daleCodings = await codingsOfSource(db, d1);
    const daleText = (await db.sourceContent.get(d1))!;
    const daleStored = (await db.participants.get(dale.id))!;

    expect(await previewPurge(db, { kind: 'participant', participantId: vesna.id })).toEqual({
      transcripts: 2,
      inBin: 1,
      codings: 4,
      memos: 3,
      quotes: 1,
      decisions: 1,
      changeMatrixCells: 1,
      surveyAnswers: 1,
    });
    await expect(purgeParticipant(db, vesna.id, 'vesna')).rejects.toThrow(/Type the pseudonym/);
    expect(await dump()).toBe(before);
    const removed = await purgeParticipant(db, vesna.id, ' Vesna ');
    expect(removed.counts.transcripts).toBe(2);
    expect(removed.codingIds.sort()).toEqual(['v-ann', 'v-bo', 'v-cons', 'v2-ann']);

    const after = await dump();
    for (const [what, s] of Object.entries(SECRET)) expect(after, what).not.toContain(s);
    expect(after).not.toContain('Vesna_T1');
    expect(after).not.toContain(vesna.id);
    for (const s of Object.values(KEEP)) expect(after).toContain(s);
    expect(after).toContain('Dale memo stays');

    // The other participant: unchanged but for the link to the purged one.
    expect(await db.participants.get(dale.id)).toEqual({ ...daleStored, links: [] });
    expect(await codingsOfSource(db, d1)).toEqual(daleCodings);
    expect(await db.sourceContent.get(d1)).toEqual(daleText);
    expect((await db.basketItems.toArray()).map((b) => b.id)).toEqual(['q-d']);
    expect((await db.decisions.toArray()).map((d) => d.id)).toEqual(['dec-d']);
    expect((await db.frameworkCells.toArray()).map((c) => c.id)).toEqual(['c-d']);
    expect((await db.surveyAnswers.toArray()).map((a) => a.participantId)).toEqual([dale.id]);

    const log = await loadProjectLog(db, 1);
    expect(log.more).toBe(true);
    expect(log.lines[0]!.summary).toMatch(
      /^A participant was purged on \d{4}-\d\d-\d\d: 2 transcripts, 4 codings, 3 memos, 1 quote, 1 consensus decision, 1 change-matrix cell, 1 survey answer removed$/,
    );
    const entry = (await db.history.where('action').equals('participant.purge').toArray())[0]!;
    expect(entry.undoable).toBe(false);
  });

  it('keeps the undo history working: a step shared with another participant loses only the purged part', async () => {
    const { vesna, d1 } = await buildStudy();
    await purgeParticipant(db, vesna.id, 'Vesna');
    // The redo step held only the purged participant's coding: it is gone.
    expect((await undoState(db)).redo).toBeNull();
    expect(await redo(db)).toBeNull();
    // Undo walks back through Dale's steps without tripping over the purged records.
    const labels: string[] = [];
    for (let label = await undo(db); label; label = await undo(db)) labels.push(label);
    expect(labels).toEqual([
      'Survey answers',
      'Change matrix: Dale × Taking responsibility',
      'Add 2 quotes to the basket',
      'Memos',
      'Consensus: both versions',
      'Apply "Taking responsibility"',
      'Set up',
    ]);
    expect(await codingsOfSource(db, d1)).toEqual([]);
    expect(await dump()).not.toContain(SECRET.codingMemo);
  });

  it('writes nothing when the purge fails halfway (one transaction)', async () => {
    const { vesna } = await buildStudy();
    const before = await dump();
    // The matrix cells are deleted after the transcripts, codings, memos, quotes and decisions.
    const spy = vi.spyOn(db.frameworkCells, 'bulkDelete').mockImplementation(() => {
      throw new Error('disk full');
    });
    try {
      await expect(purgeParticipant(db, vesna.id, 'Vesna')).rejects.toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    expect(await dump()).toBe(before);
  });
});
