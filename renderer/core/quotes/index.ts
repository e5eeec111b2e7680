// Finding and formatting quotes for a write-up: the parts live in ./quotes/ (the finder in
// find.ts, bodies in body.ts, redaction in redact.ts, attributions in template.ts, counts in
// counts.ts, surrounding text in context.ts); this entry re-exports them.
//
// Every list filter of a QuoteQuery reads the same way: undefined or [] means "no restriction".
export type { Quote, QuoteQuery } from './types';
export { findQuotes } from './find';
export type { Ellipsis } from './body';
export { formatQuote, quoteParts, type QuoteFormat } from './format';
export { attribution, DEFAULT_TEMPLATE, templateProblems } from './template';
export { redact, unredacted, type Leak, type Redaction } from './redact';
export { countsSentence, quoteCounts, type QuoteCounts } from './counts';
export { quoteContext } from './context';

// Everything else of the feature, for views and store (they import only this entry file).
export * from './basket';
export * from './body';
export * from './context';
export * from './counts';
export * from './find';
export * from './fold';
export * from './format';
export * from './quoteExport';
export * from './quoteSettings';
export * from './redact';
export * from './scope';
export * from './search';
export * from './template';
export * from './types';
export * from './example';
export * from './outgoing';
