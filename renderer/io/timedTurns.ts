// Timed speech (a transcription tool's segments, an Otter block) -> canonical text + turns, laid
// out as captions.ts lays out cues: one line per turn, "Name: " before a named speaker's words,
// the turn covering only the words, the times in startTime/endTime and never in the text.
import type { Turn } from '../core/shared';

export interface TimedSpeech {
  speaker: string | null;
  /** What was said; may hold newlines between paragraphs. Not empty. */
  text: string;
  start?: number;
  end?: number;
}

/** Lays the pieces out in order, one turn each. */
export function layOutTurns(pieces: readonly TimedSpeech[]): { text: string; turns: Turn[] } {
  let text = '';
  const turns: Turn[] = [];
  for (const piece of pieces) {
    if (text !== '') text += '\n';
    if (piece.speaker !== null) text += `${piece.speaker}: `;
    const turn: Turn = { start: text.length, end: text.length + piece.text.length, speaker: piece.speaker };
    if (piece.start !== undefined) turn.startTime = piece.start;
    if (piece.end !== undefined) turn.endTime = piece.end;
    turns.push(turn);
    text += piece.text;
  }
  return { text, turns };
}

/**
 * Consecutive pieces of one named speaker as one turn (from the first's start to the last's
 * end), as a diarised transcript reads: a speaker's sentences are one turn until someone else
 * speaks. Unnamed pieces stay as they are.
 */
export function mergeSpeakerRuns(pieces: readonly TimedSpeech[]): TimedSpeech[] {
  const merged: TimedSpeech[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && piece.speaker !== null && prev.speaker === piece.speaker) {
      prev.text += ` ${piece.text}`;
      if (piece.end !== undefined) prev.end = Math.max(prev.end ?? piece.end, piece.end);
    } else merged.push({ ...piece });
  }
  return merged;
}
