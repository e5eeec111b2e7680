import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyToArrays, invert, type Action } from '../../../renderer/core/shared/changes';
import { PALETTE, childColour } from '../../../renderer/core/codebook/codebook';
import {
  codePath,
  createCode,
  deleteCode,
  deleteImpact,
  descendantIds,
  mergeCodes,
  mergeImpact,
  moveCode,
  moveCodeByKey,
  orderedTree,
  splitCode,
  updateCode,
} from '../../../renderer/core/codebook/codebookOps';
import type { Code, Coding } from '../../../renderer/core/shared/model';
import { ValidationError } from '../../../renderer/core/shared/errors';

const NOW = 1_700_000_000_000;
const mk = (id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name: id.toUpperCase(),
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: PALETTE[0]!,
  order,
  deletedAt: null,
  ...extra,
});
const cd = (id: string, codeId: string, extra: Partial<Coding> = {}): Coding => ({
  id,
  sourceId: 's1',
  codeId,
  coderId: 'k1',
  start: 0,
  end: 5,
  memo: '',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  ...extra,
});
// a: a1, a2 (a2x), a3 | b: b1 | c
const tree = (): Code[] => [
  mk('a', null, 0, { colour: PALETTE[0] }),
  mk('b', null, 1, { colour: PALETTE[1] }),
  mk('c', null, 2, { colour: PALETTE[2] }),
  mk('a1', 'a', 0),
  mk('a2', 'a', 1),
  mk('a3', 'a', 2),
  mk('a2x', 'a2', 0),
  mk('b1', 'b', 0),
];
const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};
const apply = (codes: Code[], action: Action, codings: Coding[] = []) => {
  const state = { codes: structuredClone(codes), codings: structuredClone(codings) };
  applyToArrays(state, action);
  return state;
};
const kids = (codes: Code[], parentId: string | null) =>
  codes
    .filter((c) => c.parentId === parentId && c.deletedAt == null)
    .sort((a, b) => a.order - b.order)
    .map((c) => `${c.id}:${c.order}`);
const changedIds = (action: Action) => action.changes.map((c) => (c.after ?? c.before)!.id);
const refuses = (fn: () => unknown, message: RegExp) => {
  expect(fn).toThrow(ValidationError);
  expect(fn).toThrow(message);
};

describe('tree queries', () => {
  it('walks depth-first by order, hides deleted subtrees and lifts orphans to the top', () => {
    const codes = [...tree().reverse(), mk('z', 'gone', 0), mk('d', null, 3, { deletedAt: 5 }), mk('dx', 'd', 0)];
    expect(orderedTree(codes).map((t) => `${t.code.id}@${t.depth}`)).toEqual([
      'a@0',
      'a1@1',
      'a2@1',
      'a2x@2',
      'a3@1',
      'b@0',
      'b1@1',
      'c@0',
      'z@0',
    ]);
    // Each row's place among its siblings (the tree's aria-posinset / aria-setsize); an orphan
    // lifted to the top counts among the top level.
    expect(orderedTree(codes).map((t) => `${t.code.id}:${t.position}/${t.siblings}`)).toEqual([
      'a:1/4',
      'a1:1/3',
      'a2:2/3',
      'a2x:1/1',
      'a3:3/3',
      'b:2/4',
      'b1:1/1',
      'c:3/4',
      'z:4/4',
    ]);
    expect(descendantIds(codes, 'a')).toEqual(['a1', 'a2', 'a2x', 'a3']);
    expect(descendantIds(codes, 'c')).toEqual([]);
    expect(codePath(codes, 'a2x')).toEqual(['A', 'A2', 'A2X']);
    expect(codePath(codes, 'nope')).toEqual([]);
  });
});

