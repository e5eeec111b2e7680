// Issue 22's PDF import figure: 350 PDFs of 10,000 words, as a word processor prints them
// (tests/fixtures/makePdf.ts: wrapped lines, a running header, page numbers), read as the import
// dialog reads them (store/transcriptsOffThread.ts: PDF.js parsing in its own worker, the pages
// laid out on the window's thread) and written into a new project in one transaction.
import { projectDb } from '../../../renderer/store/projectDb';
import { createProject } from '../../../renderer/store/projects';
import { prepareFilesOffThread } from '../../../renderer/store/transcriptsOffThread';
import { makePdf } from '../../fixtures/makePdf';
import { generateTranscript } from '../corpus';
import { commitBenchImport } from './benchImport';
import { discardProject } from './discard';
import { watchLongTasks } from './longTasks';
import { time } from './timing';

export async function runPdfImportBench(count: number, words: number): Promise<Record<string, number>> {
  const generated = Array.from({ length: count }, (_, i) => generateTranscript(i, words));
  const files = generated.map((t) => ({ name: t.fileName.replace(/\.docx$/, '.pdf'), bytes: makePdf(t.paragraphs) }));
  const entry = await createProject('PDF bench');
  const db = projectDb(entry.id);
  let progressReports = 0;
  const [[prepared, readMs], tasks] = await watchLongTasks(() => time(() => prepareFilesOffThread(files, () => progressReports++)));
  const failed = prepared.filter((p) => 'error' in p);
  if (failed.length) throw new Error(`PDF bench files failed: ${JSON.stringify(failed.slice(0, 3))}`);
  // Every PDF must come back word for word as it was printed: a fast wrong reading is no figure.
  const wrong = prepared.filter((p, i) => 'text' in p && p.text !== generated[i]!.paragraphs.join('\n')).length;
  if (wrong) throw new Error(`${wrong} PDFs came back with other text than was printed`);
  const [, writeMs] = await time(() => commitBenchImport(db, prepared));
  await discardProject(entry.id);
  return {
    files: count,
    words: generated.reduce((n, t) => n + t.words, 0),
    pdfMegabytes: files.reduce((n, f) => n + f.bytes.length, 0) / 1e6,
    readMs,
    writeMs,
    importMs: readMs + writeMs,
    progressReports,
    longestTaskMs: tasks.longestMs,
    tasksOver100: tasks.over100,
  };
}
