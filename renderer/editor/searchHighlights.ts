// Find in the transcript: every hit painted with the CSS Custom Highlight API (the text and its
// Lexical nodes are not touched, so a coding mark and a hit can share words), the current hit
// in a stronger colour. The DOM ranges are made again after each editor update: marks applied
// to a turn split its text nodes.
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $pointAt, type TextPoint } from './buildState';

export interface HighlightRange {
  start: number;
  end: number;
}

const HIT = 'transcript-find-hit';
const CURRENT = 'transcript-find-current';

function domPoint(editor: LexicalEditor, point: TextPoint | null): [Node, number] | null {
  if (!point) return null;
  const element = editor.getElementByKey(point.node.getKey());
  const text = element?.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return null;
  return [text, Math.min(point.offset, text.textContent?.length ?? 0)];
}

function rangesOf(editor: LexicalEditor, hits: readonly HighlightRange[]): Range[] {
  return editor.read(() =>
    hits.flatMap((hit) => {
      const start = domPoint(editor, $pointAt(hit.start));
      const end = domPoint(editor, $pointAt(hit.end));
      if (!start || !end) return [];
      const range = document.createRange();
      try {
        range.setStart(start[0], start[1]);
        range.setEnd(end[0], end[1]);
      } catch {
        return [];
      }
      return [range];
    }),
  );
}

/** Paints `hits` (and `current`, an index into them) while the component is mounted. */
export function useSearchHighlights(editor: LexicalEditor, hits: readonly HighlightRange[], current: number): void {
  useEffect(() => {
    // Chromium has had the API since version 105; where it is missing, hits are only selected.
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
    if (hits.length === 0) return;
    let frame = 0;
    const paint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ranges = rangesOf(editor, hits);
        CSS.highlights.set(HIT, new Highlight(...ranges.filter((_, i) => i !== current)));
        const now = ranges[current];
        if (now) CSS.highlights.set(CURRENT, new Highlight(now));
        else CSS.highlights.delete(CURRENT);
      });
    };
    paint();
    const stop = editor.registerUpdateListener(paint);
    return () => {
      stop();
      cancelAnimationFrame(frame);
      CSS.highlights.delete(HIT);
      CSS.highlights.delete(CURRENT);
    };
  }, [editor, hits, current]);
}
