// Offsets -> Lexical state, and back. Everything here runs inside an editor update/read
// and needs no DOM, so tests drive it with @lexical/headless. The node tree is a pure
// function of (source, codings): one TurnNode per display turn, holding plain TextNodes
// and CodingMarkNodes around TextNodes. Canonical offsets are DERIVED from the tree
// (turn start + the text lengths before a node), never stored per text node, so a
// partial rebuild can never leave a stale offset map behind.
import {
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type PointType,
  type TextNode,
} from 'lexical';
import type { Coding, Source, Turn } from '../core/shared';
import { displayTurns, headingsBeforeTurns, segmentRange } from '../core/transcripts';
import { $createCodingMarkNode, $createTurnNode, $isTurnNode, type TurnNode } from './nodes';

export type CodingRange = Pick<Coding, 'id' | 'start' | 'end'>;
export type SourceText = Pick<Source, 'text' | 'turns' | 'sections'>;

export interface TextPoint {
  node: TextNode;
  offset: number;
}

/** The turns as drawn, in order; their indexes are the root's child indexes. */
export function transcriptTurns(source: SourceText): Turn[] {
  return displayTurns(source.text, source.turns);
}

function $fillTurn(turnNode: TurnNode, text: string, turn: Turn, codings: readonly CodingRange[]): void {
  const children = segmentRange(turn.start, turn.end, codings).map((seg) => {
    const textNode = $createTextNode(text.slice(seg.start, seg.end));
    return seg.codingIds.length === 0 ? textNode : $createCodingMarkNode(seg.codingIds).append(textNode);
  });
  // One splice per turn rather than one per segment; splice takes an array, where append's
  // spread would overflow the stack on a turn with some 150,000 segments.
  turnNode.splice(turnNode.getChildrenSize(), 0, children);
}

/**
 * Replaces the whole document with the transcript and its codings. With `marked`, only the
 * turns it accepts get their marks now; the others hold their exact text unmarked, to be
 * marked later by $rebuildTurns (the editor does that for off-screen turns when idle, so a
 * long transcript shows its first screen sooner).
 */
export function $buildTranscript(source: SourceText, codings: readonly CodingRange[], marked?: (turnIndex: number) => boolean): void {
  const root = $getRoot();
  root.clear();
  const turns = transcriptTurns(source);
  const headings = headingsBeforeTurns(source.sections, turns);
  // Only codings that can touch a turn; segmentRange filters again per turn.
  const live = codings.filter((c) => c.end > c.start);
  const nodes = turns.map((turn, index) => {
    const node = $createTurnNode({
      index,
      speaker: turn.speaker,
      speakerRole: turn.speakerRole ?? 'participant',
      start: turn.start,
      end: turn.end,
      heading: headings[index]!.length ? headings[index]!.map((h) => h.title).join(' › ') : null,
    });
    $fillTurn(node, source.text, turn, !marked || marked(index) ? live : []);
    return node;
  });
  root.splice(root.getChildrenSize(), 0, nodes);
}

/**
 * Redraws just the given turns' children (after codings changed). The selection is kept
 * by offsets, since the nodes it pointed into are replaced. Falls back to a full build
 * when the tree does not have the expected turns (e.g. the source changed underneath).
 */
export function $rebuildTurns(source: SourceText, codings: readonly CodingRange[], turnIndexes: Iterable<number>): void {
  const turns = transcriptTurns(source);
  const children = $getRoot().getChildren();
  const kept = $selectionRange(true);
  if (children.length !== turns.length || !children.every($isTurnNode)) {
    $buildTranscript(source, codings);
  } else {
    const live = codings.filter((c) => c.end > c.start);
    for (const i of new Set(turnIndexes)) {
      const node = children[i] as TurnNode | undefined;
      const turn = turns[i];
      if (!node || !turn) continue;
      node.clear();
      $fillTurn(node, source.text, turn, live);
    }
  }
  if (kept) $selectRange(kept.anchor, kept.focus);
}

function $turnNodes(): TurnNode[] {
  return $getRoot().getChildren().filter($isTurnNode);
}

/** Canonical offset where a node's text begins: its turn's start plus all text before it. */
export function $startOf(node: LexicalNode): number {
  let pos = 0;
  let cur: LexicalNode | null = node;
  while (cur !== null && !$isTurnNode(cur)) {
    for (let s = cur.getPreviousSibling(); s !== null; s = s.getPreviousSibling()) pos += s.getTextContentSize();
    cur = cur.getParent();
  }
  if (cur === null) throw new Error('node is not inside a transcript turn');
  return cur.getStart() + pos;
}