describe('createCode', () => {
  it('adds a top-level code last with the next palette colour', () => {
    const action = createCode(tree(), { name: '  Sparks ', description: ' why ' }, ids(), NOW);
    expect(action.label).toBe('Create code "Sparks"');
    expect(action.changes).toEqual([
      { table: 'codes', before: null, after: mk('new1', null, 3, { name: 'Sparks', description: 'why', colour: PALETTE[3] }) },
    ]);
  });
  it('gives a child a shade of its parent and inserts at index, shifting only later siblings', () => {
    const action = createCode(tree(), { name: 'New', parentId: 'a', index: 1 }, ids(), NOW);
    expect(changedIds(action).sort()).toEqual(['a2', 'a3', 'new1']);
    const after = apply(tree(), action).codes;
    expect(kids(after, 'a')).toEqual(['a1:0', 'new1:1', 'a2:2', 'a3:3']);
    expect(after.find((c) => c.id === 'new1')!.colour).toBe(childColour(PALETTE[0]!, 3));
  });
  it('clamps the index, takes an explicit colour and allows a name used elsewhere or by a deleted sibling', () => {
    const codes = [...tree(), mk('gone', 'b', 1, { name: 'Gone', deletedAt: 1 })];
    expect(kids(apply(codes, createCode(codes, { name: 'x', parentId: 'b', index: -4 }, ids(), NOW)).codes, 'b')).toEqual([
      'new1:0',
      'b1:1',
    ]);
    expect(kids(apply(codes, createCode(codes, { name: 'x', parentId: 'b', index: 99 }, ids(), NOW)).codes, 'b')).toEqual([
      'b1:0',
      'new1:1',
    ]);
    expect(createCode(codes, { name: 'A1', parentId: 'b', colour: '#AABBCC' }, ids(), NOW).changes[0]!.after).toMatchObject({
      name: 'A1',
      colour: '#aabbcc',
    });
    expect(createCode(codes, { name: 'gone', parentId: 'b' }, ids(), NOW).changes).toHaveLength(1);
  });
  it('refuses empty, multi-line and duplicate names, missing parents and bad colours', () => {
    refuses(() => createCode(tree(), { name: '   ' }, ids(), NOW), /needs a name/);
    refuses(() => createCode(tree(), { name: 'a\nb' }, ids(), NOW), /one line/);
    refuses(() => createCode(tree(), { name: 'x'.repeat(201) }, ids(), NOW), /at most 200/);
    refuses(() => createCode(tree(), { name: ' a1 ', parentId: 'a' }, ids(), NOW), /already a code called "A1"/);
    refuses(() => createCode(tree(), { name: 'x', parentId: 'nope' }, ids(), NOW), /parent code no longer exists/);
    refuses(() => createCode(tree(), { name: 'x', colour: 'red' }, ids(), NOW), /not a colour/);
  });
});

describe('updateCode', () => {
  it('renames, describes and recolours, changing only that record', () => {
    const action = updateCode(tree(), 'a1', {
      name: ' Safety ',
      description: ' d ',
      inclusion: 'i',
      exclusion: 'e',
      examples: 'x',
      colour: '#ABCDEF',
    });
    expect(action.label).toBe('Rename "A1" to "Safety"');
    expect(action.changes).toEqual([
      {
        table: 'codes',
        before: mk('a1', 'a', 0),
        after: mk('a1', 'a', 0, { name: 'Safety', description: 'd', inclusion: 'i', exclusion: 'e', examples: 'x', colour: '#abcdef' }),
      },
    ]);
    expect(updateCode(tree(), 'a1', { description: 'd' }).label).toBe('Edit "A1"');
  });
  it('makes a code a category and back, storing the flag only while it is set', () => {
    const toCategory = updateCode(tree(), 'a', { notCodable: true });
    expect(toCategory.label).toBe('Make "A" a category');
    expect(toCategory.changes[0]!.after).toEqual({ ...mk('a', null, 0), notCodable: true });
    const back = updateCode([{ ...mk('a', null, 0), notCodable: true }], 'a', { notCodable: false });
    expect(back.label).toBe('Make "A" a code');
    expect(back.changes[0]!.after).toEqual(mk('a', null, 0));
    expect('notCodable' in (back.changes[0]!.after as object)).toBe(false);
    expect(updateCode(tree(), 'a', { notCodable: false }).changes).toEqual([]);
  });
  it('ignores fields outside the patch type, allows a case change of its own name and is a no-op when nothing changes', () => {
    expect(updateCode(tree(), 'a1', { order: 9, parentId: 'b' } as never).changes).toEqual([]);
    expect(updateCode(tree(), 'a1', { name: 'a1' }).changes).toHaveLength(1);
    expect(updateCode(tree(), 'a1', { name: 'A1', colour: PALETTE[0] }).changes).toEqual([]);
  });
  it('refuses sibling name clashes, bad colours and deleted codes', () => {
    refuses(() => updateCode(tree(), 'a1', { name: 'a2' }), /already a code called "A2"/);
    refuses(() => updateCode(tree(), 'a1', { colour: '#abc' }), /not a colour/);
    refuses(() => updateCode([mk('d', null, 0, { deletedAt: 1 })], 'd', { name: 'x' }), /no longer exists/);
  });
});

