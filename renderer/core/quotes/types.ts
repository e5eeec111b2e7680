// The query and the result of the quote finder, shared by every part of renderer/core/quotes/.
//
// Every list filter of a QuoteQuery reads the same way: undefined or [] means "no restriction",
// a non-empty list means "only these". (An empty list never means "none": the UI clears a
// filter by emptying it, and a query that can only ever return nothing is not useful.)

export interface QuoteQuery {
  /** undefined or []: passages coded with any live code. */
  codeIds?: string[];
  /** 'any' (default): coded with at least one of codeIds; 'all': the passage carries every one. */
  match?: 'any' | 'all';
  /** "None of": a passage overlapping a coding of any of these codes is dropped. */
  excludeCodeIds?: string[];
  /** Default false. A code's sub-codes count as the code, for codeIds and excludeCodeIds alike. */
  includeChildren?: boolean;
  /** Participant role ids. */
  roles?: string[];
  /** Wave ids (source.wave). */
  waves?: string[];
  /** participant.site */
  sites?: string[];
  /** participant.group */
  groups?: string[];
  participantIds?: string[];
  coderIds?: string[];
  /** Words inside the passage: case- and accent-insensitive, "a phrase" is one term. */
  text?: string;
}

/** One passage: the maximal stretch of a transcript covered by overlapping matching codings. */
export interface Quote {
  /** Exactly source.text.slice(start, end) (UTF-16 offsets). */
  text: string;
  sourceId: string;
  start: number;
  end: number;
  /** '' when the transcript has no (live) participant. */
  participantId: string;
  /** The wave id; '' when the transcript has no wave. */
  wave: string;
  /** The distinct codes of the passage's codings, in codebook tree order. */
  codeIds: string[];
}
