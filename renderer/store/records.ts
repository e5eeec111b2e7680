// The records every coding screen reads (codes, coders, memos), basket items and transcript
// texts, as plain arrays: views read the project only through store functions like these.
import { basketOrder } from '../core/quotes';
import { live, type BasketItem, type Code, type Coder, type Memo } from '../core/shared';
import type { ProjectDb, SourceMeta } from './projectDb';

/** Live codes in codebook order, coders by name, live memos. */
export async function loadRecords(db: ProjectDb): Promise<{ codes: Code[]; coders: Coder[]; memos: Memo[] }> {
  const [codes, coders, memos] = await Promise.all([db.codes.toArray(), db.coders.toArray(), db.memos.toArray()]);
  return {
    codes: live(codes).sort((a, b) => a.order - b.order),
    coders: coders.sort((a, b) => a.name.localeCompare(b.name)),
    memos: live(memos),
  };
}

/** Every transcript's metadata, deleted ones included (counts tell them apart). */
export function allSourceMetas(db: ProjectDb): Promise<SourceMeta[]> {
  return db.sources.toArray();
}

/** Title and text of the given transcripts, by id ('?' and '' for one that is gone). */
export async function sourceTexts(db: ProjectDb, ids: readonly string[]): Promise<Map<string, { title: string; text: string }>> {
  const [metas, contents] = await Promise.all([db.sources.bulkGet([...ids]), db.sourceContent.bulkGet([...ids])]);
  return new Map(ids.map((id, i) => [id, { title: metas[i]?.title ?? '?', text: contents[i]?.text ?? '' }]));
}

/** The basket in the author's order. */
export async function loadBasket(db: ProjectDb): Promise<BasketItem[]> {
  return basketOrder(await db.basketItems.toArray());
}

/** One basket item as stored now (for an edit built on the freshest record). */
export function getBasketItem(db: ProjectDb, id: string): Promise<BasketItem | undefined> {
  return db.basketItems.get(id);
}