describe('moveCode', () => {
  it('reorders among siblings, renumbering 0..n-1', () => {
    const action = moveCode(tree(), 'a3', 'a', 0);
    expect(action.label).toBe('Move "A3"');
    expect(kids(apply(tree(), action).codes, 'a')).toEqual(['a3:0', 'a1:1', 'a2:2']);
    expect(moveCode(tree(), 'a2', 'a', 1).changes).toEqual([]);
  });
  it('reparents with its subtree and closes the gap it leaves', () => {
    const after = apply(tree(), moveCode(tree(), 'a2', 'b', 0)).codes;
    expect(kids(after, 'b')).toEqual(['a2:0', 'b1:1']);
    expect(kids(after, 'a')).toEqual(['a1:0', 'a3:1']);
    expect(kids(after, 'a2')).toEqual(['a2x:0']);
    expect(kids(apply(tree(), moveCode(tree(), 'a2x', null, 1)).codes, null)).toEqual(['a:0', 'a2x:1', 'b:2', 'c:3']);
  });
  it('makes gapped orders contiguous', () => {
    const codes = [mk('p', null, 0), mk('x', 'p', 3), mk('y', 'p', 10), mk('z', 'p', 40)];
    expect(kids(apply(codes, moveCode(codes, 'z', 'p', 0)).codes, 'p')).toEqual(['z:0', 'x:1', 'y:2']);
  });
  it('refuses moving under itself or a descendant, onto a name clash or a missing parent', () => {
    refuses(() => moveCode(tree(), 'a', 'a', 0), /under itself/);
    refuses(() => moveCode(tree(), 'a', 'a2x', 0), /under itself or one of its own sub-codes/);
    refuses(() => moveCode([...tree(), mk('b2', 'b', 1, { name: 'A2' })], 'a2', 'b', 0), /already a code called "A2"/);
    refuses(() => moveCode(tree(), 'a1', 'nope', 0), /new parent code no longer exists/);
  });
});

describe('moveCodeByKey', () => {
  const after = (id: string, dir: Parameters<typeof moveCodeByKey>[2]) => apply(tree(), moveCodeByKey(tree(), id, dir)).codes;
  it('moves up and down among siblings', () => {
    expect(kids(after('a2', 'up'), 'a')).toEqual(['a2:0', 'a1:1', 'a3:2']);
    expect(kids(after('a2', 'down'), 'a')).toEqual(['a1:0', 'a3:1', 'a2:2']);
  });
  it('indents under the previous sibling (last child) and outdents to just after the parent', () => {
    expect(kids(after('a3', 'indent'), 'a2')).toEqual(['a2x:0', 'a3:1']);
    expect(kids(after('a2', 'outdent'), null)).toEqual(['a:0', 'a2:1', 'b:2', 'c:3']);
    expect(kids(after('a2x', 'outdent'), 'a')).toEqual(['a1:0', 'a2:1', 'a2x:2', 'a3:3']);
  });
  it('returns an empty action at the edges', () => {
    for (const [id, dir] of [
      ['a1', 'up'],
      ['a3', 'down'],
      ['a1', 'indent'],
      ['a', 'outdent'],
      ['c', 'down'],
    ] as const) {
      expect(moveCodeByKey(tree(), id, dir)).toEqual({ label: `Move "${id.toUpperCase()}"`, changes: [] });
    }
  });
});

