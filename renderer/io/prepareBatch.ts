// Reads every file of a batch into canonical text and turns, reporting progress. A file that
// fails becomes a FailedFile row: the batch as a whole is planned, never half-written.
import type { FailedFile, PreparedFile } from '../core/transcripts';
import { ImportError } from './errors';
import { sha256Hex } from './hash';
import { importTranscript } from './transcripts';

/** Reads one file into canonical text and turns, or a FailedFile naming what is wrong with it. */
export async function prepareFile(file: { name: string; bytes: Uint8Array }): Promise<PreparedFile | FailedFile> {
  try {
    const [result, sha256] = await Promise.all([importTranscript(file), sha256Hex(file.bytes)]);
    return {
      fileName: file.name,
      sha256,
      format: result.format,
      text: result.text,
      turns: result.turns,
      warnings: result.warnings,
      ...(result.title ? { title: result.title } : {}),
      ...(result.sections ? { sections: result.sections } : {}),
    };
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `${file.name}: could not be read (${(e as Error).message}).`;
    return { fileName: file.name, error: message };
  }
}

/** Reads every file, one after another, with `read` (prepareFile here; a worker's in the app). */
export async function prepareFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  onProgress: (done: number, total: number, fileName: string) => void = () => {},
  read: (file: { name: string; bytes: Uint8Array }) => Promise<PreparedFile | FailedFile> = prepareFile,
): Promise<(PreparedFile | FailedFile)[]> {
  const out: (PreparedFile | FailedFile)[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length, file.name);
    out.push(await read(file));
    // Let the progress bar paint between files.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  onProgress(files.length, files.length, '');
  return out;
}
