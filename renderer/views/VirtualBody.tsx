// A long table's body drawn a screenful at a time (@tanstack/react-virtual): at ten times the
// study the transcripts table had 3,500 rows, each with a participant menu of 1,750 names, six
// million elements. Rows above and below the window are one spacer row each, so the columns
// keep the table's own layout. Below ALL_BELOW rows every row is drawn, as before: a study's
// tables stay whole for the browser's find, printing and screen readers' table navigation.
// The pane that scrolls the table carries data-scroll-pane.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Tables shorter than this are drawn whole. */
export const ALL_BELOW = 300;

/** What a drawn row must carry: its place for screen readers, and the ref that measures it. */
export interface RowProps {
  'aria-rowindex': number;
  'data-index'?: number;
  ref?: (element: HTMLTableRowElement | null) => void;
}

interface Props<T> {
  items: readonly T[];
  /** A row's height before it is measured, in pixels. */
  rowHeight: number;
  /** Columns, for the spacer rows. */
  columns: number;
  /** Header rows above the body, so aria-rowindex counts from the table's first row. */
  headerRows?: number;
  row: (item: T, index: number, props: RowProps) => ReactNode;
}

export function VirtualBody<T>(props: Props<T>) {
  const headerRows = props.headerRows ?? 1;
  if (props.items.length < ALL_BELOW)
    return <tbody>{props.items.map((item, i) => props.row(item, i, { 'aria-rowindex': headerRows + i + 1 }))}</tbody>;
  return <Windowed {...props} headerRows={headerRows} />;
}

/**
 * The pane the table is read in: the nearest ancestor marked data-scroll-pane (a computed
 * overflow cannot tell it, since a table's horizontal scroller computes as vertical too), else
 * the nearest that scrolls vertically.
 */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  const marked = element.closest<HTMLElement>('[data-scroll-pane]');
  if (marked) return marked;
  for (let at = element.parentElement; at; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}

function Windowed<T>({ items, rowHeight, columns, headerRows, row }: Props<T> & { headerRows: number }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const pane = useRef<HTMLElement | null>(null);
  // Where the body starts inside the scrolling pane (buttons and the header above it).
  const [margin, setMargin] = useState(0);
  // Measured after every render on purpose (a notice or a panel above can move the body); it
  // settles at once, since an unchanged position sets nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const tbody = body.current;
    if (!tbody) return;
    pane.current ??= scrollingAncestor(tbody);
    if (!pane.current) return;
    const at = Math.round(tbody.getBoundingClientRect().top - pane.current.getBoundingClientRect().top + pane.current.scrollTop);
    if (at !== margin) setMargin(at);
  });
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => pane.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: margin,
  });
  const shown = virtualizer.getVirtualItems();
  const before = shown.length ? shown[0]!.start - margin : 0;
  const after = shown.length ? virtualizer.getTotalSize() - (shown[shown.length - 1]!.end - margin) : 0;
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" className="virtual-spacer" style={{ height }}>
        <td colSpan={columns} />
      </tr>
    ) : null;
  return (
    <tbody ref={body}>
      {spacer(before, 'before')}
      {shown.map((v) =>
        row(items[v.index]!, v.index, {
          'aria-rowindex': headerRows + v.index + 1,
          'data-index': v.index,
          ref: virtualizer.measureElement,
        }),
      )}
      {spacer(after, 'after')}
    </tbody>
  );
}
