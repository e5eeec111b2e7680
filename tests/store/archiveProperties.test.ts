// Property test of the archive: any project the workbench can hold (generated, with emoji,
// line breaks, memos, cases, codings, a consensus layer), put in a database, archived and
// restored, gives back every table unchanged and exports again to the very same bytes.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportArchive, importArchive } from '../../renderer/store/archive';
import { createProjectFromSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { arbitraryProject } from '../fixtures/arbitraryProject';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

async function tablesOf(projectId: string): Promise<Record<string, unknown[]>> {
  const db = projectDb(projectId);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('project archive, for any project', () => {
  it('round-trips every table and re-exports byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryProject(), async (snapshot) => {
        freshRegistry();
        const original = await createProjectFromSnapshot(snapshot, 'generated.qdpx');
        const bytes = await exportArchive(original.id);
        const restored = await importArchive(bytes, 'generated.mirabal');
        expect(await tablesOf(restored.id)).toEqual(await tablesOf(original.id));
        expect(await exportArchive(restored.id)).toEqual(bytes);
      }),
      // Each run writes two databases in fake IndexedDB; 25 projects cover the shapes.
      { numRuns: 25 },
    );
  }, 120_000);
});
