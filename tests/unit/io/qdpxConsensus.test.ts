// The consensus layer through a .qdpx: REFI-QDA Users have only a GUID, a name and an id, so
// the export marks the consensus user with a project Note that names it (readable in any
// tool), and the import recognises that Note and gives the coder back its consensus flag,
// so the layer is never compared as a third coder unless someone chooses it.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { refiSample, validate } from '../../fixtures/refi';
import { IDS, smallProject } from '../../fixtures/snapshots';

const CONSENSUS_ID = '2b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e09';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const read = (bytes: Uint8Array, name = 'consensus.qdpx') => readQdpx(bytes, name, { newId, now: 0 });
const qde = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['project.qde']!);
/** The archive again, with its project.qde changed as another tool might have rewritten it. */
const rewritten = (bytes: Uint8Array, edit: (xml: string) => string) => {
  const entries = unzipSync(bytes);
  entries['project.qde'] = strToU8(edit(qde(bytes)));
  return zipSync(entries);
};

/** Ana and Ben coded; one disagreement was resolved into the Consensus layer. */
function withConsensus(): ProjectSnapshot {
  const project = smallProject();
  const first = project.codings[1]!;
  return {
    ...project,
    coders: [...project.coders, { id: CONSENSUS_ID, name: 'Consensus', colour: '#5b6472', consensus: true }],
    codings: [...project.codings, { ...first, id: '4b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e09', coderId: CONSENSUS_ID }],
  };
}

describe('the consensus layer in a .qdpx', () => {
  it('is marked in a schema-valid export by a project note that names its user', async () => {
    const xml = qde(await writeQdpx(withConsensus()));
    const result = validate(xml, 'Project-mrt2019.xsd');
    expect(result.valid, result.output).toBe(true);
    const note =
      /<Note guid="([^"]+)" name="Consensus layer" plainTextPath="internal:\/\/[^"]+"[^>]*><PlainTextContent>([^<]*)<\/PlainTextContent><\/Note>/.exec(
        xml,
      );
    expect(note).not.toBeNull();
    // Readable in NVivo or ATLAS.ti, and machine-readable here.
    expect(note![2]).toMatch(/"Consensus" is not a coder/);
    expect(note![2]).toContain(`Consensus users: ${CONSENSUS_ID}`);
    // A note about the project as a whole.
    expect(xml).toMatch(new RegExp(`<NoteRef targetGUID="${note![1]}"/></Project>`));
  });

  it('comes back as the consensus layer, not as a memo or a third coder', async () => {
    const { project, warnings } = await read(await writeQdpx(withConsensus()));
    expect(warnings).toEqual([]);
    expect(project.coders.map((c) => [c.name, c.consensus === true])).toEqual([
      ['Ana (coder A)', false],
      ['Ben (coder B)', false],
      ['Consensus', true],
    ]);
    expect(project.memos!.map((m) => m.title)).not.toContain('Consensus layer');
    expect(project.memos).toHaveLength(smallProject().memos!.length);
  });

  it('exports the re-imported project to the same bytes', async () => {
    const bytes = await writeQdpx(withConsensus());
    const { project } = await read(bytes);
    expect(Buffer.from(await writeQdpx(project)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is recognised by the note alone: another tool may rename the note GUID and the project', async () => {
    const bytes = await writeQdpx(withConsensus());
    const xml = qde(bytes);
    const noteGuid = /<Note guid="([^"]+)" name="Consensus layer"/.exec(xml)![1]!;
    const other = rewritten(bytes, (x) =>
      x
        .replaceAll(noteGuid, 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE')
        .replace(/origin="[^"]*"/, 'origin="NVivo 15"')
        .replaceAll(CONSENSUS_ID, `{${CONSENSUS_ID.toUpperCase()}}`),
    );
    const { project } = await read(other);
    expect(project.coders.filter((c) => c.consensus).map((c) => c.name)).toEqual(['Consensus']);
  });

  it('writes no note when there is no consensus layer, and marks nobody on import', async () => {
    const bytes = await writeQdpx(smallProject());
    expect(qde(bytes)).not.toMatch(/Consensus layer/);
    const { project } = await read(bytes);
    expect(project.coders.some((c) => c.consensus)).toBe(false);
    const nvivo = await read(refiSample('nvivo-mac-15.0.0__nvivo_project.qdpx'));
    expect(nvivo.project.coders.some((c) => c.consensus)).toBe(false);
  });

  it('a note naming a user the file does not list marks nobody and says so', async () => {
    const bytes = await writeQdpx(withConsensus());
    const other = rewritten(bytes, (x) =>
      x.replace(`Consensus users: ${CONSENSUS_ID}`, 'Consensus users: 9b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e77'),
    );
    const { project, warnings } = await read(other);
    expect(project.coders.some((c) => c.consensus)).toBe(false);
    expect(warnings.join('\n')).toMatch(/consensus layer names a user .*9b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e77.* not listed/i);
    expect(project.coders.map((c) => c.id)).toEqual([IDS.ana, IDS.ben, CONSENSUS_ID]);
  });
});
