// Runs inside real Chromium against real IndexedDB: the same import path as the app's
// import dialog (read, hash, plan, build, one transaction), then listing and opening.
import { prepareFiles } from '../../../renderer/io/prepareBatch';
import { closeProjectDb, projectDb } from '../../../renderer/store/projectDb';
import { projectModel } from '../../../renderer/store/projectModel';
import { AgreementRunner } from '../../../renderer/store/agreementOffThread';
import { watchLongTasks } from './longTasks';
import { getSource, listSources, loadSetup, loadSnapshot } from '../../../renderer/store/projectRepo';
import { createProject, listProjects } from '../../../renderer/store/projects';
import { created } from '../../../renderer/core/shared/changes';
import { mergeCodebook } from '../../../renderer/core/codebook/codebookMerge';
import { codeStats } from '../../../renderer/core/codebook/codeStats';
import { combine } from '../../../renderer/core/coding/codingOps';
import type { Code, Coding } from '../../../renderer/core/shared/model';
import { retrieve } from '../../../renderer/core/coding/retrieval';
import { applyAction } from '../../../renderer/store/actions';
import { makeDocx } from '../../fixtures/makeDocx';
import { runEditorBench } from './editorBench';
import { planMerge, planMergeSteps } from '../../../renderer/core/merge/projectMerge';
import { runInSteps } from '../../../renderer/store/inSteps';
import { waveMatrix } from '../../../renderer/core/waves/waves';
import { compareCoders } from '../../../renderer/core/agreement';
import { QdpxExporter, QdpxImporter, readQdpxOffThread } from '../../../renderer/store/qdpxOffThread';
import { commitBenchImport } from './benchImport';
import { discardProject } from './discard';
import { generateTranscript } from '../corpus';
import { findQuotes, type QuoteQuery } from '../../../renderer/core/quotes';
import { encryptionBenchCopyId, runEncryptionBench } from './encryptionBench';
import { runRealisticSearchBench, runSearchBench } from './searchBench';
import { runJointDisplayBench, runSurveyImportBench } from './surveyBench';
import { runAnalysisBench } from './analysisBench';
import { runPdfImportBench } from './pdfBench';
import { runRecordingBench } from './recordingBench';
import { runArchiveBench, runArchiveProfile, runBackupBench } from './archiveBench';
import { time } from './timing';

declare global {
  interface Window {
    runImportBench(count: number, words: number): Promise<Record<string, number>>;
    runCodingBench(codingCount: number, coderCount?: number): Promise<Record<string, number>>;
    runModelBench(): Promise<Record<string, number>>;
    runEditorBench(): Promise<Record<string, number>>;
    runSearchBench(): Promise<Record<string, number>>;
    runRealisticSearchBench(count: number, words: number): Promise<Record<string, number | string>>;
    runQdpxBench(): Promise<Record<string, number>>;
    runRecordingBench(): Promise<Record<string, number>>;
    runArchiveBench(): Promise<Record<string, number>>;
    runArchiveProfile(): Promise<Record<string, number>>;
    runBackupBench(): Promise<Record<string, number>>;
    runWaveBench(): Promise<Record<string, number>>;
    runSurveyImportBench(): Promise<Record<string, number>>;
    runPdfImportBench(count: number, words: number): Promise<Record<string, number>>;
    runJointDisplayBench(): Promise<Record<string, number>>;
    runAnalysisBench(): Promise<Record<string, number>>;
    runQuoteBench(): Promise<Record<string, number>>;
    runAgreementBench(): Promise<Record<string, number>>;
    runEncryptionBench(projectId: string): Promise<Record<string, number>>;
    benchProjectId(): string;
    encryptionBenchCopyId(): string;
    benchLoadSnapshot(projectId: string): Promise<number>;
    benchOpen(projectId: string): Promise<Record<string, number>>;
  }
}

let benchDb: ReturnType<typeof projectDb> | null = null;

