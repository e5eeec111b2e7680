// One stripe per coding beside the text, from the top of its first line to the bottom of
// its last, in its code's colour; overlapping stripes take separate lanes.
// Cost model: turns off screen are never laid out (content-visibility), so a stripe is
// placed exactly (DOM Range rects) only where the browser renders its turn anyway, and
// elsewhere estimated from its turn's box (offsetTop/offsetHeight, no layout of the contents). Only
// stripes in or near the viewport are written; the rest are corrected when they come near.
// All of it is one requestAnimationFrame batch, triggered by scroll, resize and prop changes
// (editor updates alone never move text: the text is fixed); stripes are plain DOM.
import { $getRoot, type LexicalEditor, type LexicalNode } from 'lexical';
import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import type { Coding, Turn } from '../core/shared';
import { $pointInTurn } from './buildState';
import { assignLanes, turnIndexAt, type Span } from './marginLayout';
import { $isTurnNode } from './nodes';

export interface CodingMarginProps {
  editor: LexicalEditor;
  turns: readonly Turn[]; // display turns: index i is the root's child i
  codings: readonly Coding[];
  colours: ReadonlyMap<string, string>; // codeId -> colour
  selectedCodingId: string | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onCodingClick(codingIds: string[], offset: number): void;
}

const LANE = 6; // px per lane: a 4px stripe and 2px of air
const PAD = 4;
const NEAR = 600; // px above and below the viewport that are measured and written

interface Drawn {
  top: string;
  height: string;
  left: string;
  colour: string;
  selected: boolean;
  y: number; // last written top and bottom, to know whether a stale stripe is on screen
  bottom: number;
}

