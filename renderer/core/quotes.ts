// Finding and formatting quotes for a write-up: the parts live in ./quotes/ (the finder in
// find.ts, bodies in body.ts, redaction in redact.ts, attributions in template.ts, counts in
// counts.ts, surrounding text in context.ts); this entry re-exports them.
//
// Every list filter of a QuoteQuery reads the same way: undefined or [] means "no restriction".
export type { Quote, QuoteQuery } from './quotes/types';
export { findQuotes } from './quotes/find';
export type { Ellipsis } from './quotes/body';
export { formatQuote, quoteParts, type QuoteFormat } from './quotes/format';
export { attribution, DEFAULT_TEMPLATE, templateProblems } from './quotes/template';
export { redact, unredacted, type Leak, type Redaction } from './quotes/redact';
export { countsSentence, quoteCounts, type QuoteCounts } from './quotes/counts';
export { quoteContext } from './quotes/context';
