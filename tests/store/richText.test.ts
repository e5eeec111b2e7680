// Rich-text originals in a project: kept with the transcript's content (sealed with it when the
// project is encrypted, never in the listed metadata), in archives, and in the next .qdpx.
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { readQdpx, writeQdpx } from '../../renderer/io/qdpx';
import { exportArchive, importArchive } from '../../renderer/store/archive';
import { encryptProject, lockProject, unlockProject } from '../../renderer/store/encryption';
import { createProjectFromSnapshot, exportSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { refiSample } from '../fixtures/refi';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

const docxOf = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes))
    .filter(([name]) => /\.docx$/i.test(name))
    .map(([, b]) => b.length)
    .sort();

describe('rich-text originals in a project', () => {
  it('stay with their transcripts through the database, encryption, an archive and the next export', async () => {
    const sample = refiSample('nvivo-mac-15.0.0__nvivo_project.qdpx');
    const { project } = await readQdpx(sample, 'nvivo.qdpx');
    const entry = await createProjectFromSnapshot(project, 'nvivo.qdpx');
    const db = projectDb(entry.id);
    expect((await db.sources.toArray()).some((s) => 'originalDocx' in s)).toBe(false); // not in the listed metadata
    expect(docxOf(await writeQdpx(await exportSnapshot(db)))).toEqual(docxOf(sample));

    await encryptProject(entry.id, 'a long enough passphrase');
    lockProject(entry.id);
    await unlockProject(entry.id, 'a long enough passphrase');
    const restored = await importArchive(await exportArchive(entry.id), 'nvivo.mirabal', { secret: 'a long enough passphrase' });
    await unlockProject(restored.id, 'a long enough passphrase');
    expect(docxOf(await writeQdpx(await exportSnapshot(projectDb(restored.id))))).toEqual(docxOf(sample));
  }, 60_000);
});