window.runImportBench = async (count, words) => {
  const files: { name: string; bytes: Uint8Array }[] = [];
  let totalWords = 0;
  for (let i = 0; i < count; i += 1) {
    const t = generateTranscript(i, words);
    totalWords += t.words;
    files.push({ name: t.fileName, bytes: makeDocx(t.paragraphs) });
  }
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  for (let i = 0; i < 5; i += 1) await createProject(`Other project ${i}`);
  const entry = await createProject('Bench study');
  const db = projectDb(entry.id);
  benchDb = db;

  const [prepared, readMs] = await time(() => prepareFiles(files));
  const failed = prepared.filter((p) => 'error' in p);
  if (failed.length) throw new Error(`bench files failed: ${JSON.stringify(failed.slice(0, 3))}`);
  const [, writeMs] = await time(() => commitBenchImport(db, prepared));
  const [, listProjectsMs] = await time(() => listProjects());
  const [sources, openProjectMs] = await time(async () => {
    const [setup, list] = await Promise.all([loadSetup(db), listSources(db)]);
    return setup && list;
  });
  const [, openTranscriptMs] = await time(() => getSource(db, sources[Math.floor(sources.length / 2)]!.id));
  const [snapshot, snapshotMs] = await time(() => loadSnapshot(db));
  return {
    files: count,
    words: totalWords,
    docxMegabytes: bytes / 1e6,
    readMs,
    writeMs,
    importMs: readMs + writeMs,
    filesPerSecond: count / ((readMs + writeMs) / 1000),
    listProjectsMs,
    openProjectMs,
    openTranscriptMs,
    snapshotMs,
    sourcesInSnapshot: snapshot.sources.length,
  };
};
// Study-scale coding: 60 codes, 2 coders, `codingCount` codings over the imported corpus.
window.runCodingBench = async (codingCount, coderCount = 2) => {
  const db = benchDb!;
  const snapshot = await loadSnapshot(db);
  const newId = () => crypto.randomUUID();
  const tree = Array.from({ length: 10 }, (_, i) => ({
    name: `Measure ${i + 1}`,
    children: Array.from({ length: 5 }, (_, j) => ({ name: `Indicator ${i + 1}.${j + 1}` })),
  }));
  const codebook = mergeCodebook([], tree, 'Bench codebook', newId);
  const codes = codebook.changes.map((c) => c.after as Code);
  const coders = Array.from({ length: coderCount }, (_, i) => ({
    id: newId(),
    name: i < 26 ? String.fromCharCode(65 + i) : `Coder ${i + 1}`,
    colour: i % 2 ? '#b5512f' : '#2f6db5',
  }));
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const codings: Coding[] = [];
  for (let i = 0; i < codingCount; i += 1) {
    const source = snapshot.sources[Math.floor(rand() * snapshot.sources.length)]!;
    const turn = source.turns[Math.floor(rand() * source.turns.length)]!;
    codings.push({
      id: newId(),
      sourceId: source.id,
      codeId: codes[Math.floor(rand() * codes.length)]!.id,
      coderId: coders[i % coders.length]!.id,
      start: turn.start,
      end: turn.end,
      memo: '',
      createdAt: i,
      updatedAt: i,
    });
  }
  const [, writeCodingsMs] = await time(() =>
    applyAction(
      db,
      combine('bench', codebook, {
        label: '',
        changes: [...coders.map((c) => created('coders', c)), ...codings.map((c) => created('codings', c))],
      }),
      '',
      { undoable: false },
    ),
  );
  const [full, snapshotMs] = await time(() => loadSnapshot(db));
  const t0 = performance.now();
  const stats = codeStats(full, { includeChildren: true });
  const codeStatsMs = performance.now() - t0;
  const t1 = performance.now();
  const passages = retrieve(full, { codeIds: [codes[0]!.id], includeChildren: true });
  const retrieveMs = performance.now() - t1;
  return {
    codings: codingCount,
    codes: codes.length,
    writeCodingsMs,
    snapshotMs,
    codeStatsMs,
    retrieveMs,
    passages: passages.length,
    statsCodes: stats.size,
  };
};

/**
 * The in-memory project model the analysis views share: its first load, and what one coding
 * costs it (the write, then its transcript's coding set read again and the lists rebuilt)
 * beside the same write with no model listening.
 */
window.runModelBench = async () => {
  const db = benchDb!;
  const like = (await db.codingSets.limit(1).first())!.codings[0]!;
  const model = projectModel(db);
  const [, modelLoadMs] = await time(() => model.settled());
  const coding = (start: number): Coding => ({ ...like, id: crypto.randomUUID(), start, end: start + 5 });
  const write = (c: Coding) => applyAction(db, { label: 'bench', changes: [created('codings', c)] }, '', { undoable: false });
  const [, modelUpdateMs] = await time(async () => {
    await write(coding(1));
    await model.settled();
  });
  const [, modelUpdateAgainMs] = await time(async () => {
    await write(coding(2));
    await model.settled();
  });
  model.dispose();
  const [, codingWriteMs] = await time(() => write(coding(3)));
  return { modelLoadMs, modelUpdateMs: Math.min(modelUpdateMs, modelUpdateAgainMs), codingWriteMs };
};

