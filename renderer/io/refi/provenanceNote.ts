// Where each transcript came from (its original file, format and SHA-256) has no place of its
// own in REFI-QDA. It travels in one project Note, "Original transcript files", a line per
// transcript imported from a file here, so that a source's Description stays the source's
// (and a file imported from another tool goes back out without a line it never had). The
// import recognises the note by its name and its lines, puts each origin back on its source
// and does not turn the note into a memo. Older exports wrote the same sentence in each
// TextSource's Description; those are still read (PROVENANCE in qdeRead.ts).
import type { Source, SourceOrigin } from '../../core/shared';
import { derivedGuid, guidFor, readGuid } from './guid';

export const PROVENANCE_NOTE_NAME = 'Original transcript files';
export const PROVENANCE_NOTE_GUID = derivedGuid('note:original-transcript-files');

const LINE = /^(\S+): imported from ("(?:[^"\\]|\\.)*") \(([^,()]*)(?:, SHA-256 ([0-9a-f]{64}))?\)$/;

/** Whether a source's origin says more than a .qdpx import would find again by itself. */
export function hasOwnProvenance(source: Source): boolean {
  return !(source.origin.format === 'qdpx' && source.origin.fileName === source.title);
}

/** The note's text, or null when no transcript came from a file of its own. */
export function provenanceNoteText(sources: readonly Source[]): string | null {
  const lines = sources.filter(hasOwnProvenance).map((s) => {
    const o = s.origin;
    return `${guidFor('source', s.id)}: imported from ${JSON.stringify(o.fileName)} (${o.format}${o.sha256 ? `, SHA-256 ${o.sha256}` : ''})`;
  });
  if (lines.length === 0) return null;
  return `The file each transcript was imported from, with its format and the SHA-256 of its text, by the transcript's GUID.\n${lines.join('\n')}`;
}

/** Source GUID -> its origin (without the import time), or null when the note is not ours. */
export function readProvenanceNote(
  name: string | undefined,
  text: string,
): Map<string, Pick<SourceOrigin, 'fileName' | 'format' | 'sha256'>> | null {
  if ((name ?? '').trim().toLowerCase() !== PROVENANCE_NOTE_NAME.toLowerCase()) return null;
  const out = new Map<string, Pick<SourceOrigin, 'fileName' | 'format' | 'sha256'>>();
  for (const line of text.split('\n').slice(1)) {
    const m = LINE.exec(line.trimEnd());
    if (!m) return null; // a note of the same name written by someone else: a memo
    const guid = readGuid(m[1]);
    let fileName: unknown;
    try {
      fileName = JSON.parse(m[2]!);
    } catch {
      return null;
    }
    if (!guid || typeof fileName !== 'string') return null;
    out.set(guid, { fileName, format: m[3]!, sha256: m[4] ?? '' });
  }
  return out.size ? out : null;
}
