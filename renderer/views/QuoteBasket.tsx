// The quote basket: quotes in the author's order, each labelled, noted with the paper or
// chapter using it, trimmed by cutting stretches out (the full passage stays linked), and
// exported whole or for one paper. Every change is one undoable action.
import { useState } from 'react';
import {
  basketItemQuote,
  cutFromBasketItem,
  editBasketItem,
  moveInBasket,
  removeFromBasket,
  restoreBasketItem,
  prepareQuotes,
  quoteParts,
  type Quote,
  formatOptions,
} from '../core/quotes';
import type { BasketItem, ProjectSnapshot } from '../core/shared';
import { loadQuoteConfig, type QuoteConfig } from '../store/quoteStore';
import { getBasketItem, loadBasket } from '../store/records';
import { DraftInput } from './DraftField';
import { useProject } from './projectContext';
import { QuoteExportBar } from './QuoteExportBar';
import { openPassage } from './route';

export function QuoteBasket(props: { snapshot: ProjectSnapshot; config: QuoteConfig; items: BasketItem[] }) {
  const { act, projectId, db } = useProject();
  const { snapshot, config } = props;
  const papers = [...new Set(props.items.map((i) => i.usedIn).filter(Boolean))].sort();
  const [paper, setPaper] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const shown = paper ? props.items.filter((i) => i.usedIn === paper) : props.items;
  const withQuotes = shown.map((item) => ({ item, quote: basketItemQuote(snapshot, item) }));
  const missing = withQuotes.filter((x) => !x.quote).length;
  // Read again at export time (after drafts are saved): a label typed a moment ago goes out as typed.
  const prepare = async () => {
    const [items, fresh] = await Promise.all([loadBasket(db), loadQuoteConfig(db)]);
    const chosen = items.filter((i) => !paper || i.usedIn === paper);
    const quotes = chosen.flatMap((item) => {
      const quote = basketItemQuote(snapshot, item);
      return quote ? [{ quote, label: item.label, usedIn: item.usedIn, cuts: item.cuts }] : [];
    });
    return prepareQuotes(
      snapshot,
      paper ? `Quotes for ${paper}` : `Quotes from ${snapshot.name ?? 'the project'}`,
      quotes,
      fresh.settings,
      fresh.redactions,
    );
  };
  if (props.items.length === 0) return <p className="muted">The basket is empty. Find quotes and press “Add to basket”.</p>;
  return (
    <div className="quote-basket">
      <div className="row wrap">
        <label>
          Used in{' '}
          <select aria-label="Show quotes used in" value={paper} onChange={(e) => setPaper(e.target.value)}>
            <option value="">every paper ({props.items.length})</option>
            {papers.map((p) => (
              <option key={p} value={p}>
                {p} ({props.items.filter((i) => i.usedIn === p).length})
              </option>
            ))}
          </select>
        </label>
        {missing > 0 && (
          <span className="error small">{missing} quote(s) point to a transcript no longer in the project and are left out.</span>
        )}
      </div>
      <QuoteExportBar prepare={prepare} disabled={shown.length === missing} fileName={paper ? `Quotes for ${paper}` : 'Quote basket'} />
      <datalist id="basket-papers">
        {papers.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <ol className="plain passages" aria-label="Basket">
        {withQuotes.map(({ item, quote }, i) => (
          <li
            key={item.id}
            className={`passage card basket-item${dragId === item.id ? ' dragging' : ''}`}
            onDragOver={(e) => dragId && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragId && dragId !== item.id) void act(moveInBasket(props.items, dragId, i, Date.now()));
              setDragId(null);
            }}
          >
            <header className="row small wrap">
              {/* The number is the handle: dragging the whole card would stop words being selected for a cut. */}
              <strong
                className={paper ? undefined : 'drag-handle'}
                draggable={!paper}
                title={paper ? undefined : 'Drag to move this quote'}
                onDragStart={(e) => {
                  setDragId(item.id);
                  e.dataTransfer.setData('text/plain', item.id);
                }}
                onDragEnd={() => setDragId(null)}
              >
                {paper ? '' : '⠿ '}
                {i + 1}.
              </strong>
              <button
                type="button"
                aria-label={`Move quote ${i + 1} up`}
                disabled={i === 0 || Boolean(paper)}
                onClick={() => act(moveInBasket(props.items, item.id, 'up', Date.now()))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move quote ${i + 1} down`}
                disabled={i === withQuotes.length - 1 || Boolean(paper)}
                onClick={() => act(moveInBasket(props.items, item.id, 'down', Date.now()))}
              >
                ↓
              </button>
              <DraftInput
                journal={`basket:${item.id}:label`}
                aria-label={`Label of quote ${i + 1}`}
                placeholder="Label"
                value={item.label}
                save={async (label) => act(editBasketItem((await getBasketItem(db, item.id)) ?? item, { label }, Date.now()))}
              />
              <DraftInput
                journal={`basket:${item.id}:usedIn`}
                aria-label={`Paper using quote ${i + 1}`}
                placeholder="Used in (paper, chapter)"
                list="basket-papers"
                value={item.usedIn}
                save={async (usedIn) => act(editBasketItem((await getBasketItem(db, item.id)) ?? item, { usedIn }, Date.now()))}
              />
              <span className="spacer" />
              {quote && (
                <button type="button" className="link" onClick={() => openPassage(projectId, quote)}>
                  Open in transcript
                </button>
              )}
              <button type="button" className="link" onClick={() => act(removeFromBasket(props.items, [item.id], Date.now()))}>
                Remove
              </button>
            </header>
            {quote ? (
              <BasketQuote snapshot={snapshot} config={config} item={item} quote={quote} index={i + 1} />
            ) : (
              <p className="error small">This quote's transcript is no longer in the project.</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The quote as it will go out, and, when trimming, the full passage with the cuts struck. */
function BasketQuote(props: { snapshot: ProjectSnapshot; config: QuoteConfig; item: BasketItem; quote: Quote; index: number }) {
  const { act } = useProject();
  const { item, quote } = props;
  const [trimming, setTrimming] = useState(false);
  const [hint, setHint] = useState('');
  const parts = quoteParts(props.snapshot, quote, formatOptions(props.config.settings, props.config.redactions, item.cuts));
  const cutSelection = () => {
    const range = selectedRange(item.start);
    if (!range) return setHint('Select words in the full passage first.');
    setHint('');
    void act(cutFromBasketItem(item, range.start, range.end, Date.now()));
  };
  // Kept and cut stretches of the full passage, each knowing where it starts in the transcript.
  const pieces: { start: number; end: number; cut: boolean }[] = [];
  let at = item.start;
  for (const c of item.cuts) {
    if (c.start > at) pieces.push({ start: at, end: c.start, cut: false });
    pieces.push({ start: Math.max(c.start, at), end: c.end, cut: true });
    at = c.end;
  }
  if (at < item.end) pieces.push({ start: at, end: item.end, cut: false });
  const text = quote.text;
  return (
    <>
      <blockquote className="excerpt">
        <span className="quote-body">{parts.body}</span> <strong className="small">{parts.attribution}</strong>
      </blockquote>
      <div className="row small">
        <button type="button" className="link" onClick={() => setTrimming(!trimming)}>
          {trimming ? 'Done trimming' : 'Trim…'}
        </button>
        {item.cuts.length > 0 && (
          <button type="button" className="link" onClick={() => act(restoreBasketItem(item, Date.now()))}>
            Restore in full
          </button>
        )}
        {parts.trimmed && <span className="muted">trimmed</span>}
      </div>
      {trimming && (
        <div className="trim">
          <p className="muted small">
            Select words in the full passage below, then cut them; each cut shows as {props.config.settings.ellipsis}.
          </p>
          <p className="raw-passage" data-basket-raw={item.id}>
            {pieces.map((p) => (
              <span key={p.start} data-offset={p.start} className={p.cut ? 'cut' : undefined}>
                {text.slice(p.start - item.start, p.end - item.start)}
              </span>
            ))}
          </p>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={cutSelection}>
            Cut selection
          </button>
          {hint && <span className="error small"> {hint}</span>}
        </div>
      )}
    </>
  );
}

/** The page selection as transcript offsets, when it lies in one raw passage. */
function selectedRange(floor: number): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const offsetOf = (node: Node, offset: number) => {
    const span = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-offset]');
    return span ? Number(span.dataset.offset) + (node.nodeType === Node.TEXT_NODE ? offset : 0) : null;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start || start < floor) return null;
  return { start, end };
}
