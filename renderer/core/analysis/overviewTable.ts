// The code overview as the screen and a spreadsheet show it: which codes are its columns, how a
// density reads, where a click on a cell leads, the strip's geometry, and the table for CSV/XLSX.
import { codePathText } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import type { CodeOverview, StripPiece, TranscriptOverview } from './codeOverview';

/** A density as a percentage with one decimal; "<0.1%" rather than a "0.0%" that reads as none. */
export function formatDensity(density: number): string {
  if (!(density > 0)) return '0%';
  if (density < 0.0005) return '<0.1%';
  return `${(100 * density).toFixed(1)}%`;
}

/** Where a click on a cell leads: the code's first stretch in the transcript (null: none). */
export function firstPlace(transcript: TranscriptOverview, codeId: string): StripPiece | null {
  return transcript.strip.find((p) => p.codeId === codeId) ?? null;
}

export interface StripBlock extends StripPiece {
  /** Offset from the strip's left edge and width, in percent of the strip. */
  left: number;
  width: number;
  /** Its lane, 0 at the top. */
  lane: number;
}

export interface StripLayout {
  /** How many lanes the strip uses (at least 1): its height is split between them. */
  lanes: number;
  blocks: StripBlock[];
}

export interface StripOptions {
  /** At most this many lanes; a block that finds none free goes over the lane that frees first. Default 3. */
  maxLanes?: number;
  /** The narrowest block, in percent, so a one-word passage in a long interview stays visible and clickable. Default 0.4. */
  minWidth?: number;
  /**
   * Stretches of one code closer than this share of the transcript are one block: at a strip's
   * width they would touch anyway, and hundreds of rows of them would be thousands of elements.
   * Default 0.005.
   */
  joinGap?: number;
}

/**
 * A transcript's strip in reading order: each code's stretches (those within `joinGap` of each
 * other joined into one block), placed by offset over the transcript's length; where blocks
 * overlap they take separate lanes (first free lane, in reading order), as in a timeline.
 */
export function stripLayout(strip: readonly StripPiece[], length: number, options: StripOptions = {}): StripLayout {
  const maxLanes = Math.max(1, options.maxLanes ?? 3);
  const minWidth = options.minWidth ?? 0.4;
  const gap = (options.joinGap ?? 0.005) * length;
  if (!(length > 0)) return { lanes: 1, blocks: [] };
  // Join per code; the strip comes ordered by start, so a code's blocks come in order too.
  const joined: StripPiece[] = [];
  const lastOf = new Map<string, StripPiece>();
  for (const piece of strip) {
    const last = lastOf.get(piece.codeId);
    if (last && piece.start - last.end <= gap) last.end = Math.max(last.end, piece.end);
    else {
      const block = { ...piece };
      joined.push(block);
      lastOf.set(piece.codeId, block);
    }
  }
  const laneEnds: number[] = [];
  const blocks = joined.map((piece): StripBlock => {
    let lane = laneEnds.findIndex((end) => end <= piece.start);
    if (lane < 0 && laneEnds.length < maxLanes) lane = laneEnds.push(piece.end) - 1;
    else if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = Math.max(laneEnds[lane]!, piece.end);
    const width = Math.max(minWidth, (100 * (piece.end - piece.start)) / length);
    const left = Math.min((100 * piece.start) / length, 100 - width);
    return { ...piece, left: round(Math.max(0, left)), width: round(width), lane };
  });
  return { lanes: Math.max(1, laneEnds.length), blocks };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Above this many blocks in the whole table the strips are drawn as one image per transcript
 * (stripSvg, a click placed by stripBlockAt) rather than a button per block: hundreds of
 * transcripts coded densely are tens of thousands of blocks, too many elements for a page to
 * build quickly. The cells still open each code's place from the keyboard.
 */
export const STRIP_BUTTON_LIMIT = 3000;

/**
 * The block under a point of the strip, given as fractions of its width and height; where
 * blocks were drawn over each other, the one drawn last (on top). Null where there is none.
 */
export function stripBlockAt(layout: StripLayout, fx: number, fy: number): StripBlock | null {
  const lane = Math.min(layout.lanes - 1, Math.max(0, Math.floor(fy * layout.lanes)));
  const x = 100 * fx;
  for (let i = layout.blocks.length - 1; i >= 0; i -= 1) {
    const b = layout.blocks[i]!;
    if (b.lane === lane && x >= b.left && x <= b.left + b.width) return b;
  }
  return null;
}

/**
 * A strip as SVG text, `width` × `height` pixels, the blocks in their codes' colours (grey for a
 * code with no colour). Colours are checked to be #rgb or #rrggbb, so the text holds nothing else.
 */
export function stripSvg(layout: StripLayout, colourOf: (codeId: string) => string | undefined, width: number, height: number): string {
  const lane = height / layout.lanes;
  const rects = layout.blocks.map((b) => {
    const colour = colourOf(b.codeId);
    const fill = colour && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : '#888888';
    return `<rect x="${round((b.left * width) / 100)}" y="${round(b.lane * lane)}" width="${round((b.width * width) / 100)}" height="${round(lane)}" fill="${fill}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rects.join('')}</svg>`;
}

/**
 * The overview for CSV/XLSX: the filters on the first line, a header (transcript, participant,
 * wave, characters, then each code by its path), one row per transcript with each code's
 * density as a share of its characters (4 places; a spreadsheet formats it as %).
 */
export function overviewTableRows(project: ProjectSnapshot, overview: CodeOverview, filtersText: string): (string | number)[][] {
  const sources = new Map(project.sources.map((s) => [s.id, s]));
  const people = new Map(project.participants.map((p) => [p.id, p]));
  const waves = new Map(project.waves.map((w) => [w.id, w.label]));
  return [
    ['Code overview', "Each cell: the share of the transcript's characters coded with the code", 'Filters', filtersText],
    ['Transcript', 'Participant', 'Wave', 'Characters', ...overview.codeIds.map((id) => codePathText(project.codes, id))],
    ...overview.transcripts.map((t) => {
      const source = sources.get(t.sourceId);
      const wave = source?.wave ?? null;
      return [
        source?.title ?? t.sourceId,
        t.participantId ? (people.get(t.participantId)?.pseudonym ?? '') : '',
        wave === null ? '' : (waves.get(wave) ?? wave),
        source?.text.length ?? 0,
        ...t.density.map((d) => Number(d.toFixed(4))),
      ];
    }),
  ];
}
