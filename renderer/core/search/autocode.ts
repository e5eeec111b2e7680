// Auto-coding: every hit of a search coded with one code, each hit grown to the unit the
// researcher chose (the word, the sentence, the speaker turn or the paragraph), under a coder
// of its own ("Auto-coded" by default), so agreement can set the machine beside the people.
// The preview lists the passages (autoCodePassages); the action codes those kept, as one undo
// step, each new coding's memo saying which search made it and when.
import { applyCoding, checkCodable, snapToWords } from '../coding';
import {
  applyToArrays,
  created,
  ValidationError,
  type Action,
  type Code,
  type Coder,
  type Coding,
  type Range,
  type Source,
} from '../shared';
import { turnHolding } from './filters';
import type { SearchHit } from './types';

export type AutoCodeUnit = 'word' | 'sentence' | 'turn' | 'paragraph';

export const AUTO_CODER_NAME = 'Auto-coded';
const AUTO_CODER_COLOUR = '#7a7a7a';

export interface AutoCodePassage extends Range {
  sourceId: string;
  /** How many hits it holds (two hits in one sentence make one passage). */
  hits: number;
}

type TextAndTurns = Pick<Source, 'text' | 'turns'>;

/** Sentence ends: . ! ? (with closing quotes or brackets) before a space, or a line break. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)|\n/g;

function sentenceAround(text: string, within: Range, hit: Range): Range {
  let start = within.start;
  let end = within.end;
  SENTENCE_END.lastIndex = within.start;
  for (let m = SENTENCE_END.exec(text); m && m.index < within.end; m = SENTENCE_END.exec(text)) {
    const after = m.index + m[0].length;
    if (after <= hit.start) start = after;
    else if (m.index >= hit.end - 1) {
      end = Math.min(within.end, after);
      break;
    }
  }
  return { start, end };
}

function paragraphAround(text: string, within: Range, hit: Range): Range {
  const before = text.lastIndexOf('\n', hit.start - 1);
  const after = text.indexOf('\n', hit.end);
  return { start: Math.max(within.start, before + 1), end: Math.min(within.end, after < 0 ? text.length : after) };
}

/** A hit grown to the chosen unit, never beyond its speaker turn, with no space at either end. */
export function extendHit(source: TextAndTurns, hit: Range, unit: AutoCodeUnit): Range {
  const turn = turnHolding(source, hit);
  const grown =
    unit === 'turn'
      ? turn
      : unit === 'sentence'
        ? sentenceAround(source.text, turn, hit)
        : unit === 'paragraph'
          ? paragraphAround(source.text, turn, hit)
          : hit;
  const [start, end] = snapToWords(source.text, grown.start, grown.end);
  return start < end ? { start, end } : { start: hit.start, end: hit.end };
}

/**
 * The passages an auto-code would make: each hit extended, and those that touch in one
 * transcript made one, in the order of the hits' transcripts.
 */
export function autoCodePassages(
  sources: ReadonlyMap<string, TextAndTurns>,
  hits: readonly SearchHit[],
  unit: AutoCodeUnit,
): AutoCodePassage[] {
  const out: AutoCodePassage[] = [];
  const bySource = new Map<string, AutoCodePassage[]>();
  for (const hit of hits) {
    const source = sources.get(hit.sourceId);
    if (!source) continue;
    const range = extendHit(source, hit, unit);
    let list = bySource.get(hit.sourceId);
    if (!list) bySource.set(hit.sourceId, (list = []));
    list.push({ sourceId: hit.sourceId, ...range, hits: 1 });
  }
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const p of list) {
      const last = out.at(-1);
      if (last && last.sourceId === p.sourceId && p.start <= last.end) {
        last.end = Math.max(last.end, p.end);
        last.hits += 1;
      } else out.push({ ...p });
    }
  }
  return out;
}

export interface AutoCodeRequest {
  passages: readonly AutoCodePassage[];
  code: Code;
  /** The coder the codings go under, by name; made when the project has none of that name. */
  coderName?: string;
  coders: readonly Coder[];
  codings: readonly Coding[];
  textLengths: ReadonlyMap<string, number>;
  query: string;
  /** The day, as the researcher reads it (e.g. 2026-12-06), for the memo. */
  day: string;
  newId: () => string;
  now: number;
}

/**
 * One undoable action coding every passage: a passage already coded with the code by that
 * coder is left as it is, one that overlaps such a coding joins it (as applying by hand does).
 */
export function autoCode(request: AutoCodeRequest): Action & { coded: number; skipped: number } {
  checkCodable(request.code);
  const name = (request.coderName ?? AUTO_CODER_NAME).trim();
  if (!name) throw new ValidationError('Auto-coding needs a coder name.');
  if (request.passages.length === 0) throw new ValidationError('There is nothing to code: no passage is chosen.');
  const changes: Action['changes'] = [];
  let coder = request.coders.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!coder) {
    coder = { id: request.newId(), name, colour: AUTO_CODER_COLOUR };
    changes.push(created('coders', coder));
  }
  const memo = `Auto-coded from the search ${JSON.stringify(request.query)} on ${request.day}.`;
  // Only this coder's codings of this code matter, per transcript: a small list each.
  const mine = new Map<string, Coding[]>();
  for (const c of request.codings) {
    if (c.deletedAt != null || c.codeId !== request.code.id || c.coderId !== coder.id) continue;
    mine.set(c.sourceId, [...(mine.get(c.sourceId) ?? []), c]);
  }
  let coded = 0;
  let skipped = 0;
  for (const p of request.passages) {
    const state = { codings: mine.get(p.sourceId) ?? [] };
    const length = request.textLengths.get(p.sourceId);
    if (length === undefined) throw new ValidationError('A transcript of the search is no longer in the project; search again.');
    if (state.codings.some((c) => c.deletedAt == null && c.start <= p.start && p.end <= c.end)) {
      skipped += 1;
      continue;
    }
    const step = applyCoding(
      state.codings,
      { sourceId: p.sourceId, codeId: request.code.id, coderId: coder.id, start: p.start, end: p.end },
      length,
      request.code,
      request.newId,
      request.now,
    );
    for (const change of step.changes) {
      if (change.table === 'codings' && change.before === null && change.after) change.after.memo = memo;
    }
    applyToArrays(state, step);
    mine.set(p.sourceId, state.codings);
    changes.push(...step.changes);
    coded += 1;
  }
  return {
    changes: compact(changes),
    label: `Auto-code ${coded} passage${coded === 1 ? '' : 's'} "${request.code.name}" (search ${JSON.stringify(request.query)})`,
    coded,
    skipped,
  };
}

/** One change per record: a coding joined twice is one update (its first before, its last after). */
function compact(changes: Action['changes']): Action['changes'] {
  const at = new Map<string, number>();
  const out: Action['changes'] = [];
  for (const change of changes) {
    const key = `${change.table}:${(change.after ?? change.before)!.id}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(change);
    } else out[i] = { ...out[i]!, after: change.after } as Action['changes'][number];
  }
  return out;
}
