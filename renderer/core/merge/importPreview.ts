// What the "Import .qdpx" dialog says of a file before anything is written: counts and names,
// worked out where the file was read (the .qdpx worker), so the window never holds the
// project itself, only this (at ten times the study, 400,000 codings stay in the worker).
import type { Coder, ProjectSnapshot } from '../shared';

export interface QdpxImportPreview {
  /** The project's name in the file, if it has one. */
  name: string | undefined;
  sources: number;
  /** Transcripts with a coding at least. */
  codedSources: number;
  participants: number;
  codes: number;
  /** Codes that only group others (not applied to text). */
  categories: number;
  codings: number;
  /** Names of the coders compared as coders, and of the consensus layer, each sorted. */
  coders: string[];
  consensusLayer: string[];
  memos: number;
  /** Titles of transcripts whose rich-text original (.docx) comes with them. */
  richText: string[];
  waves: string[];
  sets: string[];
}

const sortedNames = (list: readonly Coder[]) => list.map((c) => c.name).sort((a, b) => a.localeCompare(b));

export function importPreview(project: ProjectSnapshot): QdpxImportPreview {
  return {
    name: project.name,
    sources: project.sources.length,
    codedSources: new Set(project.codings.map((c) => c.sourceId)).size,
    participants: project.participants.length,
    codes: project.codes.length,
    categories: project.codes.filter((c) => c.notCodable).length,
    codings: project.codings.length,
    coders: sortedNames(project.coders.filter((c) => !c.consensus)),
    consensusLayer: sortedNames(project.coders.filter((c) => c.consensus)),
    memos: project.memos?.length ?? 0,
    richText: project.sources.filter((s) => s.originalDocx).map((s) => s.title),
    waves: project.waves.map((w) => w.label),
    sets: (project.sets ?? []).map((set) => set.name),
  };
}
