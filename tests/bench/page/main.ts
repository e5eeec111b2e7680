// Runs inside real Chromium against real IndexedDB: the same import path as the app's
// import dialog (read, hash, plan, build, one transaction), then listing and opening.
import { buildImport, planBatch } from '../../../renderer/core/batch';
import { prepareFiles } from '../../../renderer/io/prepareBatch';
import { projectDb } from '../../../renderer/store/projectDb';
import { commitImport, getSource, listSources, loadSetup, loadSnapshot } from '../../../renderer/store/projectRepo';
import { createProject, listProjects } from '../../../renderer/store/projects';
import { makeDocx } from '../../fixtures/makeDocx';
import { generateTranscript } from '../corpus';

declare global {
  interface Window {
    runImportBench(count: number, words: number): Promise<Record<string, number>>;
  }
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

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

  const [prepared, readMs] = await time(() => prepareFiles(files));
  const failed = prepared.filter((p) => 'error' in p);
  if (failed.length) throw new Error(`bench files failed: ${JSON.stringify(failed.slice(0, 3))}`);
  const [, writeMs] = await time(async () => {
    const setup = await loadSetup(db);
    const rows = planBatch(prepared, { participants: setup.participants, sources: [], waves: setup.waves });
    await commitImport(db, buildImport(rows, { Interviewer: 'interviewer' }, setup.participants, () => crypto.randomUUID(), Date.now()));
  });
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
document.getElementById('status')!.textContent = 'ready';