// The study-scale project (after runCodingBench) out as .qdpx and back in as a new project,
// then planned as another coder's work against itself (everything already present).
window.runQdpxBench = async () => {
  const db = benchDb!;
  // As the app does it: the project loaded and the file written in the .qdpx worker, the file
  // read there too; the window's longest task meanwhile is the measure of its staying responsive.
  const exporter = new QdpxExporter();
  const [[[summary, exportSnapshotMs], [bytes, writeQdpxMs]], exportTasks] = await watchLongTasks(async () => {
    const prepared = await time(() => exporter.prepare(db, 'Bench study'));
    return [prepared, await time(() => exporter.write('codepoints'))] as const;
  });
  exporter.close();
  // A new project made of the file, read and written in the worker (ImportProjectDialog).
  const importer = new QdpxImporter();
  const qdpxMegabytes = bytes.length / 1e6;
  const moved = bytes.slice(); // the file's bytes go to the worker; these stay for the merge below
  const [[[, readQdpxMs], [created, createProjectMs]], importTasks] = await watchLongTasks(async () => {
    const r = await time(() => importer.read(moved, 'bench.qdpx'));
    return [r, await time(() => importer.create('bench.qdpx'))] as const;
  });
  importer.close();
  await discardProject(created.id);
  // Another coder's file to merge: read into the window, whose project it is planned against.
  const [[read, readForMergeMs], mergeReadTasks] = await watchLongTasks(() => time(() => readQdpxOffThread(bytes, 'bench.qdpx')));
  // The project as the app plans a merge against it: the shared model's snapshot, no copy of its own.
  const model = projectModel(db);
  const snapshot = (await model.settled())!;
  const mergeOptions = { addUnmatchedSources: false, newId: () => crypto.randomUUID(), now: 0, label: 'bench' };
  const t0 = performance.now();
  const plan = planMerge(snapshot, read.project, mergeOptions);
  const planMergeMs = performance.now() - t0;
  // As the app plans it: in steps on the window's thread, which draws in between (store/inSteps.ts).
  const [[, planInStepsMs], planTasks] = await watchLongTasks(() =>
    time(() => runInSteps(planMergeSteps(snapshot, read.project, mergeOptions))),
  );
  model.dispose();
  return {
    sources: summary.sources,
    codings: summary.codings,
    qdpxMegabytes,
    exportSnapshotMs,
    writeQdpxMs,
    exportMs: exportSnapshotMs + writeQdpxMs,
    exportLongestTaskMs: exportTasks.longestMs,
    readQdpxMs,
    createProjectMs,
    importMs: readQdpxMs + createProjectMs,
    importLongestTaskMs: importTasks.longestMs,
    readForMergeMs,
    readForMergeLongestTaskMs: mergeReadTasks.longestMs,
    planMergeInStepsMs: planInStepsMs,
    planMergeLongestTaskMs: planTasks.longestMs,
    importedCodings: read.project.codings.length,
    warnings: read.warnings.length,
    planMergeMs,
    mergeAlreadyPresent: plan.summary.codings.alreadyPresent,
  };
};

window.runEncryptionBench = (projectId) => runEncryptionBench(projectId);
window.encryptionBenchCopyId = encryptionBenchCopyId;
window.benchLoadSnapshot = async (projectId) => {
  closeProjectDb(projectId);
  const t0 = performance.now();
  await loadSnapshot(projectDb(projectId));
  return performance.now() - t0;
};
window.benchOpen = async (projectId) => {
  closeProjectDb(projectId);
  const db = projectDb(projectId);
  const t0 = performance.now();
  await db.open();
  const t1 = performance.now();
  await loadSetup(db);
  const t2 = performance.now();
  await listSources(db);
  return { dbOpen: t1 - t0, setup: t2 - t1, sources: performance.now() - t2 };
};
window.benchProjectId = () => benchDb!.projectId;

window.runArchiveBench = () => runArchiveBench(benchDb!);
window.runArchiveProfile = () => runArchiveProfile(benchDb!);
window.runBackupBench = () => runBackupBench(benchDb!);

window.runSurveyImportBench = () => runSurveyImportBench();
window.runPdfImportBench = (count, words) => runPdfImportBench(count, words);
window.runRecordingBench = () => runRecordingBench();
window.runJointDisplayBench = () => runJointDisplayBench(benchDb!);
window.runAnalysisBench = () => runAnalysisBench(benchDb!);

