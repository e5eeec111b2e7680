// The query language's tree and the options and hits every search path shares (the reference
// scan in searchText.ts and the index in searchIndex.ts give the same hits for the same query).
import { ValidationError } from '../shared';

/** A word of the query: letters as typed; `*` (any run of letters) and `?` (one letter) are wildcards. */
export interface WordNode {
  kind: 'word';
  text: string;
  /** True when `text` holds `*` or `?`. A wildcard word is never stemmed. */
  wildcard: boolean;
  /** True for a word inside "quotes": matched as written (never stemmed). */
  exact: boolean;
}

/** "an exact phrase": its words in a row, nothing between them but spaces and punctuation. */
export interface PhraseNode {
  kind: 'phrase';
  words: WordNode[];
}

/** /a regular expression/, run over the text itself (linear time: see regex.ts). */
export interface RegexNode {
  kind: 'regex';
  source: string;
  /** Where its opening slash stands in the query, for a refusal that points at it. */
  position: number;
}

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

/** `a NOT b` (or `a AND NOT b`): hits of `include` in units with no hit of `exclude`. */
export interface NotNode {
  kind: 'not';
  include: QueryNode;
  exclude: QueryNode;
}

/** `a NEAR/5 b`: hits of both with at most `distance` words between them, in either order. */
export interface NearNode {
  kind: 'near';
  distance: number;
  left: QueryNode;
  right: QueryNode;
}

export type QueryNode = WordNode | PhraseNode | RegexNode | AndNode | OrNode | NotNode | NearNode;

/** A query that cannot be read, with the position (UTF-16 offset into the query) of the problem. */
export class QueryError extends ValidationError {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export type Speaker = 'participant' | 'interviewer' | 'both';

export interface SearchOptions {
  /** Words match their other forms (listening, listens, listen): Porter stems. Default false. */
  stem?: boolean;
  /** Default false: "Police" finds "police". */
  matchCase?: boolean;
  /** Default false: "cafe" finds "café". */
  matchAccents?: boolean;
  /** Whose turns are searched: the participant's (default), the interviewer's, or both. */
  speaker?: Speaker;
  /** Where AND and NOT look for their other side: the same speaker turn (default) or the same transcript. */
  scope?: 'turn' | 'transcript';
  /** Transcript ids to search; undefined: every live transcript (the filters of filters.ts make this list). */
  sourceIds?: readonly string[];
}

/** One hit: a stretch of a transcript, UTF-16 offsets into its text, end exclusive. */
export interface SearchHit {
  sourceId: string;
  start: number;
  end: number;
}
