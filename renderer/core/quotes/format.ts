// A quote as it leaves the app: body and attribution, both redacted.
import type { ProjectSnapshot } from '../shared';
import { quoteBody, type Ellipsis } from './body';
import { redact, type Redaction } from './redact';
import { attribution, DEFAULT_TEMPLATE } from './template';
import type { Quote } from './types';

export interface QuoteFormat {
  /** Default '({pseudonym}, {wave})'. */
  template?: string;
  redactions?: Redaction[];
  /** Trim longer bodies to this many words: the first half and the last half, an ellipsis between. */
  maxWords?: number;
  /** Default '…'. */
  ellipsis?: Ellipsis;
  /** Default 'mark': "[Interviewer: …]"; 'omit' puts an ellipsis where the interviewer spoke. */
  interviewer?: 'mark' | 'omit';
  /** Absolute offsets in the source text chosen by the author; each becomes an ellipsis. */
  cuts?: { start: number; end: number }[];
}

/**
 * The redacted body and attribution of a quote. Names in the body are redacted before it is
 * trimmed, so trimming can neither split a replacement nor uncover half of a multi-word name.
 */
export function quoteParts(
  project: ProjectSnapshot,
  quote: Quote,
  options: QuoteFormat = {},
): { body: string; attribution: string; trimmed: boolean } {
  const redactions = options.redactions ?? [];
  const source = project.sources.find((s) => s.id === quote.sourceId);
  // The quote may outlive an edit of its transcript's record; without the same text under the
  // same offsets, its own text is quoted as it is, with no turns.
  const same = source !== undefined && source.text.slice(quote.start, quote.end) === quote.text;
  const { body, trimmed } = quoteBody(
    same ? source.text : quote.text,
    same ? source.turns : [],
    same ? quote.start : 0,
    same ? quote.end : quote.text.length,
    {
      interviewer: options.interviewer ?? 'mark',
      ellipsis: options.ellipsis ?? '…',
      maxWords: options.maxWords,
      cuts: same ? (options.cuts ?? []) : (options.cuts ?? []).map((c) => ({ start: c.start - quote.start, end: c.end - quote.start })),
      redactions,
    },
  );
  return { body, attribution: redact(attribution(project, quote, options.template ?? DEFAULT_TEMPLATE), redactions), trimmed };
}

/** `${body} ${attribution}`; the body alone when the template gives nothing. */
export function formatQuote(project: ProjectSnapshot, quote: Quote, options: QuoteFormat = {}): string {
  const parts = quoteParts(project, quote, options);
  return parts.attribution ? `${parts.body} ${parts.attribution}` : parts.body;
}