// The Time 1 / Time 2 matrix over the study-scale project in memory: the median of 5 runs,
// with sub-codes counted into their parents (the heavier case).
window.runWaveBench = async () => {
  const snapshot = await loadSnapshot(benchDb!);
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    rows = waveMatrix(snapshot, { includeChildren: true }).rows.length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const people = new Set(snapshot.sources.map((s) => s.participantId)).size;
  return { waveMatrixMs: runs[2]!, waveMatrixMaxMs: runs[4]!, rows, participants: people, codings: snapshot.codings.length };
};

// All four agreement units for the two coders over the study-scale project (every transcript
// is coded by both in the bench corpus, so all 350 are compared).
window.runAgreementBench = async () => {
  const snapshot = await loadSnapshot(benchDb!);
  const coderIds = snapshot.coders.map((c) => c.id).slice(0, 2);
  const out: Record<string, number> = {};
  let total = 0;
  for (const unit of ['turn', 'character', 'segment', 'document'] as const) {
    const t0 = performance.now();
    const report = compareCoders(snapshot, { coderIds, unit });
    const ms = performance.now() - t0;
    out[`${unit}Ms`] = ms;
    out[`${unit}Sources`] = report.sourceIds.length;
    total += ms;
  }
  // With more coders (20 at ten times the study), every coder together too (Fleiss' kappa; the
  // segment unit compares two coders only, so it is left out).
  const everyone = snapshot.coders.map((c) => c.id);
  if (everyone.length > 2) {
    let all = 0;
    for (const unit of ['turn', 'character', 'document'] as const) {
      const t0 = performance.now();
      compareCoders(snapshot, { coderIds: everyone, unit });
      const ms = performance.now() - t0;
      out[`${unit}EveryCoderMs`] = ms;
      all += ms;
    }
    out.everyCoderMs = all;
    out.coders = everyone.length;
  }
  // What the Agreement tab waits for: the same comparisons in the agreement worker (the first
  // sends the project, as turns and lengths), with the window's long tasks meanwhile.
  const runner = new AgreementRunner();
  const [workerMs, tasks] = await watchLongTasks(async () => {
    const t0 = performance.now();
    for (const unit of ['turn', 'character', 'segment', 'document'] as const) await runner.compare(snapshot, { coderIds, unit });
    return performance.now() - t0;
  });
  let everyWorkerMs: number | undefined;
  if (everyone.length > 2) {
    const t0 = performance.now();
    for (const unit of ['turn', 'character', 'document'] as const) await runner.compare(snapshot, { coderIds: everyone, unit });
    everyWorkerMs = performance.now() - t0;
  }
  runner.dispose();
  return {
    ...out,
    allUnitsMs: total,
    codings: snapshot.codings.length,
    workerAllUnitsMs: workerMs,
    workerLongTasks: tasks.count,
    workerLongestTaskMs: tasks.longestMs,
    ...(everyWorkerMs === undefined ? {} : { everyCoderWorkerMs: everyWorkerMs }),
  };
};

// Quote queries over the study-scale project in memory, as an author runs them: the median of
// 5 runs of each, and the slowest query's median reported against the 100 ms target.
window.runQuoteBench = async () => {
  const snapshot = await loadSnapshot(benchDb!);
  const parent = snapshot.codes.find((c) => c.parentId === null && snapshot.codes.some((d) => d.parentId === c.id))!;
  const [a, b, c] = snapshot.codes.filter((x) => x.parentId !== null);
  const role = snapshot.participants.find((p) => p.role)?.role;
  const wave = snapshot.waves.at(-1)?.id;
  const queries: Record<string, QuoteQuery> = {
    oneCodeWithChildren: {
      codeIds: [parent.id],
      includeChildren: true,
      ...(wave ? { waves: [wave] } : {}),
      ...(role ? { roles: [role] } : {}),
    },
    allOfTwoNoneOfOne: { codeIds: [a!.id, b!.id], match: 'all', excludeCodeIds: [c!.id] },
    anyCodeWithWords: { text: 'the programme' },
  };
  const out: Record<string, number> = {};
  let slowest = 0;
  for (const [name, query] of Object.entries(queries)) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      out[`${name}Quotes`] = findQuotes(snapshot, query).length;
      runs.push(performance.now() - t0);
    }
    runs.sort((x, y) => x - y);
    out[`${name}Ms`] = runs[2]!;
    slowest = Math.max(slowest, runs[2]!);
  }
  return { ...out, slowestMs: slowest, codings: snapshot.codings.length };
};

window.runSearchBench = () => runSearchBench(benchDb!, document.getElementById('editor-host')!);
window.runRealisticSearchBench = (count, words) => runRealisticSearchBench(count, words);

window.runEditorBench = async () => ({ ...(await runEditorBench(document.getElementById('editor-host')!)) });

document.getElementById('status')!.textContent = 'ready';
