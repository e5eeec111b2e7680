// The keyword-in-context list: left context | keyword | right context, aligned on the keyword,
// sortable by the words either side, context width adjustable. Tens of thousands of hits
// scroll as one list: only the rows in view are drawn (fixed row height), and their lines are
// asked of the search worker a page at a time, so a search never waits for all its context.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConcordanceLine, ConcordanceOrder } from '../core/search';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 22;
const OVERSCAN = 10;

export interface LineLabel {
  who: string;
  wave: string;
}

export type FetchLines = (order: ConcordanceOrder, from: number, to: number, width: number) => Promise<ConcordanceLine[]>;

/** The lines as the table an export writes: who, wave, transcript, context and keyword. */
export function concordanceRows(lines: readonly ConcordanceLine[], label: (l: ConcordanceLine) => LineLabel & { title: string }) {
  return [
    ['Participant', 'Wave', 'Transcript', 'Before', 'Keyword', 'After', 'Start', 'End'],
    ...lines.map((l) => {
      const { who, wave, title } = label(l);
      return [who, wave, title, l.left.trim(), l.keyword, l.right.trim(), String(l.start), String(l.end)];
    }),
  ];
}

export function Concordance(props: {
  /** How many lines the search found; `version` changes with every new search. */
  total: number;
  version: number;
  order: ConcordanceOrder;
  onOrder(order: ConcordanceOrder): void;
  width: number;
  fetch: FetchLines;
  label(line: ConcordanceLine): LineLabel;
  onOpen(line: ConcordanceLine): void;
}) {
  const { order, onOrder: setOrder, total, width } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [lines, setLines] = useState<{ key: string; byIndex: Map<number, ConcordanceLine> }>({ key: '', byIndex: new Map() });
  const [failed, setFailed] = useState<string | null>(null);
  const key = `${props.version}:${order}:${width}`;
  const shown = useMemo(() => (lines.key === key ? lines.byIndex : new Map<number, ConcordanceLine>()), [lines, key]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, first + VIEW_ROWS + 2 * OVERSCAN);
  const fetch = useRef(props.fetch);
  fetch.current = props.fetch;

  // The rows in view that are not here yet are asked for as one page.
  useEffect(() => {
    let from = first;
    while (from < last && shown.has(from)) from += 1;
    let to = last;
    while (to > from && shown.has(to - 1)) to -= 1;
    if (from >= to) return;
    let live = true;
    fetch.current(order, from, to, width).then(
      (page) => {
        if (!live) return;
        setLines((current) => {
          const byIndex = new Map(current.key === key ? current.byIndex : []);
          page.forEach((line, i) => byIndex.set(from + i, line));
          return { key, byIndex };
        });
      },
      // Said, not swallowed: rows that never come would otherwise wait for ever.
      (e: unknown) => live && setFailed(`The lines could not be read: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [key, first, last, order, width, shown]);

  const sortButton = (value: ConcordanceOrder, text: string) => (
    <button
      type="button"
      className={order === value ? 'sort active' : 'sort'}
      aria-pressed={order === value}
      onClick={() => setOrder(value)}
    >
      {text}
    </button>
  );
  const rows: { index: number; line: ConcordanceLine | undefined }[] = [];
  for (let index = first; index < last; index += 1) rows.push({ index, line: shown.get(index) });
  return (
    <div className="concordance">
      <div className="row concordance-head" role="group" aria-label="Sort the concordance">
        <span className="muted small">Sort by</span>
        {sortButton('place', 'reading order')}
        {sortButton('left', 'words before')}
        {sortButton('keyword', 'keyword')}
        {sortButton('right', 'words after')}
      </div>
      {failed && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
      <div
        className="concordance-rows"
        role="list"
        aria-label="Concordance"
        aria-busy={rows.some((r) => !r.line)}
        style={{ height: Math.min(total, VIEW_ROWS) * ROW_HEIGHT + 2 }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: total * ROW_HEIGHT, position: 'relative' }}>
          {rows.map(({ index, line }) => {
            const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
            if (!line) return <div key={index} className="kwic-line kwic-waiting" style={style} />;
            const { who, wave } = props.label(line);
            return (
              <button
                key={index}
                type="button"
                role="listitem"
                className="kwic-line"
                style={style}
                title={`Open in ${who}${wave ? `, ${wave}` : ''}`}
                onClick={() => props.onOpen(line)}
              >
                <span className="kwic-who">
                  {who}
                  {wave && <span className="muted"> · {wave}</span>}
                </span>
                <span className="kwic-left">{line.left}</span>
                <mark className="kwic-keyword">{line.keyword}</mark>
                <span className="kwic-right">{line.right}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
