// The turn being heard while a recording plays: outlined by one adopted CSS rule on its
// data-turn (no node of the editor changes), and, when following, kept in view in the
// transcript's own scroller. The player says where it is as an offset into the text; which
// display turn holds that offset is worked out here.
import { useEffect, useMemo, type RefObject } from 'react';
import type { Turn } from '../core/shared';
import { useAdoptedRule } from './adoptedSheet';

/** The index of the display turn holding `offset` (the last one starting at or before it), or -1. */
export function turnHolding(turns: readonly Turn[], offset: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function usePlayingTurn(
  turns: readonly Turn[],
  offset: number | null | undefined,
  follow: boolean,
  scrollRef: RefObject<HTMLDivElement | null>,
): void {
  const index = useMemo(() => (offset == null ? -1 : turnHolding(turns, offset)), [turns, offset]);
  useAdoptedRule(
    index >= 0
      ? `.transcript-content .turn[data-turn="${index}"]{background:var(--playing-turn,#fff6d6);box-shadow:-0.6rem 0 0 var(--playing-turn,#fff6d6),0.6rem 0 0 var(--playing-turn,#fff6d6)}`
      : '',
  );
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!follow || index < 0 || !scroller) return;
    const el = scroller.querySelector(`.turn[data-turn="${index}"]`);
    if (!el) return;
    const r = el.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    // Only when it is leaving the view: a reader's own scrolling is not fought over each word.
    if (r.top >= box.top && r.top < box.bottom - Math.min(r.height, box.height / 3)) return;
    scroller.scrollTop += r.top - box.top - box.height / 4;
  }, [index, follow, scrollRef]);
}
