// The import dialog's reading of transcript files: .docx, .odt and .rtf parsed in a worker
// (transcriptWorker.ts), so a batch of 350 never stops the window. A PDF is read on this
// thread through PDF.js, which parses it in a worker of its own (pdfWorkerSetup.ts) and needs
// a window for the rest: here only its text runs are laid out. Where no worker starts (a
// protocol that cannot serve module workers) every file is read on this thread.
import type { FailedFile, PreparedFile } from '../core/transcripts';
import { prepareFile, prepareFiles } from '../io/prepareBatch';
import { transcriptFormat } from '../io/transcripts';
import { setUpPdfWorker } from './pdfWorkerSetup';
import { WorkerLine } from './workerLine';

export type TranscriptRequest = { name: string; bytes: Uint8Array };
export type TranscriptReply = PreparedFile | FailedFile;
type Line = WorkerLine<TranscriptRequest, TranscriptReply>;

export async function prepareFilesOffThread(
  files: readonly { name: string; bytes: Uint8Array }[],
  onProgress: (done: number, total: number, fileName: string) => void = () => {},
): Promise<TranscriptReply[]> {
  let line: Line | null | undefined; // opened when the first file that is not a PDF comes
  try {
    return await prepareFiles(files, onProgress, (file) => readOne(file, () => (line === undefined ? (line = openLine()) : line)));
  } finally {
    line?.close();
  }
}

const openLine = (): Line | null =>
  WorkerLine.open<TranscriptRequest, TranscriptReply>(
    () => new Worker(new URL('./transcriptWorker.ts', import.meta.url), { type: 'module' }),
  );

async function readOne(file: TranscriptRequest, line: () => Line | null): Promise<TranscriptReply> {
  if (transcriptFormat(file.name) === 'pdf') {
    await setUpPdfWorker();
    return prepareFile(file);
  }
  // Copied, not moved: the dialog keeps the files to read again if the researcher asks.
  return (await line()?.ask({ name: file.name, bytes: file.bytes })) ?? prepareFile(file);
}