export function CodingMargin(props: CodingMarginProps) {
  const { editor, scrollRef } = props;
  const marginRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const schedule = useRef<() => void>(() => {});

  useEffect(() => {
    const margin = marginRef.current;
    const scroller = scrollRef.current;
    if (!margin || !scroller) return;
    const stripes = new Map<string, { el: HTMLDivElement; drawn: Drawn | null }>();
    const spanOf = new Map<string, Span>(); // last computed span per coding, for partial passes
    let frame = 0;
    let full = true;
    // Scrolling and resizing re-measure only the turns around the viewport (a partial pass);
    // new codings, colours or text re-measure everything (rare).
    const request = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const requestFull = () => {
      full = true;
      request();
    };
    schedule.current = requestFull;
    const ro = new ResizeObserver(() => request());
    // Turns whose contents the browser currently renders (content-visibility not skipping
    // them). Measuring text in a skipped turn would force its layout, every frame.
    const rendered = new WeakSet<Element>();
    const onVisibility = (e: Event) => {
      if ((e as Event & { skipped?: boolean }).skipped) rendered.delete(e.target as Element);
      else rendered.add(e.target as Element);
      request();
    };
    const unRoot = editor.registerRootListener((root, prev) => {
      if (prev) {
        ro.unobserve(prev);
        prev.removeEventListener('contentvisibilityautostatechange', onVisibility, true);
      }
      if (root) {
        ro.observe(root);
        root.addEventListener('contentvisibilityautostatechange', onVisibility, true);
      }
      requestFull();
    });
    const onScroll = () => request();
    scroller.addEventListener('scroll', onScroll, { passive: true });

    function measure() {
      frame = 0;
      const all = full;
      full = false;
      editor.read(() => measureNow(all)); // one read: node lookups inside are plain calls
    }

    function measureNow(all: boolean) {
      const { turns, codings, colours, selectedCodingId } = latest.current;
      const turnNodes = $getRoot().getChildren();
      const base = margin!.getBoundingClientRect();
      const viewTop = scroller!.getBoundingClientRect().top - base.top;
      const lo = viewTop - NEAR;
      const hi = viewTop + scroller!.clientHeight + NEAR;
      // Turn boxes in margin coordinates, read at most once per pass: with content-visibility
      // every layout read costs, so a partial pass reads only the turns it needs.
      const boxes = new Map<number, { el: HTMLElement; top: number; height: number } | null>();
      const box = (i: number) => {
        let b = boxes.get(i);
        if (b === undefined) {
          const n = turnNodes[i];
          const el = n ? editor.getElementByKey(n.getKey()) : null;
          const r = el?.getBoundingClientRect();
          b = el && r ? { el, top: r.top - base.top, height: r.height } : null;
          boxes.set(i, b);
        }
        return b;
      };
      // Turns [a, b] overlap the measured window: binary search, O(log n) reads.
      const search = (pred: (i: number) => boolean) => {
        let l = 0;
        let h = turns.length;
        while (l < h) {
          const m = (l + h) >> 1;
          if (pred(m)) h = m;
          else l = m + 1;
        }
        return l;
      };
      const a = all
        ? 0
        : search((i) => {
            const b = box(i);
            return b !== null && b.top + b.height > lo;
          });
      const b = all
        ? turns.length - 1
        : search((i) => {
            const x = box(i);
            return x !== null && x.top >= hi;
          }) - 1;
      // y of a character: exact where the browser renders its turn, else its share of the box.
      const y = (i: number, offset: number, edge: 'top' | 'bottom'): number => {
        const t = turns[i]!;
        const bx = box(i);
        if (!bx) return 0;
        if (rendered.has(bx.el) && bx.top < hi && bx.top + bx.height > lo) {
          const exact = charEdge(turnNodes[i], offset, edge);
          if (exact !== null) return exact - base.top;
        }
        const share = (offset - t.start + (edge === 'bottom' ? 1 : 0)) / Math.max(1, t.end - t.start);
        return bx.top + share * bx.height;
      };
      const spans: Span[] = [];
      for (const c of codings) {
        let first = turnIndexAt(turns, c.start);
        if (turns[first] && turns[first]!.end <= c.start) first += 1;
        const last = turnIndexAt(turns, c.end - 1);
        const ft = turns[first];
        const lt = turns[last];
        if (!ft || !lt || last < first || c.end <= c.start || ft.start >= c.end) continue; // nothing shown
        const kept = spanOf.get(c.id);
        if (kept && (last < a || first > b) && (kept.bottom <= lo || kept.top >= hi)) {
          spans.push(kept); // away from the viewport, and not drawn in it: last position will do
          continue;
        }
        const top = y(first, Math.max(c.start, ft.start), 'top');
        const bottom = y(last, Math.min(c.end, lt.end) - 1, 'bottom');
        const span = { id: c.id, top, bottom: Math.max(bottom, top + 4) };
        spanOf.set(c.id, span);
        spans.push(span);
      }
      const { lanes, count } = assignLanes(spans);
      const width = `${Math.max(1, count) * LANE + PAD}px`;
      if (margin!.style.width !== width) margin!.style.width = width;
      const codeOf = new Map(codings.map((c) => [c.id, c.codeId]));
      const seen = new Set<string>();
      for (const s of spans) {
        seen.add(s.id);
        let stripe = stripes.get(s.id);
        if (!stripe) {
          const el = document.createElement('div');
          el.className = 'coding-stripe';
          el.dataset.codingId = s.id;
          margin!.appendChild(el);
          stripes.set(s.id, (stripe = { el, drawn: null }));
        }
        const old = stripe.drawn;
        // Far from the viewport and not drawn there either: leave it for later.
        const onScreen = (s.top < hi && s.bottom > lo) || (old !== null && old.y < hi && old.bottom > lo);
        if (old && !onScreen) continue;
        stripe.drawn = write(stripe.el, old, {
          top: `${s.top.toFixed(1)}px`,
          height: `${(s.bottom - s.top).toFixed(1)}px`,
          left: `${(lanes.get(s.id) ?? 0) * LANE + PAD / 2}px`,
          colour: colours.get(codeOf.get(s.id) ?? '') ?? '#9e9e9e',
          selected: s.id === selectedCodingId,
          y: s.top,
          bottom: s.bottom,
        });
      }
      for (const [id, stripe] of stripes) {
        if (!seen.has(id)) {
          stripe.el.remove();
          stripes.delete(id);
          spanOf.delete(id);
        }
      }
    }

    /** Viewport y of the top (or bottom) of the character at `offset`, via a DOM Range. */
    function charEdge(turn: LexicalNode | undefined, offset: number, edge: 'top' | 'bottom'): number | null {
      const point = $isTurnNode(turn) ? $pointInTurn(turn, offset) : null;
      const text = point ? editor.getElementByKey(point.node.getKey())?.firstChild : null;
      if (!point || !(text instanceof Text)) return null;
      const range = document.createRange();
      range.setStart(text, Math.min(point.offset, text.length));
      range.setEnd(text, Math.min(point.offset + 1, text.length));
      const rects = range.getClientRects();
      const rect = edge === 'top' ? rects[0] : rects[rects.length - 1];
      return rect ? rect[edge] : null;
    }

    request();
    return () => {
      cancelAnimationFrame(frame);
      schedule.current = () => {};
      scroller.removeEventListener('scroll', onScroll);
      ro.disconnect();
      unRoot();
      stripes.forEach((s) => s.el.remove());
    };
  }, [editor, scrollRef]);

  // Anything the stripes are drawn from changed: re-measure on the next frame.
  useEffect(() => schedule.current(), [props.turns, props.codings, props.colours, props.selectedCodingId]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const el = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-coding-id]') : null;
    const id = el?.dataset.codingId;
    const coding = id ? latest.current.codings.find((c) => c.id === id) : undefined;
    if (coding) latest.current.onCodingClick([coding.id], coding.start);
  };

  return <div className="coding-margin" ref={marginRef} onClick={onClick} aria-hidden="true" />;
}

/** Writes only the properties that changed: during a scroll usually just `top`, if anything. */
function write(el: HTMLDivElement, old: Drawn | null, next: Drawn): Drawn {
  if (old?.top !== next.top) el.style.top = next.top;
  if (old?.height !== next.height) el.style.height = next.height;
  if (old?.left !== next.left) el.style.left = next.left;
  if (old?.colour !== next.colour) el.style.background = next.colour;
  if (old?.selected !== next.selected) el.classList.toggle('selected', next.selected);
  return next;
}
