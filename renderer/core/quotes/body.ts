// The body of a quote as it goes into a report: the speaker's words, the interviewer's marked
// or left out, the author's cuts as ellipses, long quotes trimmed in the middle, names redacted.
//
// The passage becomes a list of tokens (words and gaps) first and is written out last, so the
// rules hold by construction: a gap is never next to a gap, the "[Interviewer: " label never
// counts as a word, trimming never leaves a bracket unclosed, and a redaction replacement is one
// token (trimming cannot cut "[partner's name]" in two, nor leave "Sarah" of "Sarah Jones").
import { clipRanges, type Range, type Turn } from '../shared';
import { redactSpans, type Redaction } from './redact';

export type Ellipsis = '…' | '[...]';
export type { Range } from '../shared';

export interface BodyOptions {
  interviewer: 'mark' | 'omit';
  ellipsis: Ellipsis;
  /** No limit when undefined, not a number, or below 1. */
  maxWords?: number;
  cuts: readonly Range[];
  redactions: readonly Redaction[];
}

type Token =
  | { kind: 'word'; text: string; turn: number | null; counts: boolean } // turn: an interviewer turn to mark
  | { kind: 'gap' };

// A transcriber's own "…" is not a word either, so a count of the body's words agrees with ours.
const ELLIPSIS_TOKEN = /^(?:…|\.{3}|\[(?:…|\.{3})\])$/;

/** The body of text[start, end) (see the module comment), and whether maxWords trimmed it. */
export function quoteBody(
  text: string,
  turns: readonly Turn[],
  start: number,
  end: number,
  options: BodyOptions,
): { body: string; trimmed: boolean } {
  let tokens = collapse(tokenize(text, turns, start, end, options));
  let trimmed = false;
  const max = options.maxWords;
  if (max !== undefined && Number.isFinite(max) && max >= 1) {
    const cut = trim(tokens, Math.floor(max));
    if (cut) {
      tokens = collapse(cut);
      trimmed = true;
    }
  }
  return { body: render(tokens, options.ellipsis), trimmed };
}

/** Tokens of the passage in reading order: kept text as words, each cut and omitted question a gap. */
function tokenize(text: string, turns: readonly Turn[], start: number, end: number, options: BodyOptions): Token[] {
  // Without turns the passage is one stretch of the speaker's words; with turns, what lies
  // between them (speaker labels, line breaks) is left out.
  const units =
    turns.length === 0
      ? [{ start, end, interviewer: false, turn: -1 }]
      : turns
          .map((t, i) => ({
            start: Math.max(start, t.start),
            end: Math.min(end, t.end),
            interviewer: t.speakerRole === 'interviewer',
            turn: i,
          }))
          .filter((u) => u.start < u.end)
          .sort((a, b) => a.start - b.start);
  const cuts = clipRanges(options.cuts, start, end);

  // Kept pieces and cuts never overlap, so their starts put them in reading order.
  const atoms: { at: number; piece?: { start: number; end: number; interviewer: boolean; turn: number } }[] = cuts.map((c) => ({
    at: c.start,
  }));
  for (const unit of units) for (const piece of subtract(unit, cuts)) atoms.push({ at: piece.start, piece: { ...unit, ...piece } });
  atoms.sort((a, b) => a.at - b.at);

  const tokens: Token[] = [];
  for (const { piece } of atoms) {
    if (!piece) {
      tokens.push({ kind: 'gap' });
      continue;
    }
    const words = splitWords(text.slice(piece.start, piece.end), options.redactions);
    if (words.length === 0) continue;
    if (piece.interviewer && options.interviewer === 'omit') {
      tokens.push({ kind: 'gap' });
      continue;
    }
    const turn = piece.interviewer ? piece.turn : null;
    for (const w of words) tokens.push({ kind: 'word', text: w, turn, counts: !ELLIPSIS_TOKEN.test(w) });
  }
  return tokens;
}

/** What is left of `range` outside the (sorted, disjoint) cuts. */
function subtract(range: Range, cuts: readonly Range[]): Range[] {
  const out: Range[] = [];
  let from = range.start;
  for (const c of cuts) {
    if (c.end <= from || c.start >= range.end) continue;
    if (c.start > from) out.push({ start: from, end: c.start });
    from = Math.max(from, c.end);
  }
  if (from < range.end) out.push({ start: from, end: range.end });
  return out;
}

/** Whitespace-separated words of the redacted text; a replacement stays inside one word. */
function splitWords(raw: string, redactions: readonly Redaction[]): string[] {
  const { text, spans } = redactSpans(raw, redactions);
  const words: string[] = [];
  let word = '';
  let k = 0;
  for (let i = 0; i < text.length; i += 1) {
    while (k < spans.length && spans[k]!.end <= i) k += 1;
    const inReplacement = k < spans.length && spans[k]!.start <= i;
    const ch = text[i]!;
    if (!inReplacement && /\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
    } else word += ch;
  }
  if (word) words.push(word);
  return words;
}

/** Runs of gaps made one: never two ellipses in a row. */
function collapse(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => t.kind !== 'gap' || tokens[i - 1]?.kind !== 'gap');
}

/**
 * The first ceil(max/2) and last floor(max/2) words with one gap between, or null when the
 * body has no more than `max` words.
 */
function trim(tokens: readonly Token[], max: number): Token[] | null {
  const wordAt: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && t.counts) wordAt.push(i);
  });
  if (wordAt.length <= max) return null;
  const head = Math.ceil(max / 2);
  const tail = Math.floor(max / 2);
  const headEnd = wordAt[head - 1]! + 1;
  const tailStart = tail === 0 ? tokens.length : wordAt[wordAt.length - tail]!;
  return [...tokens.slice(0, headEnd), { kind: 'gap' }, ...tokens.slice(tailStart)];
}

/** Words joined by single spaces; an interviewer's words bracketed per turn, with gaps inside them only between their words. */
function render(tokens: readonly Token[], ellipsis: Ellipsis): string {
  const turnOf = (i: number): number | null => {
    const t = tokens[i];
    if (!t) return null;
    if (t.kind === 'word') return t.turn;
    const [before, after] = [tokens[i - 1], tokens[i + 1]];
    return before?.kind === 'word' && after?.kind === 'word' && before.turn === after.turn ? before.turn : null;
  };
  const parts: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const turn = turnOf(i);
    let j = i + 1;
    if (turn !== null) while (j < tokens.length && turnOf(j) === turn) j += 1;
    const run = tokens
      .slice(i, j)
      .map((t) => (t.kind === 'word' ? t.text : ellipsis))
      .join(' ');
    parts.push(turn === null ? run : `[Interviewer: ${run}]`);
    i = j;
  }
  return parts.join(' ');
}
