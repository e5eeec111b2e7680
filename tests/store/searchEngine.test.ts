// The search engine over a real project database (fake IndexedDB, no worker: the host runs on
// this thread, the same code the worker runs): it indexes what is missing and stores it, picks
// the stored index up again, follows imports, the bin and purges, and keeps the index sealed in
// an encrypted project.
import { beforeEach, describe, expect, it } from 'vitest';
import { hitCounts, searchText, unpackHits, type SearchProject } from '../../renderer/core/search';
import { purgeSource } from '../../renderer/store/bin';
import { encryptProject } from '../../renderer/store/encryption';
import { closeProjectDb, projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { loadSnapshot, softDeleteSource } from '../../renderer/store/projectRepo';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { SearchEngine } from '../../renderer/store/searchEngine';
import { freshRegistry, rawDump } from './helpers';

let projectId: string;
let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  projectId = (await createSampleProject()).id;
  db = projectDb(projectId);
});

async function searchProjectOf(): Promise<SearchProject> {
  const snapshot = await loadSnapshot(db);
  return { ...snapshot, sources: snapshot.sources.map(({ text: _t, turns: _u, ...meta }) => meta) };
}

describe('the search engine', () => {
  it('indexes every transcript once, stores it, and finds what the reference scan finds', async () => {
    const engine = new SearchEngine(db);
    const progress: number[] = [];
    expect(await engine.sync((p) => progress.push(p.done))).toEqual({ added: 12, indexed: 12 });
    expect(progress.at(-1)).toBe(12);
    expect(await db.searchIndex.count()).toBe(12);
    const snapshot = await loadSnapshot(db);
    for (const query of ['police', 'he NEAR/3 changed', '"the programme"', 'angr* OR shout*', '/resp\\w+/']) {
      for (const speaker of ['participant', 'both'] as const) {
        const hits = await engine.search(await searchProjectOf(), query, { speaker });
        expect(hits, query).toEqual(searchText(snapshot, query, { speaker }));
        // The concordance of the last search, page by page, in reading order and sorted.
        const lines = await engine.lines('place', 0, hits.length, 40);
        expect(lines.map(({ sourceId, start, end }) => ({ sourceId, start, end }))).toEqual(hits);
        for (const l of lines)
          expect(l.keyword).toBe(
            snapshot.sources
              .find((s) => s.id === l.sourceId)!
              .text.slice(l.start, l.end)
              .replace(/\s+/g, ' '),
          );
        expect(await engine.lines('place', 2, 5, 40)).toEqual(lines.slice(2, 5));
        const right = await engine.lines('right', 0, hits.length, 40);
        expect(right.map((l) => l.start).sort((a, b) => a - b)).toEqual(lines.map((l) => l.start).sort((a, b) => a - b));
      }
    }
    expect((await engine.search(await searchProjectOf(), 'separated OR he')).length).toBeGreaterThan(5);
    // Nothing more to do the second time.
    expect(await engine.sync()).toEqual({ added: 0, indexed: 0 });
  });

  it('reports a search as counts per transcript, and gives its hits only while it is the last', async () => {
    const engine = new SearchEngine(db);
    const project = await searchProjectOf();
    const snapshot = await loadSnapshot(db);
    const found = await engine.find(project, 'police', { speaker: 'both' });
    const expected = searchText(snapshot, 'police', { speaker: 'both' });
    expect(hitCounts(snapshot, snapshot.sources, found)).toEqual(hitCounts(snapshot, snapshot.sources, expected));
    expect(unpackHits(await engine.hitsOf(found.search))).toEqual(expected);
    // Another search has replaced it in the worker: its hits are refused, not confused.
    const next = await engine.find(project, 'angr*', { speaker: 'both' });
    await expect(engine.hitsOf(found.search)).rejects.toThrow('Another search has run since');
    expect(unpackHits(await engine.hitsOf(next.search))).toEqual(searchText(snapshot, 'angr*', { speaker: 'both' }));
    // A search that cannot be read replaces it too.
    await expect(engine.find(project, '"unclosed', { speaker: 'both' })).rejects.toThrow();
    await expect(engine.hitsOf(next.search)).rejects.toThrow('Another search has run since');
  });

  it('picks the stored index up in a new session without indexing again', async () => {
    await new SearchEngine(db).sync();
    const again = new SearchEngine(db);
    expect(await again.sync()).toEqual({ added: 12, indexed: 0 });
    expect((await again.search(await searchProjectOf(), 'separated OR he')).length).toBeGreaterThan(5);
  });

  it('makes again a stored part that does not fit the text any more, or is damaged', async () => {
    await new SearchEngine(db).sync();
    const [first, second] = await db.searchIndex.limit(2).toArray();
    await db.searchIndex.update(first!.sourceId, { fingerprint: 'stale' });
    await db.searchIndex.update(second!.sourceId, { numbers: 'AAAA' });
    expect(await new SearchEngine(db).sync()).toEqual({ added: 12, indexed: 2 });
    expect((await db.searchIndex.get(first!.sourceId))!.fingerprint).not.toBe('stale');
  });

  it('follows the bin and purges: a binned transcript is not searched, a purged one leaves no index', async () => {
    const engine = new SearchEngine(db);
    await engine.sync();
    const snapshot = await loadSnapshot(db);
    const dale = snapshot.sources.find((s) => s.title === 'Dale_T1')!;
    const before = await engine.search(await searchProjectOf(), 'the', { speaker: 'both' });
    expect(before.some((h) => h.sourceId === dale.id)).toBe(true);
    await softDeleteSource(db, dale.id);
    expect(engine.size).toBe(12);
    // Its hits are gone at once (the project searched no longer lists it); the view's sync, on
    // the change of the transcript list, drops it from the worker too.
    const after = await engine.search(await searchProjectOf(), 'the', { speaker: 'both' });
    expect(after.some((h) => h.sourceId === dale.id)).toBe(false);
    expect(await engine.sync()).toEqual({ added: 0, indexed: 0 });
    expect(engine.size).toBe(11);
    expect(await db.searchIndex.get(dale.id)).toBeDefined(); // kept for a restore
    await purgeSource(db, dale.id);
    expect(await db.searchIndex.get(dale.id)).toBeUndefined();
  });

  it('sends the project once while it is the same object, and follows a new one or a transcript that left', async () => {
    const engine = new SearchEngine(db);
    await engine.sync();
    const project = await searchProjectOf();
    const dale = project.sources.find((s) => s.title === 'Dale_T1')!;
    const all = await engine.search(project, 'the', { speaker: 'both' });
    // The same object again, with a filter: the held project, filtered anew.
    const waveOne = await engine.search(project, 'the', { speaker: 'both', waves: ['T1'] });
    const snapshot = await loadSnapshot(db);
    expect(waveOne).toEqual(searchText(snapshot, 'the', { speaker: 'both', waves: ['T1'] }));
    expect(await engine.search(project, 'the', { speaker: 'both' })).toEqual(all);
    // A new project object (Dale renamed away from the filter's wave): sent and read afresh.
    const moved = { ...project, sources: project.sources.map((s) => (s.id === dale.id ? { ...s, wave: 'T2' } : s)) };
    const movedHits = await engine.search(moved, 'the', { speaker: 'both', waves: ['T1'] });
    expect(movedHits.some((h) => h.sourceId === dale.id)).toBe(false);
    // The held project after the worker let a transcript go: its hits go with it.
    await softDeleteSource(db, dale.id);
    await engine.sync();
    const after = await engine.search(project, 'the', { speaker: 'both' });
    expect(after.some((h) => h.sourceId === dale.id)).toBe(false);
    expect(after.length).toBeLessThan(all.length);
  });

  it('prepares a search as the Search tab opens: the project goes with it, and the search after finds what the reference scan finds', async () => {
    const engine = new SearchEngine(db);
    const project = await searchProjectOf();
    await engine.prepare(project, { speaker: 'both' }); // brings the index in step first
    expect(await db.searchIndex.count()).toBe(12);
    const hits = await engine.search(project, 'police', { speaker: 'both' });
    expect(hits).toEqual(searchText(await loadSnapshot(db), 'police', { speaker: 'both' }));
    expect(hits.length).toBeGreaterThan(0);
  });

  it('keeps the index sealed in an encrypted project: no word of it in clear', async () => {
    await encryptProject(projectId, 'seven blue herons at dusk');
    const engine = new SearchEngine(db);
    expect((await engine.sync()).indexed).toBe(12);
    expect((await engine.search(await searchProjectOf(), 'separation')).length).toBeGreaterThan(0);
    expect(await db.searchIndex.count()).toBe(12);
    const { text } = await rawDump(projectId);
    expect(text.toLowerCase()).not.toContain('separation');
    closeProjectDb(projectId);
  });
});