/** Canonical offset of a position inside a text node. */
export function $offsetOf(node: TextNode, offsetInNode: number): number {
  return $startOf(node) + Math.max(0, Math.min(offsetInNode, node.getTextContentSize()));
}

function $textNodesIn(element: ElementNode, out: TextNode[] = []): TextNode[] {
  for (const child of element.getChildren()) {
    if ($isTextNode(child)) out.push(child);
    else if ($isElementNode(child)) $textNodesIn(child, out);
  }
  return out;
}

/** The text position of a canonical offset; offsets between turns snap to the nearest turn edge. */
export function $pointAt(offset: number): TextPoint | null {
  const turns = $turnNodes();
  if (turns.length === 0) return null;
  let target = turns[turns.length - 1]!;
  let at = target.getEnd();
  for (let i = 0; i < turns.length; i += 1) {
    const t = turns[i]!;
    if (offset <= t.getEnd()) {
      const prev = turns[i - 1];
      // In the gap before this turn (a label, blank lines): the nearer edge wins.
      if (offset < t.getStart() && prev && offset - prev.getEnd() < t.getStart() - offset) {
        target = prev;
        at = prev.getEnd();
      } else {
        target = t;
        at = Math.max(offset, t.getStart());
      }
      break;
    }
  }
  return $pointInTurn(target, at);
}

/** The text position of an offset within one turn (clamped to it); null for an empty turn. */
export function $pointInTurn(turn: TurnNode, offset: number): TextPoint | null {
  const at = Math.max(turn.getStart(), Math.min(offset, turn.getEnd()));
  const texts = $textNodesIn(turn);
  let pos = turn.getStart();
  for (let i = 0; i < texts.length; i += 1) {
    const node = texts[i]!;
    const len = node.getTextContentSize();
    // A boundary between two nodes goes to the start of the later one, except at turn end.
    if (at < pos + len || i === texts.length - 1) return { node, offset: Math.min(at - pos, len) };
    pos += len;
  }
  return null;
}

/** Canonical offset of a selection point, whether it sits in text or between children. */
export function $pointOffset(point: PointType): number {
  const node = point.getNode();
  if ($isTextNode(node)) return $offsetOf(node, point.offset);
  if ($isRootNode(node)) {
    const turns = $turnNodes();
    const turn = turns[point.offset];
    if (turn) return turn.getStart();
    return turns.length ? turns[turns.length - 1]!.getEnd() : 0;
  }
  if (!$isElementNode(node)) return $startOf(node);
  let pos = $isTurnNode(node) ? node.getStart() : $startOf(node);
  const children = node.getChildren();
  for (let i = 0; i < point.offset && i < children.length; i += 1) pos += children[i]!.getTextContentSize();
  return pos;
}

/** The current range selection in canonical offsets (anchor/focus kept in order given). */
export function $selectionRange(keepDirection = false): { anchor: number; focus: number } | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  const anchor = $pointOffset(sel.anchor);
  const focus = $pointOffset(sel.focus);
  return keepDirection || anchor <= focus ? { anchor, focus } : { anchor: focus, focus: anchor };
}

/** Selects canonical [anchor, focus) (either order); false when the document is empty. */
export function $selectRange(anchor: number, focus: number): boolean {
  const a = $pointAt(anchor);
  const f = $pointAt(focus);
  if (!a || !f) return false;
  const sel = $createRangeSelection();
  sel.anchor.set(a.node.getKey(), a.offset, 'text');
  sel.focus.set(f.node.getKey(), f.offset, 'text');
  $setSelection(sel);
  return true;
}

/** True when the tree shows exactly the canonical turns' text (the never-edit invariant). */
export function $transcriptIntact(source: SourceText): boolean {
  const turns = transcriptTurns(source);
  const children = $getRoot().getChildren();
  if (children.length !== turns.length) return false;
  return children.every((child, i) => {
    const turn = turns[i]!;
    return (
      $isTurnNode(child) &&
      child.getStart() === turn.start &&
      child.getEnd() === turn.end &&
      child.getTextContent() === source.text.slice(turn.start, turn.end)
    );
  });
}
