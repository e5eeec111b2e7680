// Keeps the Lexical tree equal to (source, codings): a full build when the source changes,
// a rebuild of just the touched turns when codings change, a repaint when colours change.
// A long transcript is opened in two steps: every turn's text at once, but marks only on
// the first screens; the remaining turns get their marks in small idle-time chunks, so
// the first screen is shown sooner and no single task is long.
import { $getNearestNodeFromDOMNode, $getRoot, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { Coding, Source, Turn } from '../core/shared';
import { $buildTranscript, $rebuildTurns } from './buildState';
import { changedTurns } from './codingDiff';
import { $isCodingMarkNode, $isTurnNode, paintMark, setColourLookup, type ColourLookup } from './nodes';

/** Tag on the editor's own rebuilds, so the integrity check does not re-check them. */
export const BUILD_TAG = 'transcript-build';

const FIRST_CHARS = 8000; // marked at once: about three screens of text
const CHUNK = 40; // turns marked per idle task
const SCREEN = 16; // turns marked around one the browser starts rendering

/** Never scroll, and leave the DOM selection alone unless the editor has focus. */
export function buildTags(editor: LexicalEditor): string[] {
  const root = editor.getRootElement();
  const focused = root !== null && root.contains(root.ownerDocument.activeElement);
  return focused ? [BUILD_TAG, SKIP_SCROLL_INTO_VIEW_TAG] : [BUILD_TAG, SKIP_SCROLL_INTO_VIEW_TAG, SKIP_DOM_SELECTION_TAG];
}

function sameColours(a: ReadonlyMap<string, string> | null, b: ReadonlyMap<string, string>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [k, v] of b) if (a.get(k) !== v) return false;
  return true;
}

interface Built {
  source: Source | null;
  codings: Coding[];
  colours: ReadonlyMap<string, string> | null;
}

export function useTranscriptBuild(
  editor: LexicalEditor,
  props: { source: Source; codings: Coding[]; colours: ReadonlyMap<string, string> },
  turns: readonly Turn[],
  wrapperRef: RefObject<HTMLElement | null>,
): { markNow(turnIndexes: Iterable<number>): void } {
  const { source, codings, colours } = props;
  const built = useRef<Built>({ source: null, codings: [], colours: null });
  const pending = useRef(new Set<number>()); // turns still shown without their marks
  const idle = useRef(0);
  const focusTurn = useRef(0);
  // Never swap text nodes under a mouse drag: marking waits for the button to come up.
  const pressed = useRef(false);

  // Coding id -> code id -> colour, read by the mark nodes' createDOM.
  const lookup = useMemo<ColourLookup>(() => {
    const codeOf = new Map(codings.map((c) => [c.id, c.codeId]));
    return (id) => {
      const code = codeOf.get(id);
      return code === undefined ? undefined : colours.get(code);
    };
  }, [codings, colours]);

  const setPendingFlag = useCallback(() => {
    if (wrapperRef.current) wrapperRef.current.dataset.marksPending = String(pending.current.size > 0);
  }, [wrapperRef]);

  /** Marks the given turns now, if still unmarked (e.g. before scrolling to them). */
  const markNow = useCallback(
    (turnIndexes: Iterable<number>) => {
      const due = [...turnIndexes].filter((i) => pending.current.has(i));
      if (!due.length || !built.current.source) return;
      const { source: src, codings: cs } = built.current;
      due.forEach((i) => pending.current.delete(i));
      editor.update(() => $rebuildTurns(src!, cs, due), { discrete: true, tag: buildTags(editor) });
      setPendingFlag();
    },
    [editor, setPendingFlag],
  );

  const scheduleFill = useCallback(() => {
    if (idle.current || pending.current.size === 0 || pressed.current) return;
    idle.current = requestIdleCallback(
      (deadline) => {
        idle.current = 0;
        if (pressed.current) return; // pointerup reschedules
        // As many chunks as the idle period allows (at least one, so it always progresses).
        // Nearest to where the reader is first (the last turn scrolled into view).
        const near = (i: number) => Math.abs(i - focusTurn.current);
        do markNow([...pending.current].sort((a, b) => near(a) - near(b) || a - b).slice(0, CHUNK));
        while (pending.current.size > 0 && deadline.timeRemaining() > 10);
        scheduleFill();
      },
      { timeout: 300 },
    );
  }, [markNow]);

  // Before paint, so the first frame already shows the transcript.
  useLayoutEffect(() => {
    setColourLookup(editor, lookup);
    const prev = built.current;
    built.current = { source, codings, colours };
    if (prev.source !== source) {
      let chars = 0;
      const first = turns.findIndex((t) => (chars += t.end - t.start) > FIRST_CHARS);
      const cut = first < 0 ? turns.length : first + 1;
      pending.current = new Set(Array.from({ length: turns.length - cut }, (_, k) => cut + k));
      focusTurn.current = 0;
      editor.update(() => $buildTranscript(source, codings, (i) => i < cut), { discrete: true, tag: buildTags(editor) });
    } else if (prev.codings !== codings) {
      const touched = changedTurns(turns, prev.codings, codings);
      touched.forEach((i) => pending.current.delete(i));
      if (touched.size) editor.update(() => $rebuildTurns(source, codings, touched), { discrete: true, tag: buildTags(editor) });
    }
    if (prev.source === source && !sameColours(prev.colours, colours)) {
      // A code's colour changed: repaint the marks in place; the text and nodes stay.
      editor.read(() => {
        for (const node of $getRoot().getAllTextNodes()) {
          const mark = node.getParent();
          const el = $isCodingMarkNode(mark) ? editor.getElementByKey(mark.getKey()) : null;
          if (el && $isCodingMarkNode(mark)) paintMark(el, mark.getIDs(), lookup);
        }
      });
    }
    setPendingFlag();
    scheduleFill();
  }, [editor, source, codings, colours, turns, lookup, scheduleFill, setPendingFlag]);

  // A turn the browser starts rendering (scrolled near) gets its marks at once.
  useEffect(() => {
    const onShown = (e: Event) => {
      if ((e as Event & { skipped?: boolean }).skipped || !(e.target instanceof Element) || !pending.current.size) return;
      const index = editor.read(() => {
        const turn = $getNearestNodeFromDOMNode(e.target as Element);
        return $isTurnNode(turn) ? turn.getTurnIndex() : -1;
      });
      if (index < 0 || !pending.current.has(index) || pressed.current) return;
      // The browser reports turns one by one; mark a screenful around the first at once.
      focusTurn.current = index;
      markNow(Array.from({ length: SCREEN * 2 }, (_, k) => index - SCREEN / 2 + k));
    };
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
      scheduleFill();
    };
    const unRoot = editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('contentvisibilityautostatechange', onShown, true);
      root?.addEventListener('contentvisibilityautostatechange', onShown, true);
    });
    const wrapper = wrapperRef.current;
    wrapper?.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      unRoot();
      wrapper?.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
    };
  }, [editor, markNow, scheduleFill, wrapperRef]);

  useEffect(
    () => () => {
      if (idle.current) cancelIdleCallback(idle.current);
      idle.current = 0;
    },
    [],
  );

  return { markNow };
}
