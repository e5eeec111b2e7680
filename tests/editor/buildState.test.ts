// The editor's state is a pure function of (text, turns, codings): these tests build it
// headless and check it against the offsets it was built from.
import { createHeadlessEditor } from '@lexical/headless';
import fc from 'fast-check';
import { $getRoot, $isTextNode, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../renderer/core/shared/model';
import {
  $buildTranscript,
  $offsetOf,
  $pointAt,
  $rebuildTurns,
  $selectionRange,
  $selectRange,
  $transcriptIntact,
  transcriptTurns,
  type CodingRange,
} from '../../renderer/editor/buildState';
import { changedTurns, type ShownCoding } from '../../renderer/editor/codingDiff';
import { $isCodingMarkNode, $isTurnNode, TRANSCRIPT_NODES } from '../../renderer/editor/nodes';
import { makeSource } from './fixture';

const source = makeSource();
const turns = transcriptTurns(source);
const T = (i: number): Turn => turns[i]!;

function editorWith(codings: readonly CodingRange[]): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: TRANSCRIPT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $buildTranscript(source, codings), { discrete: true });
  return editor;
}

/** Every text node in document order with its canonical range and the ids of its mark. */
function runs(editor: LexicalEditor): { start: number; end: number; ids: string[]; node: TextNode }[] {
  return editor.read(() => {
    const out: { start: number; end: number; ids: string[]; node: TextNode }[] = [];
    for (const turn of $getRoot().getChildren()) {
      if (!$isTurnNode(turn)) throw new Error('root child is not a turn');
      for (const node of turn.getAllTextNodes()) {
        const start = $offsetOf(node, 0);
        const parent = node.getParent();
        out.push({ start, end: start + node.getTextContentSize(), ids: $isCodingMarkNode(parent) ? parent.getIDs() : [], node });
      }
    }
    return out;
  });
}

