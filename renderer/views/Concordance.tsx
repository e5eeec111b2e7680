// The keyword-in-context list: left context | keyword | right context, aligned on the keyword,
// sortable by the words either side, context width adjustable. Thousands of hits scroll as one
// list: only the rows in view are drawn (fixed row height), so 5,000 lines render at once.
import { useMemo, useState } from 'react';
import { sortConcordance, type ConcordanceLine, type ConcordanceOrder } from '../core/search';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 22;
const OVERSCAN = 8;

export interface LineLabel {
  who: string;
  wave: string;
}

/** The last `width` characters of a left context, from a word start. */
function tail(left: string, width: number): string {
  if (left.length <= width) return left;
  const cut = left.slice(left.length - width);
  const space = cut.search(/\s/);
  return space < 0 ? '' : cut.slice(space + 1);
}

/** The first `width` characters of a right context, to a word end. */
function head(right: string, width: number): string {
  if (right.length <= width) return right;
  const cut = right.slice(0, width);
  const space = cut.search(/\s\S*$/);
  return space < 0 ? '' : cut.slice(0, space);
}

/** The lines in the order chosen (sorting 5,000 lines is done once per change, not per render). */
export function useSortedLines(lines: readonly ConcordanceLine[], order: ConcordanceOrder): ConcordanceLine[] {
  return useMemo(() => sortConcordance(lines, order), [lines, order]);
}

export function Concordance(props: {
  /** Already in the order chosen (useSortedLines). */
  lines: readonly ConcordanceLine[];
  order: ConcordanceOrder;
  onOrder(order: ConcordanceOrder): void;
  label(line: ConcordanceLine): LineLabel;
  width: number;
  onOpen(line: ConcordanceLine): void;
}) {
  const { order, onOrder: setOrder } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const sorted = props.lines;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(sorted.length, first + VIEW_ROWS + 2 * OVERSCAN);
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
  return (
    <div className="concordance">
      <div className="row concordance-head" role="group" aria-label="Sort the concordance">
        <span className="muted small">Sort by</span>
        {sortButton('place', 'reading order')}
        {sortButton('left', 'words before')}
        {sortButton('keyword', 'keyword')}
        {sortButton('right', 'words after')}
      </div>
      <div
        className="concordance-rows"
        role="list"
        aria-label="Concordance"
        style={{ height: Math.min(sorted.length, VIEW_ROWS) * ROW_HEIGHT + 2 }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: sorted.length * ROW_HEIGHT, position: 'relative' }}>
          {sorted.slice(first, last).map((line, i) => {
            const { who, wave } = props.label(line);
            return (
              <button
                key={`${line.sourceId}:${line.start}:${line.end}`}
                type="button"
                role="listitem"
                className="kwic-line"
                style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                title={`Open in ${who}${wave ? `, ${wave}` : ''}`}
                onClick={() => props.onOpen(line)}
              >
                <span className="kwic-who">
                  {who}
                  {wave && <span className="muted"> · {wave}</span>}
                </span>
                <span className="kwic-left">{tail(line.left, props.width)}</span>
                <mark className="kwic-keyword">{line.keyword}</mark>
                <span className="kwic-right">{head(line.right, props.width)}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The lines as the table an export writes: who, wave, transcript, context and keyword. */
export function concordanceRows(
  lines: readonly ConcordanceLine[],
  label: (l: ConcordanceLine) => LineLabel & { title: string },
  width: number,
) {
  return [
    ['Participant', 'Wave', 'Transcript', 'Before', 'Keyword', 'After', 'Start', 'End'],
    ...lines.map((l) => {
      const { who, wave, title } = label(l);
      return [who, wave, title, tail(l.left, width).trim(), l.keyword, head(l.right, width).trim(), String(l.start), String(l.end)];
    }),
  ];
}
