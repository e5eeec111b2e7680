// Code overview per transcript (MAXQDA's Document Portrait and Code Matrix Browser in one):
// transcripts × codes, each cell the share of the transcript a code covers, and per transcript
// its coded stretches in reading order, for a strip of code colours.
//
// Rules: the transcripts are those the filter lets through (scope.ts: every live transcript,
// narrowed by role, site, group, wave, set), in reading order, including those with no coding
// (all zeros). A code's stretches are the wave matrix's (scope.ts), so two coders or a code and
// its sub-code (under includeChildren) over the same words cover them once. Density = the
// characters its stretches cover ÷ the transcript's length (0 for an empty text). The strip
// lists every code's stretches ordered by start, then by the code's place in `codeIds`, then end;
// stretches of different codes may overlap (the view layers them).
import type { ProjectSnapshot } from '../shared';
import { chosenCodes, codedStretches, countedSources, participantOfSource, type SourceFilter, type StretchOptions } from './scope';

export interface CodeOverviewOptions extends SourceFilter, StretchOptions {
  /** The columns; default every live codable code in codebook order. */
  codeIds?: readonly string[];
}

export interface StripPiece {
  codeId: string;
  start: number;
  end: number;
}

export interface TranscriptOverview {
  sourceId: string;
  /** The transcript's live participant, or null. */
  participantId: string | null;
  /** Per code of `codeIds`: coded characters ÷ transcript length, in [0, 1]. */
  density: number[];
  strip: StripPiece[];
}

export interface CodeOverview {
  codeIds: string[];
  transcripts: TranscriptOverview[];
}

/** The overview; see the header. */
export function codeOverview(project: ProjectSnapshot, options: CodeOverviewOptions = {}): CodeOverview {
  const codeIds = chosenCodes(project, options.codeIds);
  const sources = countedSources(project, options);
  const personOf = participantOfSource(project, sources);
  const stretches = codedStretches(project, sources, codeIds, options);
  const transcripts = sources.map((source): TranscriptOverview => {
    const length = source.text.length;
    const strip: (StripPiece & { rank: number })[] = [];
    const density = codeIds.map((codeId, rank) => {
      const flat = stretches.get(codeId)!.get(source.id) ?? [];
      let covered = 0;
      for (let i = 0; i < flat.length; i += 2) {
        covered += flat[i + 1]! - flat[i]!;
        strip.push({ codeId, start: flat[i]!, end: flat[i + 1]!, rank });
      }
      return length > 0 ? covered / length : 0;
    });
    strip.sort((a, b) => a.start - b.start || a.rank - b.rank || a.end - b.end);
    return {
      sourceId: source.id,
      participantId: personOf.get(source.id) ?? null,
      density,
      strip: strip.map(({ codeId, start, end }) => ({ codeId, start, end })),
    };
  });
  return { codeIds, transcripts };
}
