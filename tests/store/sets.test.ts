// Sets through the store: a .qdpx's sets become the new project's, the Transcripts tab's saves
// are logged, and the export carries them back out.
import { beforeEach, describe, expect, it } from 'vitest';
import { addSet, setSourceMembership } from '../../renderer/core/project';
import { readQdpx, writeQdpx } from '../../renderer/io/qdpx';
import { createProjectFromSnapshot, exportSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { loadSetup, saveSets } from '../../renderer/store/projectRepo';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

describe('sets in a project', () => {
  it('are saved, logged, exported and come back in the project a .qdpx makes', async () => {
    const sample = await createSampleProject();
    const db = projectDb(sample.id);
    const snapshot = await exportSnapshot(db);
    const [first, second] = snapshot.sources;
    let sets = addSet([], 'Read twice', 'aaaaaaaa-0000-4000-8000-000000000001');
    sets = setSourceMembership(sets, sets[0]!.id, first!.id, true);
    sets = setSourceMembership(sets, sets[0]!.id, second!.id, true);
    await saveSets(db, sets, 'Created set "Read twice"');
    expect((await loadSetup(db)).sets).toEqual(sets);
    expect((await db.history.toArray()).at(-1)).toMatchObject({
      action: 'sets.save',
      summary: 'Created set "Read twice"',
      undoable: false,
    });

    const { project, warnings } = await readQdpx(await writeQdpx(await exportSnapshot(db)), 'sample.qdpx');
    expect(warnings).toEqual([]);
    const entry = await createProjectFromSnapshot(project, 'sample.qdpx');
    expect((await loadSetup(projectDb(entry.id))).sets).toEqual(sets);
  });
});
