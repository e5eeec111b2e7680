// planMerge and codes: matching by id, path or unique name, and creating the unmatched ones in place.
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../renderer/core/merge/projectMerge';
import { code, snapshot, options, createdIn } from '../../fixtures/mergeBuilders';

// ---- codes ----------------------------------------------------------------------------------

describe('planMerge: codes', () => {
  const current = snapshot({
    codes: [
      code('p1', 'Techniques', null, 0),
      code('c1', 'Time Out', 'p1', 0),
      code('c2', 'Breathing', 'p1', 1),
      code('g1', 'Gender', null, 1),
      code('g2', 'Knowing best', 'g1', 0),
      code('a1', 'Anger', 'p1', 2),
      code('a2', 'Anger', 'g1', 1),
      code('d1', 'Dropped', null, 2, { deletedAt: 4 }),
    ],
  });

  it('matches by id, then by path, then by a unique name; an ambiguous name makes a new code', () => {
    const incoming = snapshot({
      codes: [
        code('p1', 'Techniques (renamed)', null, 0), // by id
        code('zc', ' time out', 'p1', 0), // its path names the renamed parent: matched by its unique name
        code('zg', 'GENDER', null, 1), // by path
        code('zk', 'Knowing Best', null, 2), // by unique name, elsewhere in the tree
        code('za', 'Anger', null, 3), // two "Anger" here: a new code
        code('zd', 'Dropped', null, 4), // only a deleted code here: a new code
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes).toEqual({
      matchedById: [{ incoming: 'Techniques (renamed)', existing: 'Techniques' }],
      matchedByPath: [{ incoming: 'GENDER', existing: 'Gender' }],
      matchedByName: [
        { incoming: 'Techniques (renamed) /  time out', existing: 'Techniques / Time Out' },
        { incoming: 'Knowing Best', existing: 'Gender / Knowing best' },
      ],
      added: ['Anger', 'Dropped'],
    });
    expect(createdIn(plan, 'codes')).toEqual([code('new1', 'Anger', null, 2), code('new2', 'Dropped', null, 3)]);
  });

  it('a path match needs the same parents: a moved code falls back to its name', () => {
    const incoming = snapshot({ codes: [code('x', 'Gender'), code('y', 'Time Out', 'x')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByPath).toEqual([{ incoming: 'Gender', existing: 'Gender' }]);
    expect(plan.summary.codes.matchedByName).toEqual([{ incoming: 'Gender / Time Out', existing: 'Techniques / Time Out' }]);
  });

  it('matches by name only when the name is unique in the file too', () => {
    const incoming = snapshot({ codes: [code('x', 'Other'), code('y', 'Breathing', 'x'), code('z', 'Breathing')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByName).toEqual([]);
    expect(plan.summary.codes.added).toEqual(['Other', 'Other / Breathing', 'Breathing']);
  });

  it('creates every unmatched code, parents first, under the mapped parent after its siblings, keeping its fields', () => {
    const fields = {
      description: 'Stepping away',
      inclusion: 'Leaving the room',
      exclusion: 'Sulking',
      examples: '"I went out"',
      colour: '#abcdef',
    };
    const incoming = snapshot({
      codes: [
        code('zt', 'Techniques', null, 0),
        code('zn', 'New family', 'zn0', 5), // parent listed later in the file, created first
        code('zn0', 'New parent', null, 9),
        code('zw', 'Walk away', 'zt', 7, fields),
        code('zq', 'Quiet', 'zt', 3),
        code('zx', 'Deleted child', 'zt', 1, { deletedAt: 2 }),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByPath).toEqual([{ incoming: 'Techniques', existing: 'Techniques' }]);
    // Siblings in the file's order, numbered after "Anger" (order 2) under Techniques; "Dropped" is deleted.
    expect(createdIn(plan, 'codes')).toEqual([
      code('new1', 'Quiet', 'p1', 3),
      code('new2', 'Walk away', 'p1', 4, fields),
      code('new3', 'New parent', null, 2),
      code('new4', 'New family', 'new3', 0),
    ]);
    expect(plan.summary.codes.added).toEqual(['Techniques / Quiet', 'Techniques / Walk away', 'New parent', 'New parent / New family']);
  });

  it('never maps two codes of the file to one code here; a clashing new name is made unique', () => {
    const incoming = snapshot({ codes: [code('g1', 'Sexism'), code('zg', 'Gender')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedById).toEqual([{ incoming: 'Sexism', existing: 'Gender' }]);
    expect(plan.summary.codes.matchedByPath).toEqual([]);
    expect(createdIn(plan, 'codes')).toEqual([code('new1', 'Gender (2)', null, 2)]); // after Gender; "Dropped" is deleted
    expect(plan.warnings).toEqual(['Code "Gender" is added as "Gender (2)", as its place already holds a code of that name.']);
  });
});