describe('mergeCodes', () => {
  const codings = [
    cd('m1', 'a1', { memo: 'note' }), // duplicate of i1: dropped, memo carried over
    cd('m2', 'a1', { start: 7, end: 9 }), // moves
    cd('m3', 'a1', { coderId: 'k2' }), // other coder: not a duplicate, moves
    cd('m4', 'a1', { start: 7, end: 9 }), // duplicate of m2 once m2 has moved: dropped
    cd('m5', 'a1', { deletedAt: 3 }), // already deleted: untouched
    cd('i1', 'b'),
    cd('o1', 'c'),
  ];
  it('moves codings, drops exact duplicates, re-parents children and deletes the source code', () => {
    const codes = [...tree(), mk('a1k', 'a1', 0), mk('a1l', 'a1', 1)];
    const action = mergeCodes(codes, codings, 'a1', 'b', NOW);
    expect(action.label).toBe('Merge "A1" into "B"');
    const state = apply(codes, action, codings);
    const get = (id: string) => state.codings.find((c) => c.id === id)!;
    expect(get('m2')).toEqual({ ...codings[1], codeId: 'b', updatedAt: NOW });
    expect(get('m3')).toMatchObject({ codeId: 'b', updatedAt: NOW, deletedAt: null });
    expect(get('m1')).toMatchObject({ codeId: 'a1', deletedAt: NOW });
    expect(get('m4')).toMatchObject({ deletedAt: NOW });
    expect(get('i1')).toMatchObject({ memo: 'note', updatedAt: NOW });
    expect(changedIds(action)).not.toContain('m5');
    expect(changedIds(action)).not.toContain('o1');
    expect(kids(state.codes, 'b')).toEqual(['b1:0', 'a1k:1', 'a1l:2']);
    expect(state.codes.find((c) => c.id === 'a1')!.deletedAt).toBe(NOW);
    expect(action.changes.every((c) => c.table === 'codes' || c.table === 'codings')).toBe(true);
  });
  it('says beforehand what the merge will do, matching what it does', () => {
    const codes = [...tree(), mk('a1k', 'a1', 0), mk('a1l', 'a1', 1)];
    expect(mergeImpact(codes, codings, 'a1', 'b')).toEqual({ codings: 2, duplicates: 2, subCodes: 2 });
    const state = apply(codes, mergeCodes(codes, codings, 'a1', 'b', NOW), codings);
    expect(state.codings.filter((c) => c.deletedAt == null && c.codeId === 'b' && c.id.startsWith('m'))).toHaveLength(2);
    expect(mergeImpact(tree(), [], 'c', 'a')).toEqual({ codings: 0, duplicates: 0, subCodes: 0 });
  });
  it('merges a child into its own parent', () => {
    const codes = [...tree(), mk('k', 'a2', 1)];
    const state = apply(codes, mergeCodes(codes, [], 'a2', 'a', NOW));
    expect(kids(state.codes, 'a')).toEqual(['a1:0', 'a3:1', 'a2x:2', 'k:3']);
  });
  it('refuses itself, its own descendant, deleted codes and clashing child names', () => {
    refuses(() => mergeCodes(tree(), [], 'a', 'a', NOW), /into itself/);
    refuses(() => mergeCodes(tree(), [], 'a', 'a2x', NOW), /own sub-code "A2X"/);
    refuses(() => mergeCodes([...tree(), mk('d', null, 5, { deletedAt: 1 })], [], 'd', 'a', NOW), /no longer exists/);
    refuses(() => mergeCodes([...tree(), mk('bx', 'b', 1, { name: 'a2x' })], [], 'a2', 'b', NOW), /sub-code called "a2x"/);
  });
});

describe('splitCode', () => {
  const codings = [cd('x1', 'a1'), cd('x2', 'a1', { start: 9 }), cd('y1', 'b1'), cd('d1', 'a1', { deletedAt: 1 })];
  it('creates a shaded sibling right after the code and moves the chosen codings', () => {
    const action = splitCode(tree(), codings, 'a1', { name: ' Split ', codingIds: ['x2'] }, ids(), NOW);
    expect(action.label).toBe('Split "A1" into "Split"');
    const state = apply(tree(), action, codings);
    expect(kids(state.codes, 'a')).toEqual(['a1:0', 'new1:1', 'a2:2', 'a3:3']);
    const made = state.codes.find((c) => c.id === 'new1')!;
    expect(made.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(made.colour).not.toBe(PALETTE[0]);
    expect(state.codings.map((c) => `${c.id}:${c.codeId}`)).toEqual(['x1:a1', 'x2:new1', 'y1:b1', 'd1:a1']);
    expect(state.codings[1]!.updatedAt).toBe(NOW);
  });
  it('refuses codings of other codes, deleted codings, an empty choice and a clashing name', () => {
    refuses(() => splitCode(tree(), codings, 'a1', { name: 'S', codingIds: ['y1'] }, ids(), NOW), /not a coding of "A1"/);
    refuses(() => splitCode(tree(), codings, 'a1', { name: 'S', codingIds: ['d1'] }, ids(), NOW), /not a coding of "A1"/);
    refuses(() => splitCode(tree(), codings, 'a1', { name: 'S', codingIds: [] }, ids(), NOW), /Choose the codings/);
    refuses(() => splitCode(tree(), codings, 'a1', { name: 'a2', codingIds: ['x1'] }, ids(), NOW), /already a code called "A2"/);
  });
});

describe('deleteCode', () => {
  const codings = [cd('p', 'a'), cd('q', 'a2x'), cd('r', 'a2x', { deletedAt: 2 }), cd('s', 'b1')];
  it('soft-deletes the code, its descendants and their live codings, and says so beforehand', () => {
    expect(deleteImpact(tree(), codings, 'a')).toEqual({ codes: 5, codings: 2 });
    expect(deleteImpact(tree(), codings, 'a2')).toEqual({ codes: 2, codings: 1 });
    const action = deleteCode(tree(), codings, 'a', NOW);
    expect(action.label).toBe('Delete "A"');
    expect(changedIds(action)).toEqual(['a', 'a1', 'a2', 'a3', 'a2x', 'p', 'q']);
    expect(action.changes.every((c) => (c.after as Code).deletedAt === NOW && (c.before as Code).deletedAt == null)).toBe(true);
    refuses(() => deleteCode(tree(), codings, 'nope', NOW), /no longer exists/);
  });
});

// ---- undo restores exactly: random trees, random sequences of operations ----
const nameKey = (s: string) => s.trim().toLowerCase();
const opArb = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    parent: fc.nat(),
    top: fc.boolean(),
    name: fc.constantFrom('x', 'X ', 'y', 'n1'),
    index: fc.integer({ min: -1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    code: fc.nat(),
    parent: fc.nat(),
    top: fc.boolean(),
    index: fc.integer({ min: -1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('key' as const),
    code: fc.nat(),
    dir: fc.constantFrom('up' as const, 'down' as const, 'indent' as const, 'outdent' as const),
  }),
  fc.record({ kind: fc.constant('merge' as const), code: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), code: fc.nat() }),
);
const worldArb = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  codings: fc.array(
    fc.record({ code: fc.nat(), source: fc.nat({ max: 2 }), start: fc.nat({ max: 3 }), coder: fc.constantFrom('k1', 'k2') }),
    { maxLength: 25 },
  ),
  ops: fc.array(opArb, { maxLength: 12 }),
});

