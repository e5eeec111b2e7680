// Long tables and lists drawn a screenful at a time (@tanstack/react-virtual): at ten times the
// study the transcripts table had 3,500 rows, each with a participant menu of 1,750 names (six
// million elements), and one code's retrieval 40,000 passages. What lies above and below the
// window is one spacer each, so a table's columns keep the table's own layout. Below
// ALL_BELOW rows everything is drawn, as before: a study's tables stay whole for the browser's
// find, printing and screen readers' table navigation. The pane that scrolls them carries
// data-scroll-pane.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref, type RefObject } from 'react';

/** Tables and lists shorter than this are drawn whole. */
export const ALL_BELOW = 300;

/** What a drawn table row must carry: its place for screen readers, and the ref that measures it. */
export interface RowProps {
  'aria-rowindex': number;
  'data-index'?: number;
  ref?: (element: HTMLElement | null) => void;
}

/** The same for a list item. */
export interface ItemProps {
  'aria-posinset': number;
  'aria-setsize': number;
  'data-index'?: number;
  ref?: (element: HTMLElement | null) => void;
}

/**
 * The pane the rows are read in: the nearest ancestor marked data-scroll-pane (a computed
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
  return null;
}

interface Window<E> {
  container: RefObject<E | null>;
  shown: VirtualItem[];
  /** Heights of what lies above and below the drawn rows. */
  before: number;
  after: number;
  measure: (element: HTMLElement | null) => void;
  scrollToIndex: (index: number) => void;
}

/** What a list's owner may ask of it: bring an item into the drawn window (keyboard moves). */
export interface ListHandle {
  /** Scrolls item `index` into view if it is windowed out; a list drawn whole does nothing. */
  scrollToIndex(index: number): void;
}

/** The rows of `count` in view of the pane that scrolls `container`. */
function useWindow<E extends HTMLElement>(count: number, estimate: number): Window<E> {
  const container = useRef<E>(null);
  const pane = useRef<HTMLElement | null>(null);
  // Where the rows start inside the pane (buttons and headers above them).
  const [margin, setMargin] = useState(0);
  // Measured after every render on purpose (a notice or a panel above can move the rows); it
  // settles at once, since an unchanged position sets nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    pane.current ??= scrollingAncestor(element);
    if (!pane.current) return;
    const at = Math.round(element.getBoundingClientRect().top - pane.current.getBoundingClientRect().top + pane.current.scrollTop);
    if (at !== margin) setMargin(at);
  });
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => pane.current,
    estimateSize: () => estimate,
    overscan: 12,
    scrollMargin: margin,
  });
  const shown = virtualizer.getVirtualItems();
  const before = shown.length ? shown[0]!.start - margin : 0;
  const after = shown.length ? virtualizer.getTotalSize() - (shown[shown.length - 1]!.end - margin) : 0;
  // The virtualizer is one object for the list's life: so is this, and a handle built on it.
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);
  return { container, shown, before, after, measure: virtualizer.measureElement, scrollToIndex };
}

interface Props<T, P> {
  items: readonly T[];
  /** A row's height before it is measured, in pixels. */
  rowHeight: number;
  row: (item: T, index: number, props: P) => ReactNode;
}

/** A table body; `columns` spans the spacer rows, `headerRows` starts the row count. */
export function VirtualBody<T>(props: Props<T, RowProps> & { columns: number; headerRows?: number }) {
  const headerRows = props.headerRows ?? 1;
  if (props.items.length < ALL_BELOW)
    return <tbody>{props.items.map((item, i) => props.row(item, i, { 'aria-rowindex': headerRows + i + 1 }))}</tbody>;
  return <WindowedBody {...props} headerRows={headerRows} />;
}

function WindowedBody<T>({ items, rowHeight, columns, headerRows, row }: Props<T, RowProps> & { columns: number; headerRows: number }) {
  const w = useWindow<HTMLTableSectionElement>(items.length, rowHeight);
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" className="virtual-spacer" style={{ height }}>
        <td colSpan={columns} />
      </tr>
    ) : null;
  return (
    <tbody ref={w.container}>
      {spacer(w.before, 'before')}
      {w.shown.map((v) =>
        row(items[v.index]!, v.index, { 'aria-rowindex': headerRows + v.index + 1, 'data-index': v.index, ref: w.measure }),
      )}
      {spacer(w.after, 'after')}
    </tbody>
  );
}

interface ListProps {
  className: string;
  label?: string;
  /** `ul` for lists whose order is not a ranking (the codebook tree); `ol` by default. */
  element?: 'ol' | 'ul';
  /** An ARIA role for the list element (e.g. "tree"); its items carry their own. */
  role?: string;
  handle?: Ref<ListHandle>;
}

/** A list (`className` its class); each item gets its place in the whole list. */
export function VirtualList<T>(props: Props<T, ItemProps> & ListProps) {
  const size = props.items.length;
  if (size < ALL_BELOW) return <WholeList {...props} />;
  return <WindowedList {...props} />;
}

function WholeList<T>({ items, row, className, label, element, role, handle }: Props<T, ItemProps> & ListProps) {
  useImperativeHandle(handle, () => ({ scrollToIndex: () => undefined }), []);
  const List = element ?? 'ol';
  return (
    <List className={className} aria-label={label} role={role}>
      {items.map((item, i) => row(item, i, { 'aria-posinset': i + 1, 'aria-setsize': items.length }))}
    </List>
  );
}

function WindowedList<T>({ items, rowHeight, row, className, label, element, role, handle }: Props<T, ItemProps> & ListProps) {
  const w = useWindow<HTMLOListElement>(items.length, rowHeight);
  useImperativeHandle(handle, () => ({ scrollToIndex: w.scrollToIndex }), [w.scrollToIndex]);
  const size = items.length;
  const List = element ?? 'ol';
  return (
    <List className={className} aria-label={label} role={role} ref={w.container} style={{ paddingTop: w.before, paddingBottom: w.after }}>
      {w.shown.map((v) =>
        row(items[v.index]!, v.index, { 'aria-posinset': v.index + 1, 'aria-setsize': size, 'data-index': v.index, ref: w.measure }),
      )}
    </List>
  );
}
