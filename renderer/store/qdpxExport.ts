// What an export to .qdpx is made of: the project's snapshot with its name, roles, attribute
// columns and sets, and the summary its preview shows. Used by the .qdpx worker, which loads
// the snapshot in its own thread and keeps it between the preview and the writing, and by
// exchange.ts where the snapshot is wanted here.
import { carriedByQdpx, sourcesBeyondBmp } from '../core/merge';
import { live, type AttributeDef, type MediaRef, type ProjectSet, type ProjectSnapshot, type RoleDef } from '../core/shared';
import type { ProjectDb } from './projectDb';
import { loadSnapshot } from './projectRepo';

/** Everything an export carries; `name` is the project's, from the registry. */
export async function snapshotForExport(db: ProjectDb, name: string | undefined): Promise<ProjectSnapshot> {
  const [snapshot, roles, attributeDefs, sets, recordings] = await Promise.all([
    loadSnapshot(db),
    db.meta.get('roles'),
    db.meta.get('attributeDefs'),
    db.meta.get('sets'),
    db.recordings.toArray(),
  ]);
  const media = recordings
    .filter((r) => r.deletedAt == null)
    .map((r): MediaRef => ({ sourceId: r.sourceId, fileName: r.fileName, mediaType: r.mediaType, path: r.link?.path ?? null }));
  return {
    ...snapshot,
    ...(media.length ? { media } : {}),
    name,
    roles: roles?.value as RoleDef[] | undefined,
    attributeDefs: (attributeDefs?.value as AttributeDef[] | undefined) ?? [],
    sets: (sets?.value as ProjectSet[] | undefined) ?? [],
  };
}

/** What the export preview and the closing status say of the file. */
export interface QdpxExportSummary {
  name: string | undefined;
  /** Live transcripts, codes and codings. */
  sources: number;
  codes: number;
  codings: number;
  /** What the file carries, in words (core/exportLeftBehind). */
  carried: string[];
  /** Titles of transcripts with characters outside the BMP: positions differ in NVivo. */
  beyondBmp: string[];
}

export function exportSummary(snapshot: ProjectSnapshot): QdpxExportSummary {
  return {
    name: snapshot.name,
    sources: live(snapshot.sources).length,
    codes: live(snapshot.codes).length,
    codings: live(snapshot.codings).length,
    carried: carriedByQdpx(snapshot),
    beyondBmp: sourcesBeyondBmp(snapshot),
  };
}