describe('undo (property)', () => {
  it('applying each action then its inverse, in reverse, restores the exact original arrays', () => {
    fc.assert(
      fc.property(worldArb, ({ parents, codings: raw, ops }) => {
        // parents[i] % (i + 1) === i makes code i top-level, otherwise a child of an earlier code.
        const codes = parents.map((p, i) => mk(`n${i}`, p % (i + 1) === i ? null : `n${p % (i + 1)}`, i));
        const codings = raw.map((r, i) =>
          cd(`g${i}`, `n${r.code % codes.length}`, { sourceId: `s${r.source}`, start: r.start, end: r.start + 2, coderId: r.coder }),
        );
        const original = { codes: structuredClone(codes), codings: structuredClone(codings) };
        const state = { codes: structuredClone(codes), codings: structuredClone(codings) };
        const done: Action[] = [];
        const newId = ids();
        for (const op of ops) {
          const pick = (n: number) => state.codes[n % state.codes.length]!.id;
          const frozen = JSON.stringify(state);
          let action: Action;
          try {
            if (op.kind === 'create')
              action = createCode(state.codes, { name: op.name, parentId: op.top ? null : pick(op.parent), index: op.index }, newId, NOW);
            else if (op.kind === 'move') action = moveCode(state.codes, pick(op.code), op.top ? null : pick(op.parent), op.index);
            else if (op.kind === 'key') action = moveCodeByKey(state.codes, pick(op.code), op.dir);
            else if (op.kind === 'merge') action = mergeCodes(state.codes, state.codings, pick(op.code), pick(op.into), NOW);
            else action = deleteCode(state.codes, state.codings, pick(op.code), NOW);
          } catch (e) {
            if (!(e instanceof ValidationError)) throw e;
            continue;
          }
          expect(JSON.stringify(state)).toBe(frozen); // building an action never writes
          for (const c of action.changes) {
            const current =
              (state[c.table as 'codes' | 'codings'] as { id: string }[]).find((r) => r.id === (c.after ?? c.before)!.id) ?? null;
            expect(current).toEqual(c.before); // every `before` is what the record really was
          }
          applyToArrays(state, action);
          done.push(action);
          const liveCodes = state.codes.filter((c) => c.deletedAt == null);
          const live = new Set(liveCodes.map((c) => c.id));
          for (const c of liveCodes) {
            const sibs = liveCodes.filter((s) => s.parentId === c.parentId && nameKey(s.name) === nameKey(c.name));
            expect(sibs).toHaveLength(1);
          }
          for (const g of state.codings) if (g.deletedAt == null) expect(live.has(g.codeId)).toBe(true);
          const rows = orderedTree(state.codes);
          expect(rows).toHaveLength(liveCodes.length); // no cycles, nothing orphaned
          // Each row's place among its siblings agrees with the codebook's own sibling order.
          for (const r of rows) {
            const order = kids(state.codes, r.code.parentId);
            expect([r.position, r.siblings]).toEqual([order.indexOf(`${r.code.id}:${r.code.order}`) + 1, order.length]);
          }
        }
        for (const action of done.reverse()) applyToArrays(state, invert(action));
        expect(state).toStrictEqual(original);
      }),
      { numRuns: 300 },
    );
  });
});
