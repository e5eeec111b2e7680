// REFI-QDA project exchange (.qdpx): a zip of project.qde and the sources' plain text. This is
// how a project moves to and from NVivo, ATLAS.ti, MAXQDA or QualCoder, and how two coders on
// two machines bring their work together. The mapping is described in refi/qdeWrite.ts and
// refi/qdeRead.ts; positions are converted in refi/positions.ts.
import type { ProjectSnapshot } from '../core/shared';
import { ImportError } from './errors';
import { sha256Hex } from './hash';
import { readProject } from './refi/qdeRead';
import { fromBase64 } from './base64';
import { notePath, projectNotes, richTextFile, sourcePath, projectXmlSteps, type ExportOptions } from './refi/qdeWrite';
import { decodeEntry, utf8 } from './refi/text';
import { isZip, readZipEntriesAsync, type ZipLimits } from './zip';
import { deflaterHere, zipDeflated, type EntryDeflater } from './zipWrite';

export interface QdpxLimits extends ZipLimits {
  /** Largest project.qde (uncompressed): parsing XML takes the most memory per byte. */
  maxXmlBytes: number;
}

const MB = 1024 * 1024;

/**
 * Limits that match memory, measured with `npm run bench` ("qdpxImportMemory" in
 * bench-results/bench.json; tests/bench/qdpxMemory.ts). project.qde is read as a stream, one
 * source at a time (refi/xmlTree.ts), so the XML costs about its own size as a string, no
 * longer 7.5 bytes per byte as a whole tree. Ten times the study (3,500 transcripts of 10,000
 * words, 400,000 codings) is a 110 MB .qdpx holding 525 MB: a 214 MB project.qde and 311 MB
 * of text; reading it peaks at 1.1 GB of heap and 2.2 GB of process memory (the entries'
 * bytes, their strings, the UTF-8 for hashing). So: a project.qde of up to 512 MB (2.4 times
 * that), one text up to 64 MB (three times the largest transcript a .txt import takes), 1 GB
 * in all (about 2.5 GB of heap at worst, inside a worker's 4 GB), and 20,000 entries. The old
 * limits (1 GB in all, 256 MB per entry, the XML read whole) let a 9 MB file compressed 200
 * to 1 claim 1 GB, which took over 4 GB to read; the ratio limit still refuses that.
 */
export const QDPX_LIMITS: QdpxLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 64 * MB,
  maxXmlBytes: 512 * MB,
  maxTotalBytes: 1024 * MB,
  maxRatio: 200,
};

export interface ReadQdpxOptions {
  newId?: () => string;
  now?: number;
  limits?: Partial<QdpxLimits>;
  /**
   * Called now and then with the share of the reading done (0..1): project.qde parsed up to
   * 0.8, the transcripts' turns found at 0.9, their SHA-256 up to 1.
   */
  onProgress?: (share: number) => void;
}

/** The one .qde of the archive: any name, at the top or in a folder, "project.qde" preferred. */
function findQde(names: string[], fileName: string): string {
  const qde = names.filter((n) => /\.qde$/i.test(n));
  if (qde.length === 1) return qde[0]!;
  const top = qde.filter((n) => /^project\.qde$/i.test(n));
  if (top.length === 1) return top[0]!;
  if (qde.length === 0) throw new ImportError(fileName, 'is not a REFI-QDA project: the archive holds no project.qde');
  throw new ImportError(fileName, `holds ${qde.length} .qde project files (${qde.join(', ')}); it should hold one`);
}

