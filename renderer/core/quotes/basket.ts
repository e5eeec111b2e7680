// The quote basket as undoable Actions on the 'basketItems' table: add quotes, reorder,
// label, note where each is used, cut parts out, remove (soft). The basket reads by `order`.
import { created, unionRanges, updated, type Action, type BasketItem, type ProjectSnapshot } from '../shared';
import type { Quote } from './types';

export interface PickedPassage {
  sourceId: string;
  start: number;
  end: number;
  codeIds: string[];
}

/** Live items in basket order. */
export function basketOrder(items: readonly BasketItem[]): BasketItem[] {
  return items.filter((i) => i.deletedAt == null).sort((a, b) => a.order - b.order || a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
}

const samePlace = (item: BasketItem, p: PickedPassage) => item.sourceId === p.sourceId && item.start === p.start && item.end === p.end;

/** Adds passages at the end of the basket; a passage already in it is not added twice. */
export function addToBasket(
  items: readonly BasketItem[],
  passages: readonly PickedPassage[],
  newId: () => string,
  now: number,
  usedIn = '',
): Action {
  const current = basketOrder(items);
  let order = current.reduce((max, i) => Math.max(max, i.order), -1) + 1;
  const changes: Action['changes'] = [];
  const taken: PickedPassage[] = [];
  for (const p of passages) {
    if (current.some((i) => samePlace(i, p)) || taken.some((t) => t.sourceId === p.sourceId && t.start === p.start && t.end === p.end))
      continue;
    taken.push(p);
    changes.push(
      created('basketItems', {
        id: newId(),
        sourceId: p.sourceId,
        start: p.start,
        end: p.end,
        codeIds: [...p.codeIds],
        label: '',
        usedIn,
        order: order++,
        cuts: [],
        addedAt: now,
        updatedAt: now,
        deletedAt: null,
      }),
    );
  }
  return { label: changes.length === 1 ? 'Add a quote to the basket' : `Add ${changes.length} quotes to the basket`, changes };
}

/** Moves an item one place up or down, or to a given position (0-based). */
export function moveInBasket(items: readonly BasketItem[], id: string, to: 'up' | 'down' | number, now: number): Action {
  const list = basketOrder(items);
  const from = list.findIndex((i) => i.id === id);
  if (from < 0) return { label: 'Move a quote', changes: [] };
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : to;
  const clamped = Math.max(0, Math.min(list.length - 1, target));
  if (clamped === from) return { label: 'Move a quote', changes: [] };
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(clamped, 0, moved!);
  // Renumber 0..n-1 and write only the items whose position changed.
  const changes: Action['changes'] = [];
  next.forEach((item, order) => {
    if (item.order !== order) changes.push(updated('basketItems', item, { ...item, order, updatedAt: now }));
  });
  return { label: 'Move a quote', changes };
}

export type BasketEdit = Partial<Pick<BasketItem, 'label' | 'usedIn'>>;

export function editBasketItem(item: BasketItem, edit: BasketEdit, now: number): Action {
  const after = { ...item, ...edit, updatedAt: now };
  if (after.label === item.label && after.usedIn === item.usedIn) return { label: 'Edit a quote', changes: [] };
  return {
    label: edit.usedIn !== undefined && edit.label === undefined ? 'Note where a quote is used' : 'Label a quote',
    changes: [updated('basketItems', item, after)],
  };
}

/**
 * Leaves out a stretch of the quote (shown as an ellipsis), clipped to the passage and
 * merged with cuts it overlaps or touches. Refused (no change) when it would leave nothing.
 */
export function cutFromBasketItem(item: BasketItem, start: number, end: number, now: number): Action {
  const s = Math.max(start, item.start);
  const e = Math.min(end, item.end);
  if (e <= s) return { label: 'Cut from a quote', changes: [] };
  const cuts = unionRanges([...item.cuts, { start: s, end: e }]);
  if (cuts.length === 1 && cuts[0]!.start <= item.start && cuts[0]!.end >= item.end) return { label: 'Cut from a quote', changes: [] };
  return { label: 'Cut from a quote', changes: [updated('basketItems', item, { ...item, cuts, updatedAt: now })] };
}

export function restoreBasketItem(item: BasketItem, now: number): Action {
  if (item.cuts.length === 0) return { label: 'Restore a quote', changes: [] };
  return { label: 'Restore a quote in full', changes: [updated('basketItems', item, { ...item, cuts: [], updatedAt: now })] };
}

export function removeFromBasket(items: readonly BasketItem[], ids: readonly string[], now: number): Action {
  const changes = items
    .filter((i) => ids.includes(i.id) && i.deletedAt == null)
    .map((i) => updated('basketItems', i, { ...i, deletedAt: now, updatedAt: now }));
  return { label: changes.length === 1 ? 'Remove a quote from the basket' : `Remove ${changes.length} quotes from the basket`, changes };
}

/**
 * The quote a basket item stands for, read from its transcript now; null when the transcript
 * has gone (deleted, or shorter than the item: the basket then says so rather than quoting
 * words that are no longer there).
 */
export function basketItemQuote(snapshot: ProjectSnapshot, item: BasketItem): Quote | null {
  const source = snapshot.sources.find((s) => s.id === item.sourceId && s.deletedAt == null);
  if (!source || item.end > source.text.length) return null;
  return {
    text: source.text.slice(item.start, item.end),
    sourceId: source.id,
    start: item.start,
    end: item.end,
    participantId: source.participantId ?? '',
    wave: source.wave ?? '',
    codeIds: item.codeIds,
  };
}