function merge(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function clippedToTurns(c: CodingRange): [number, number][] {
  return merge(turns.map((t) => [Math.max(c.start, t.start), Math.min(c.end, t.end)] as [number, number]).filter(([s, e]) => e > s));
}

function checkMarks(editor: LexicalEditor, codings: readonly CodingRange[]): void {
  const all = runs(editor);
  for (const c of codings) {
    const got = merge(all.filter((r) => r.ids.includes(c.id)).map((r) => [r.start, r.end] as [number, number]));
    expect(got, `coding ${c.id} ${c.start}-${c.end}`).toEqual(c.end > c.start ? clippedToTurns(c) : []);
  }
}

const at = (needle: string, from = 0): number => {
  const i = source.text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture lacks ${needle}`);
  return i;
};

// Overlapping, nested, adjacent, exactly a turn, spanning two turns, around non-BMP characters.
const CODINGS: CodingRange[] = [
  { id: 'overlap-a', start: T(0).start, end: at('there') + 5 },
  { id: 'overlap-b', start: at('👋🏽'), end: at('finding') },
  { id: 'nested', start: at('👋🏽'), end: at('👋🏽') + 4 },
  { id: 'adjacent-1', start: at('Fine'), end: at('𝒳') },
  { id: 'adjacent-2', start: at('𝒳'), end: at('marks') + 5 },
  { id: 'whole-turn', start: T(1).start, end: T(1).end },
  { id: 'two-turns', start: at('Second'), end: at('then?') + 5 },
  { id: 'emoji', start: at('👋🏽👋🏽'), end: at('𝒳𝒳') + 4 },
  { id: 'last-turn', start: T(4).start, end: source.text.length },
];

describe('$buildTranscript', () => {
  it('shows each display turn as one TurnNode with exactly its canonical text', () => {
    const editor = editorWith(CODINGS);
    editor.read(() => {
      const children = $getRoot().getChildren();
      expect(children).toHaveLength(turns.length);
      children.forEach((child, i) => {
        expect($isTurnNode(child)).toBe(true);
        expect(child.getTextContent()).toBe(source.text.slice(T(i).start, T(i).end));
      });
      expect($transcriptIntact(source)).toBe(true);
    });
  });

  it('wraps exactly each coding range (clipped to turns) in marks carrying its id', () => {
    checkMarks(editorWith(CODINGS), CODINGS);
  });

  it('keeps the labels out of the text: a coding over a label only marks the turns', () => {
    const over = [{ id: 'label', start: T(0).end - 3, end: T(1).start + 4 }];
    const editor = editorWith(over);
    checkMarks(editor, over);
    expect(
      runs(editor)
        .filter((r) => r.ids.length)
        .map((r) => source.text.slice(r.start, r.end)),
    ).toEqual(['up?', 'Fine']);
  });

  it('carries a section heading on the turn it opens, never in the text or the offsets', () => {
    const sectioned = {
      ...source,
      sections: [
        { start: 0, title: 'Part 1', level: 1 },
        { start: T(2).start, title: 'Part 2', level: 1 },
        { start: T(2).start, title: 'Week one', level: 2 },
      ],
    };
    const editor = createHeadlessEditor({
      nodes: TRANSCRIPT_NODES,
      onError: (e) => {
        throw e;
      },
    });
    editor.update(() => $buildTranscript(sectioned, CODINGS), { discrete: true });
    editor.read(() => {
      const children = $getRoot().getChildren();
      expect(children.map((c) => ($isTurnNode(c) ? c.getHeading() : 'not a turn'))).toEqual([
        'Part 1',
        null,
        'Part 2 › Week one',
        null,
        null,
      ]);
      children.forEach((child, i) => expect(child.getTextContent()).toBe(source.text.slice(T(i).start, T(i).end)));
      expect($transcriptIntact(sectioned)).toBe(true);
    });
  });

  it('shows a source without turns as one paragraph', () => {
    const editor = createHeadlessEditor({
      nodes: TRANSCRIPT_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const flat = { text: 'No turns here 👋🏽.', turns: [] };
    editor.update(() => $buildTranscript(flat, [{ id: 'x', start: 3, end: 8 }]), { discrete: true });
    editor.read(() => {
      expect($getRoot().getChildrenSize()).toBe(1);
      expect($getRoot().getTextContent()).toBe(flat.text);
    });
  });
});

describe('offset mapping', () => {
  it('$offsetOf and $pointAt round-trip for every offset inside turns', () => {
    const editor = editorWith(CODINGS);
    editor.read(() => {
      for (const t of turns) {
        for (let o = t.start; o <= t.end; o += 1) {
          const p = $pointAt(o);
          expect(p, `offset ${o}`).not.toBeNull();
          expect($isTextNode(p!.node)).toBe(true);
          expect($offsetOf(p!.node, p!.offset)).toBe(o);
        }
      }
    });
  });

  it('maps offsets between turns (labels) to the nearest turn edge', () => {
    const editor = editorWith(CODINGS);
    editor.read(() => {
      const off = (o: number) => {
        const p = $pointAt(o)!;
        return $offsetOf(p.node, p.offset);
      };
      expect(off(0)).toBe(T(0).start);
      expect(off(T(0).end + 1)).toBe(T(0).end);
      expect(off(T(1).start - 1)).toBe(T(1).start);
      expect(off(source.text.length + 10)).toBe(T(4).end);
    });
  });

  it('selects by offsets and reads the selection back', () => {
    const editor = editorWith(CODINGS);
    editor.update(
      () => {
        $selectRange(at('Second'), at('then?') + 2);
      },
      { discrete: true },
    );
    editor.read(() => expect($selectionRange()).toEqual({ anchor: at('Second'), focus: at('then?') + 2 }));
    editor.update(
      () => {
        $selectRange(at('talked'), at('Then'));
      },
      { discrete: true },
    );
    editor.read(() => {
      expect($selectionRange()).toEqual({ anchor: at('Then'), focus: at('talked') });
      expect($selectionRange(true)).toEqual({ anchor: at('talked'), focus: at('Then') });
    });
  });
});

/** Applies a change incrementally the way the component does (changedTurns, then $rebuildTurns), and compares with a fresh build. */
function expectIncrementalEqualsFull(before: readonly ShownCoding[], after: readonly ShownCoding[]): void {
  const editor = editorWith(before);
  editor.update(() => $rebuildTurns(source, after, changedTurns(turns, before, after)), { discrete: true });
  expect(editor.getEditorState().toJSON()).toEqual(editorWith(after).getEditorState().toJSON());
}

/** The fixture's codings as the component holds them, each with a code. */
const coded = (codings: readonly CodingRange[], codeId = 'k'): ShownCoding[] => codings.map((c) => ({ ...c, codeId }));

describe('$rebuildTurns', () => {
  it('after adding a coding equals a full rebuild', () => {
    expectIncrementalEqualsFull(coded(CODINGS), coded([...CODINGS, { id: 'new', start: at('talked'), end: T(4).start + 3 }]));
  });
  it('after removing a coding equals a full rebuild', () => {
    expectIncrementalEqualsFull(coded(CODINGS), coded(CODINGS.filter((c) => c.id !== 'two-turns')));
  });
  it('after resizing a coding equals a full rebuild', () => {
    expectIncrementalEqualsFull(
      coded(CODINGS),
      coded(CODINGS.map((c) => (c.id === 'overlap-b' ? { ...c, start: T(0).start + 2, end: at('Second') } : c))),
    );
  });
  it('after recoding a coding equals a full rebuild', () => {
    expectIncrementalEqualsFull(
      coded(CODINGS),
      coded(CODINGS).map((c) => (c.id === 'two-turns' ? { ...c, codeId: 'other' } : c)),
    );
  });
  it('marking turns left unmarked by a partial build equals a full build', () => {
    const editor = createHeadlessEditor({
      nodes: TRANSCRIPT_NODES,
      onError: (e) => {
        throw e;
      },
    });
    editor.update(() => $buildTranscript(source, CODINGS, (i) => i < 2), { discrete: true });
    editor.read(() => expect($transcriptIntact(source)).toBe(true));
    expect(runs(editor).filter((r) => r.ids.length && r.start >= T(2).start)).toEqual([]);
    editor.update(() => $rebuildTurns(source, CODINGS, [2, 3, 4]), { discrete: true });
    expect(editor.getEditorState().toJSON()).toEqual(editorWith(CODINGS).getEditorState().toJSON());
  });
  it('keeps the selection at the same offsets', () => {
    const editor = editorWith(CODINGS);
    editor.update(
      () => {
        $selectRange(at('marks'), at('spot'));
      },
      { discrete: true },
    );
    editor.update(() => $rebuildTurns(source, [...CODINGS, { id: 'n', start: at('marks'), end: at('spot') }], [1]), { discrete: true });
    editor.read(() => expect($selectionRange()).toEqual({ anchor: at('marks'), focus: at('spot') }));
  });
});

describe('property: random codings', () => {
  const n = source.text.length;
  const coding = fc
    .tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  const codings = fc
    .array(fc.tuple(coding, fc.constantFrom('k', 'l')), { maxLength: 12 })
    .map((xs) => xs.map(([[start, end], codeId], i) => ({ id: `c${i}`, start, end, codeId })));

  it('marks carry each id over exactly its clipped range, and the text never changes', () => {
    fc.assert(
      fc.property(codings, (cs) => {
        const editor = editorWith(cs);
        checkMarks(editor, cs);
        editor.read(() => expect($transcriptIntact(source)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it('an incremental rebuild equals a full build for any change', () => {
    fc.assert(
      fc.property(codings, codings, (a, b) => expectIncrementalEqualsFull(a, b)),
      { numRuns: 100 },
    );
  });
});
