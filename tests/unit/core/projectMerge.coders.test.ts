// planMerge and coders: matching by id or name, fresh ids for clashes, and the consensus layer.
import { describe, expect, it } from 'vitest';
import type { Coder } from '../../../renderer/core/shared/model';
import { planMerge } from '../../../renderer/core/merge/projectMerge';
import { code, source, coding, coder, snapshot, options, createdIn } from '../../fixtures/mergeBuilders';

// ---- coders ---------------------------------------------------------------------------------

describe('planMerge: coders', () => {
  const text = 'abcdefghijklmnopqrstuvwxyz';
  const current = snapshot({
    sources: [source('s1', 'T', text)],
    codes: [code('c1', 'A')],
    coders: [coder('k1', 'Ann'), coder('k2', 'Ben')],
  });

  it('matches by id, then by name (without case or space), and adds the rest keeping their id and colour', () => {
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('k1', 'Annie'), coder('kb', ' BEN '), coder('kc', 'Cara', '#8a3fb5')],
      codings: [
        coding('y1', 'x1', 'c1', 'k1', 0, 2),
        coding('y2', 'x1', 'c1', 'kb', 0, 2),
        coding('y3', 'x1', 'c1', 'kb', 3, 5),
        coding('y4', 'x1', 'c1', 'kc', 0, 2),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.coders).toEqual({
      matched: [
        { incoming: 'Annie', existing: 'Ann', codingsAdded: 1, codingsAlreadyPresent: 0 },
        { incoming: ' BEN ', existing: 'Ben', codingsAdded: 2, codingsAlreadyPresent: 0 },
      ],
      added: [{ name: 'Cara', codingsAdded: 1, codingsAlreadyPresent: 0 }],
    });
    expect(createdIn(plan, 'coders')).toEqual([coder('kc', 'Cara', '#8a3fb5')]);
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['k1', 'k2', 'k2', 'kc']);
  });

  it('gives a new coder a fresh id when the id is taken, and never merges two coders of the file into one', () => {
    // "Ann" of the file takes Ann here by name; "Dan" carries Ann's id, so he is added with a new id.
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('kz', 'ann'), coder('k1', 'Dan', '#2f9b6d'), coder('kd', 'Dan')],
      codings: [coding('y1', 'x1', 'c1', 'kz', 0, 2), coding('y2', 'x1', 'c1', 'k1', 4, 6)],
    });
    const plan = planMerge(current, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([coder('new1', 'Dan', '#2f9b6d'), coder('kd', 'Dan (2)')]);
    expect(createdIn(plan, 'codings')).toEqual([coding('new2', 's1', 'c1', 'k1', 0, 2), coding('new3', 's1', 'c1', 'new1', 4, 6)]);
    expect(plan.summary.coders).toEqual({
      matched: [{ incoming: 'ann', existing: 'Ann', codingsAdded: 1, codingsAlreadyPresent: 0 }],
      added: [
        { name: 'Dan', codingsAdded: 1, codingsAlreadyPresent: 0 },
        { name: 'Dan (2)', codingsAdded: 0, codingsAlreadyPresent: 0 },
      ],
    });
    expect(plan.warnings).toEqual(['Coder "Dan" is added as "Dan (2)", as that name is already taken.']);
  });

  const consensus = (id: string, name = 'Consensus'): Coder => ({ ...coder(id, name, '#5b6472'), consensus: true });

  it("adds the file's consensus layer as the consensus layer, not as one more coder", () => {
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('k1', 'Ann'), consensus('kc')],
      codings: [coding('y1', 'x1', 'c1', 'kc', 0, 2)],
    });
    const plan = planMerge(current, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([consensus('kc')]);
    expect(plan.summary.coders.added).toEqual([{ name: 'Consensus', consensus: true, codingsAdded: 1, codingsAlreadyPresent: 0 }]);
  });

  it("puts the file's consensus codings into the consensus layer here, whatever either is called", () => {
    const here = snapshot({ ...current, coders: [...current.coders, consensus('kh', 'Agreed')] });
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [consensus('kc', 'Consensus (2)')],
      codings: [coding('y1', 'x1', 'c1', 'kc', 0, 2)],
    });
    const plan = planMerge(here, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([]);
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['kh']);
    expect(plan.summary.coders.matched).toEqual([
      { incoming: 'Consensus (2)', existing: 'Agreed', consensus: true, codingsAdded: 1, codingsAlreadyPresent: 0 },
    ]);
  });

  it('never takes a coder of the file for the consensus layer here by name, nor the other way round', () => {
    const here = snapshot({ ...current, coders: [...current.coders, consensus('kh')] });
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      // A colleague who happens to be called "Consensus", and a consensus layer called "Ben".
      coders: [coder('kx', 'Consensus'), consensus('ky', 'Ben')],
      codings: [coding('y1', 'x1', 'c1', 'kx', 0, 2), coding('y2', 'x1', 'c1', 'ky', 3, 5)],
    });
    const plan = planMerge(here, incoming, options());
    const added = createdIn(plan, 'coders');
    expect(added).toEqual([coder('kx', 'Consensus (2)')]);
    expect(added[0]!.consensus).toBeUndefined();
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['kx', 'kh']);
  });
});
