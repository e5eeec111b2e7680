// The public surface of renderer/core/quotes, held to the contract the UI is written against.
// The type checks run under `tsc --noEmit` (this file is in tsconfig's include); the runtime
// check keeps the list of exported values exact.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import * as quotes from '../../../renderer/core/quotes';

// The contract, as written in the design.
interface QuoteQuery {
  codeIds?: string[];
  match?: 'any' | 'all';
  excludeCodeIds?: string[];
  includeChildren?: boolean;
  roles?: string[];
  waves?: string[];
  sites?: string[];
  groups?: string[];
  participantIds?: string[];
  coderIds?: string[];
  text?: string;
}
interface Quote {
  text: string;
  sourceId: string;
  start: number;
  end: number;
  participantId: string;
  wave: string;
  codeIds: string[];
}
interface Redaction {
  find: string;
  replace: string;
}
type Ellipsis = '…' | '[...]';
interface QuoteFormat {
  template?: string;
  redactions?: Redaction[];
  maxWords?: number;
  ellipsis?: Ellipsis;
  interviewer?: 'mark' | 'omit';
  cuts?: { start: number; end: number }[];
}
interface Leak {
  find: string;
  found: string;
  index: number;
}
interface QuoteCounts {
  passages: number;
  participants: number;
  of: number;
  byWave: { wave: string; label: string; passages: number; participants: number; of: number }[];
}

describe('quotes contract', () => {
  // renderer/core/quotes.ts is also the quotes feature's entry (basket, export, settings),
  // so it holds more than the contract: every value the contract names, as a function.
  it('exports every one of the contract’s values', () => {
    const contract = [
      'DEFAULT_TEMPLATE',
      'attribution',
      'countsSentence',
      'findQuotes',
      'formatQuote',
      'quoteContext',
      'quoteCounts',
      'quoteParts',
      'redact',
      'templateProblems',
      'unredacted',
    ];
    expect(Object.keys(quotes)).toEqual(expect.arrayContaining(contract));
    for (const name of contract.filter((n) => n !== 'DEFAULT_TEMPLATE'))
      expect(typeof (quotes as Record<string, unknown>)[name], name).toBe('function');
  });

  it('has the contract’s types', () => {
    expectTypeOf<quotes.QuoteQuery>().toEqualTypeOf<QuoteQuery>();
    expectTypeOf<quotes.Quote>().toEqualTypeOf<Quote>();
    expectTypeOf<quotes.Redaction>().toEqualTypeOf<Redaction>();
    expectTypeOf<quotes.Ellipsis>().toEqualTypeOf<Ellipsis>();
    expectTypeOf<quotes.QuoteFormat>().toEqualTypeOf<QuoteFormat>();
    expectTypeOf<quotes.Leak>().toEqualTypeOf<Leak>();
    expectTypeOf<quotes.QuoteCounts>().toEqualTypeOf<QuoteCounts>();
    expectTypeOf(quotes.DEFAULT_TEMPLATE).toEqualTypeOf<string>();
    expectTypeOf(quotes.findQuotes).toEqualTypeOf<(project: ProjectSnapshot, query: QuoteQuery) => Quote[]>();
    expectTypeOf(quotes.formatQuote).toEqualTypeOf<(project: ProjectSnapshot, quote: Quote, options?: QuoteFormat) => string>();
    expectTypeOf(quotes.quoteParts).toEqualTypeOf<
      (project: ProjectSnapshot, quote: Quote, options?: QuoteFormat) => { body: string; attribution: string; trimmed: boolean }
    >();
    expectTypeOf(quotes.attribution).toEqualTypeOf<
      (project: ProjectSnapshot, quote: Pick<Quote, 'sourceId' | 'participantId' | 'wave'>, template?: string) => string
    >();
    expectTypeOf(quotes.templateProblems).toEqualTypeOf<(project: ProjectSnapshot, template: string) => string[]>();
    expectTypeOf(quotes.redact).toEqualTypeOf<(text: string, redactions: readonly Redaction[]) => string>();
    expectTypeOf(quotes.unredacted).toEqualTypeOf<(text: string, redactions: readonly Redaction[]) => Leak[]>();
    expectTypeOf(quotes.quoteCounts).toEqualTypeOf<
      (project: ProjectSnapshot, quotes: readonly Quote[], query: QuoteQuery) => QuoteCounts
    >();
    expectTypeOf(quotes.countsSentence).toEqualTypeOf<(counts: QuoteCounts) => string>();
    expectTypeOf(quotes.quoteContext).toEqualTypeOf<
      (project: ProjectSnapshot, quote: Pick<Quote, 'sourceId' | 'start' | 'end'>, words?: number) => { before: string; after: string }
    >();
  });
});
