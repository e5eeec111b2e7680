import { describe, expect, it } from 'vitest';
import { importPreview } from '../../../renderer/core/merge';
import { smallProject } from '../../fixtures/snapshots';

describe('what the import dialog says of a .qdpx', () => {
  it('counts what the file holds and names its coders, consensus layer, waves, sets and rich-text originals', () => {
    const project = smallProject();
    const [first, second] = project.sources;
    const withExtras = {
      ...project,
      codes: [...project.codes, { ...project.codes[0]!, id: 'group', name: 'A group', notCodable: true }],
      coders: [
        { id: 'z', name: 'Zoë', colour: '#000000' },
        { id: 'a', name: 'Ana', colour: '#000000' },
        { id: 'c', name: 'Consensus', colour: '#000000', consensus: true },
      ],
      codings: project.codings.map((c) => ({ ...c, sourceId: first!.id })),
      sources: [first!, { ...second!, originalDocx: 'UEsDBA==' }],
      sets: [{ id: 'set', name: 'Court referrals', description: '', sourceIds: [], codeIds: [] }],
    };
    expect(importPreview(withExtras)).toEqual({
      name: project.name,
      sources: 2,
      codedSources: 1,
      participants: project.participants.length,
      codes: project.codes.length + 1,
      categories: 1,
      codings: project.codings.length,
      coders: ['Ana', 'Zoë'],
      consensusLayer: ['Consensus'],
      memos: project.memos?.length ?? 0,
      richText: [second!.title],
      waves: ['Time 1', 'Time 2'],
      sets: ['Court referrals'],
    });
  });
});
