// Finding quotes: the filters, honest counts ("9 of 12 participants"), and the passages as
// they would leave the app (attributed, redacted), each with context and its place.
import { useMemo, useState } from 'react';
import {
  addToBasket,
  describeQuery,
  prepareQuotes,
  countsSentence,
  findQuotes,
  quoteContext,
  quoteCounts,
  quoteParts,
  type Quote,
  type QuoteQuery,
  formatOptions,
} from '../core/quotes';
import { describeSets, withinSets } from '../core/project';
import type { BasketItem, ProjectSnapshot } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';
import type { QuoteConfig } from '../store/quoteStore';
import { useProject } from './projectContext';
import { QuoteExportBar } from './QuoteExportBar';
import { QuoteFilters } from './QuoteFilters';
import { openPassage } from './route';
import { useStable } from './useStable';
import { VirtualList, type ItemProps } from './VirtualBody';

const key = (q: { sourceId: string; start: number; end: number }) => `${q.sourceId}:${q.start}:${q.end}`;

/** The query core receives: blind mode sees only this machine's coder (or nobody yet). */
export function effectiveQuery(query: QuoteQuery, blind: boolean, me: string | null): QuoteQuery {
  return blind ? { ...query, coderIds: [me ?? '\u0000nobody'] } : query;
}

export function QuoteFinder(props: {
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  config: QuoteConfig;
  basket: BasketItem[];
  query: QuoteQuery;
  onQuery(query: QuoteQuery): void;
  /** Sets of transcripts searched (none = all): beside the query, which has no place for them. */
  setIds: string[];
  onSets(setIds: string[]): void;
}) {
  const { act, blind, coderId, projectId } = useProject();
  const { config } = props;
  const snapshot = useMemo(() => withinSets(props.snapshot, props.setIds), [props.snapshot, props.setIds]);
  const query = useStable(effectiveQuery(props.query, blind, coderId));
  const quotes = useMemo(() => findQuotes(snapshot, query), [snapshot, query]);
  const counts = useMemo(() => quoteCounts(snapshot, quotes, query), [snapshot, quotes, query]);
  const inBasket = new Set(props.basket.map(key));
  const described = [describeQuery(snapshot, query), describeSets(snapshot, props.setIds)].filter(Boolean).join(' · ');
  const add = (list: readonly Quote[]) => act(addToBasket(props.basket, list, () => crypto.randomUUID(), Date.now()));
  const prepare = () =>
    prepareQuotes(
      snapshot,
      `Quotes: ${described}`,
      quotes.map((quote) => ({ quote })),
      config.settings,
      config.redactions,
    );
  return (
    <div className="quote-finder">
      <QuoteFilters
        snapshot={snapshot}
        setup={props.setup}
        query={props.query}
        onChange={(q) => props.onQuery(q)}
        setIds={props.setIds}
        onSets={(ids) => props.onSets(ids)}
      />
      <div className="row wrap quote-summary">
        <strong role="status" aria-label="Quote counts">
          {countsSentence(counts)}
        </strong>
        <span className="muted small">{described}</span>
        <span className="spacer" />
        <button type="button" disabled={quotes.length === 0} onClick={() => add(quotes.filter((q) => !inBasket.has(key(q))))}>
          Add all to basket
        </button>
      </div>
      <QuoteExportBar prepare={prepare} disabled={quotes.length === 0} fileName={`Quotes - ${described}`.slice(0, 120)} />
      <VirtualList
        className="plain passages"
        label="Quotes found"
        items={quotes}
        rowHeight={150}
        row={(q, _i, itemProps) => (
          <QuoteCard
            key={key(q)}
            itemProps={itemProps}
            snapshot={snapshot}
            config={config}
            quote={q}
            inBasket={inBasket.has(key(q))}
            onAdd={() => add([q])}
            onOpen={() => openPassage(projectId, q)}
          />
        )}
      />
    </div>
  );
}

function QuoteCard(props: {
  snapshot: ProjectSnapshot;
  config: QuoteConfig;
  quote: Quote;
  inBasket: boolean;
  onAdd(): void;
  onOpen(): void;
  itemProps: ItemProps;
}) {
  const { snapshot, quote } = props;
  const [words, setWords] = useState(0);
  const parts = quoteParts(snapshot, quote, formatOptions(props.config.settings, props.config.redactions));
  const context = words ? quoteContext(snapshot, quote, words) : null;
  const codeNames = quote.codeIds.map((id) => snapshot.codes.find((c) => c.id === id)?.name ?? '').filter(Boolean);
  return (
    <li {...props.itemProps} className="passage card quote-card">
      <header className="row small">
        <strong>{parts.attribution}</strong>
        <span className="muted">{codeNames.join(' · ')}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setWords(words ? 0 : 40)}>
          {words ? 'Less context' : 'Context'}
        </button>
        {words > 0 && (
          <button type="button" className="link" onClick={() => setWords(words * 3)}>
            More
          </button>
        )}
        <button type="button" className="link" onClick={props.onOpen}>
          Open in transcript
        </button>
        <button type="button" disabled={props.inBasket} onClick={props.onAdd}>
          {props.inBasket ? 'In basket ✓' : 'Add to basket'}
        </button>
      </header>
      <blockquote className="excerpt">
        {context && <span className="context muted">…{context.before}</span>}
        <span className="quote-body">{parts.body}</span>
        {context && <span className="context muted">{context.after}…</span>}
      </blockquote>
    </li>
  );
}