export async function readQdpx(
  bytes: Uint8Array,
  fileName = 'project.qdpx',
  options: ReadQdpxOptions = {},
): Promise<{ project: ProjectSnapshot; warnings: string[] }> {
  if (!isZip(bytes)) throw new ImportError(fileName, 'is not a .qdpx project: it is not a zip archive');
  const limits = { ...QDPX_LIMITS, ...options.limits };
  const entries = await readZipEntriesAsync(bytes, {
    fileName,
    limits,
    maxBytesOf: (name) => (/\.qde$/i.test(name) ? limits.maxXmlBytes : limits.maxEntryBytes),
    wanted: (name) => /\.(qde|txt|docx)$/i.test(name),
    invalid: () => new ImportError(fileName, 'is not a valid .qdpx (the zip archive is damaged)'),
    checkPaths: true,
  });
  const names = Object.keys(entries);
  const qdeName = findQde(names, fileName);
  const { text: xml } = decodeEntry(entries[qdeName]!);
  delete entries[qdeName]; // its bytes, 200 MB at ten times the study, are not needed again
  const folder = qdeName.includes('/') ? qdeName.slice(0, qdeName.lastIndexOf('/') + 1) : '';
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const entryText = (path: string) => {
    const bytes = entryBytes(path);
    return bytes && decodeEntry(bytes);
  };
  function entryBytes(path: string): Uint8Array | undefined {
    const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
    let decoded = clean;
    try {
      decoded = decodeURIComponent(clean);
    } catch {
      // a literal % in a file name
    }
    for (const p of new Set([clean, decoded])) {
      for (const candidate of [`${folder}sources/${p}`, `${folder}Sources/${p}`, `${folder}${p}`]) {
        const name = entries[candidate] ? candidate : lower.get(candidate.toLowerCase());
        if (name && entries[name]) return entries[name];
      }
    }
    return undefined;
  }
  const context = { fileName, entryText, entryBytes, newId: options.newId ?? (() => crypto.randomUUID()), now: options.now ?? Date.now() };
  const progress = options.onProgress;
  const result = readProject(xml, qdeName, context, progress && ((share) => progress(0.8 * share)));
  progress?.(0.9);
  // Hashed together: one digest after another costs a round trip each (about 1 s for 350).
  const { sources } = result.project;
  let hashed = 0;
  await Promise.all(
    sources.map(async (source) => {
      if (!source.origin.sha256) source.origin.sha256 = await sha256Hex(utf8(source.text));
      progress?.(0.9 + (0.1 * ++hashed) / sources.length);
    }),
  );
  progress?.(1);
  return result;
}

export interface WriteQdpxOptions extends ExportOptions {
  /** Called as the file is made: `done` of `total` steps (each source's XML, each source's text deflated). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where the entries are deflated (`onClosed` hears of each as it is done); on this thread
   * unless given. The .qdpx worker gives one on a thread of its own (store/deflateOffThread.ts).
   */
  openDeflater?: (onClosed: (name: string) => void) => Promise<EntryDeflater>;
}

// Level 1: twice as fast as 6 on 30 MB of text and XML, and the archive only ~15% larger.
const LEVEL = 1;
/** project.qde is encoded and handed to the deflater a megabyte at a time, never held whole. */
const XML_PIECE = 1 << 20;
const QDE = 'project.qde';

/** project.qde's text, gathered and handed on as UTF-8 a megabyte at a time. */
class XmlPieces {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly deflater: EntryDeflater) {}

  add(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= XML_PIECE) this.flush(false);
  }

  flush(last: boolean): void {
    const bytes = utf8(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.deflater.push(QDE, bytes, last, LEVEL);
  }
}

/**
 * The project as a .qdpx; `positions: 'utf16'` makes the file for NVivo (see ExportOptions).
 * project.qde is made and encoded piece by piece, and each text handed to the deflater as its
 * source's XML is done: at ten times the study, 214 MB of XML is never one string nor one array
 * of bytes, and a deflater on another thread works through the texts while the XML is made.
 */
export async function writeQdpx(project: ProjectSnapshot, options: WriteQdpxOptions = {}): Promise<Uint8Array> {
  // The notes once: their text goes in project.qde and, as files, beside it.
  const notes = projectNotes(project, options);
  const sources = project.sources.filter((s) => s.deletedAt == null);
  const total = 2 * sources.length;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  const textNames = new Set<string>();
  const deflater = await (options.openDeflater ?? (async (onClosed) => deflaterHere(onClosed)))((name) => {
    if (textNames.has(name)) step();
  });
  const names = [QDE];
  const add = (name: string, bytes: Uint8Array) => {
    names.push(name);
    deflater.push(name, bytes, true, LEVEL);
  };
  try {
    const qde = new XmlPieces(deflater);
    for (const source of projectXmlSteps((text) => qde.add(text), project, options, notes)) {
      // Its XML is written: its text goes to the deflater, which works on it meanwhile.
      const name = `sources/${sourcePath(source)}`;
      textNames.add(name);
      add(name, utf8(source.text));
      if (source.originalDocx) add(`sources/${richTextFile(source)}`, fromBase64(source.originalDocx));
      step();
      await deflater.breathe();
    }
    qde.flush(true);
    // Each Note's text also as a file: QualCoder reads a Note only through its plainTextPath.
    for (const note of notes) add(`sources/${notePath(note)}`, utf8(note.text));
  } catch (error) {
    deflater.cancel();
    throw error;
  }
  const entries = new Map((await deflater.finish()).map((e) => [e.name, e]));
  return zipDeflated(names.map((name) => entries.get(name)!));
}
