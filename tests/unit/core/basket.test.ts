import { describe, expect, it } from 'vitest';
import {
  addToBasket,
  basketItemQuote,
  basketOrder,
  cutFromBasketItem,
  editBasketItem,
  moveInBasket,
  removeFromBasket,
  restoreBasketItem,
} from '../../../renderer/core/quotes/basket';
import { applyToArrays, invert } from '../../../renderer/core/shared/changes';
import type { BasketItem, ProjectSnapshot } from '../../../renderer/core/shared/model';

let n = 0;
const newId = () => `b${++n}`;
const passage = (sourceId: string, start: number, end: number) => ({ sourceId, start, end, codeIds: ['c'] });

function basketWith(count: number): BasketItem[] {
  n = 0;
  const state = { basketItems: [] as BasketItem[] };
  applyToArrays(
    state,
    addToBasket(
      [],
      Array.from({ length: count }, (_, i) => passage('s', i * 10, i * 10 + 5)),
      newId,
      1,
    ),
  );
  return state.basketItems;
}

describe('quote basket', () => {
  it('adds passages in order, once each, after what is there', () => {
    const items = basketWith(2);
    expect(items.map((i) => [i.id, i.order, i.start, i.label, i.usedIn, i.cuts])).toEqual([
      ['b1', 0, 0, '', '', []],
      ['b2', 1, 10, '', '', []],
    ]);
    const again = addToBasket(items, [passage('s', 0, 5), passage('t', 3, 9), passage('t', 3, 9)], newId, 2, 'Paper 2');
    expect(again.label).toBe('Add a quote to the basket');
    expect(again.changes.map((c) => c.after)).toEqual([
      expect.objectContaining({ sourceId: 't', order: 2, usedIn: 'Paper 2', addedAt: 2 }),
    ]);
  });

  it('moves up, down and to a place, renumbering only what moved; undo restores the order', () => {
    const state = { basketItems: basketWith(4) };
    const move = moveInBasket(state.basketItems, 'b4', 0, 5);
    applyToArrays(state, move);
    expect(basketOrder(state.basketItems).map((i) => i.id)).toEqual(['b4', 'b1', 'b2', 'b3']);
    expect(move.changes).toHaveLength(4);
    applyToArrays(state, invert(move));
    expect(basketOrder(state.basketItems).map((i) => i.id)).toEqual(['b1', 'b2', 'b3', 'b4']);
    applyToArrays(state, move);
    applyToArrays(state, moveInBasket(state.basketItems, 'b2', 'down', 6));
    expect(basketOrder(state.basketItems).map((i) => i.id)).toEqual(['b4', 'b1', 'b3', 'b2']);
    expect(moveInBasket(state.basketItems, 'b4', 'up', 7).changes).toEqual([]);
    expect(moveInBasket(state.basketItems, 'b2', 'down', 7).changes).toEqual([]);
  });

  it('labels, notes the paper, and says nothing changed when nothing did', () => {
    const [item] = basketWith(1);
    const label = editBasketItem(item!, { label: 'the coin' }, 3);
    expect(label.label).toBe('Label a quote');
    expect(label.changes[0]!.after).toMatchObject({ label: 'the coin', usedIn: '', updatedAt: 3 });
    expect(editBasketItem(item!, { usedIn: 'Chapter 4' }, 3).label).toBe('Note where a quote is used');
    expect(editBasketItem(item!, { label: '' }, 3).changes).toEqual([]);
  });

  it('cuts stretches out, clipped and merged, never the whole quote; restore brings it back', () => {
    const [item] = basketWith(1); // 0..5
    const state = { basketItems: [item!] };
    applyToArrays(state, cutFromBasketItem(state.basketItems[0]!, 1, 2, 4));
    applyToArrays(state, cutFromBasketItem(state.basketItems[0]!, 2, 3, 5)); // touches: merged
    applyToArrays(state, cutFromBasketItem(state.basketItems[0]!, -4, 0, 6)); // outside: nothing
    expect(state.basketItems[0]!.cuts).toEqual([{ start: 1, end: 3 }]);
    expect(cutFromBasketItem(state.basketItems[0]!, 0, 9, 7).changes).toEqual([]);
    applyToArrays(state, restoreBasketItem(state.basketItems[0]!, 8));
    expect(state.basketItems[0]!.cuts).toEqual([]);
  });

  it('removes softly, and the basket order skips removed items', () => {
    const items = basketWith(3);
    const state = { basketItems: items };
    const remove = removeFromBasket(state.basketItems, ['b2'], 9);
    expect(remove.label).toBe('Remove a quote from the basket');
    applyToArrays(state, remove);
    expect(state.basketItems.find((i) => i.id === 'b2')!.deletedAt).toBe(9);
    expect(basketOrder(state.basketItems).map((i) => i.id)).toEqual(['b1', 'b3']);
    expect(removeFromBasket(state.basketItems, ['b2'], 10).changes).toEqual([]);
  });
});

describe('a basket item’s quote', () => {
  const item = (start: number, end: number, sourceId = 's1'): BasketItem => ({
    id: 'b',
    sourceId,
    start,
    end,
    codeIds: ['c'],
    label: '',
    usedIn: '',
    cuts: [],
    order: 0,
    addedAt: 1,
    updatedAt: 1,
    deletedAt: null,
  });
  const project = {
    sources: [
      { id: 's1', participantId: 'p1', wave: 'T2', title: 'Dale T2', text: 'We talk now. Family first.', turns: [], origin: {} },
      { id: 's2', participantId: null, wave: null, title: 'gone', text: 'Deleted.', turns: [], origin: {}, deletedAt: 5 },
    ],
  } as unknown as ProjectSnapshot;

  it('is read from its transcript as it is now, with its participant and wave', () => {
    expect(basketItemQuote(project, item(0, 12))).toEqual({
      text: 'We talk now.',
      sourceId: 's1',
      start: 0,
      end: 12,
      participantId: 'p1',
      wave: 'T2',
      codeIds: ['c'],
    });
  });

  it('is null when the transcript is deleted, missing, or shorter than the item', () => {
    expect(basketItemQuote(project, item(0, 5, 's2'))).toBeNull();
    expect(basketItemQuote(project, item(0, 5, 'nope'))).toBeNull();
    expect(basketItemQuote(project, item(10, 99))).toBeNull();
  });
});
