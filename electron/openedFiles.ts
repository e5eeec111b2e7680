// Files the system asks the app to open: a double-click on a .mirabal archive or a .qdpx (the
// file associations of electron-builder.yml), at first launch (in process.argv), from a second
// launch (its argv, passed on by the single-instance lock) or, on a Mac, by the open-file event.
// They wait here until the page takes them (openedFiles), which offers a restore or an import.
import path from 'node:path';
import { OPENABLE_EXTENSIONS, type OpenedFilesResult } from './contract.js';
import { readPickedFiles } from './files.js';

/**
 * The files to open among a launch's arguments: those named like an archive or a .qdpx, made
 * absolute against the launch's folder. Switches ("--flag") and the app's own path are not files.
 */
export function filesInArgs(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => !a.startsWith('-') && OPENABLE_EXTENSIONS.some((ext) => a.toLowerCase().endsWith(ext)))
    .map((a) => path.resolve(cwd, a));
}

export class OpenedFiles {
  private paths: string[] = [];
  /** Called when files were queued (whenReady tells the page). */
  onAdded: () => void = () => {};

  /** Queues files not queued already; true when something new was queued. */
  add(paths: readonly string[]): boolean {
    const fresh = [...new Set(paths)].filter((p) => !this.paths.includes(p));
    this.paths.push(...fresh);
    if (fresh.length > 0) this.onAdded();
    return fresh.length > 0;
  }

  /**
   * Reads and hands over every queued file, each once. A file that cannot be read (moved away,
   * too large) is not lost silently: a line names it and says why.
   */
  async take(): Promise<OpenedFilesResult> {
    const result: OpenedFilesResult = { files: [], problems: [] };
    for (const p of this.paths.splice(0)) {
      try {
        result.files.push(...(await readPickedFiles([p])));
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is not there any more' : (e as Error).message;
        result.problems.push(`${path.basename(p)} could not be opened: ${why}`);
      }
    }
    return result;
  }
}
