// The two node types of the transcript editor. A TurnNode is one speaker turn (a block);
// a CodingMarkNode wraps a run of text covered by the same set of codings and carries
// ONLY their ids. Nothing here owns a coding: offsets live in the store, colours in a
// lookup beside the editor, and both node kinds are rebuilt from offsets (buildState.ts).
import { adoptSheet, sheetInForce } from './adoptedSheet';
import { MarkNode } from '@lexical/mark';
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  nodeSchema,
  nullable,
  numberValue,
  stringValue,
  withField,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';

export interface TurnInfo {
  index: number; // position among the display turns, = index among the root's children
  speaker: string | null;
  speakerRole: string; // 'interviewer' | 'participant' | 'other'
  start: number; // canonical offsets of the turn's text, end exclusive
  end: number;
  /** The document's headings just above this turn (core sections), shown, never text. */
  heading?: string | null;
}

const NO_TURN: TurnInfo = { index: 0, speaker: null, speakerRole: 'participant', start: 0, end: 0 };

// Declared as a schema so Lexical's clone and JSON walks carry the fields (0.52 style).
const turnNodeSchema = nodeSchema<TurnNode>()({
  turnIndex: withField(numberValue(0, { integer: true }), { field: '__turnIndex' }),
  speaker: withField(nullable(stringValue()), { field: '__speaker' }),
  speakerRole: withField(stringValue('participant'), { field: '__speakerRole' }),
  start: withField(numberValue(0, { integer: true }), { field: '__start' }),
  end: withField(numberValue(0, { integer: true }), { field: '__end' }),
  heading: withField(nullable(stringValue()), { field: '__heading' }),
});

export class TurnNode extends ElementNode {
  /** @internal */ __turnIndex: number;
  /** @internal */ __speaker: string | null;
  /** @internal */ __speakerRole: string;
  /** @internal */ __start: number;
  /** @internal */ __end: number;
  /** @internal */ __heading: string | null;

  override $config() {
    return this.config('transcript-turn', { extends: ElementNode, json: turnNodeSchema });
  }

  // A default first argument: Lexical's synthesized clone calls the constructor bare.
  constructor(info: TurnInfo = NO_TURN, key?: NodeKey) {
    super(key);
    this.__turnIndex = info.index;
    this.__speaker = info.speaker;
    this.__speakerRole = info.speakerRole;
    this.__start = info.start;
    this.__end = info.end;
    this.__heading = info.heading ?? null;
  }

  getTurnIndex(): number {
    return this.getLatest().__turnIndex;
  }
  getSpeaker(): string | null {
    return this.getLatest().__speaker;
  }
  getSpeakerRole(): string {
    return this.getLatest().__speakerRole;
  }
  getStart(): number {
    return this.getLatest().__start;
  }
  getEnd(): number {
    return this.getLatest().__end;
  }
  getHeading(): string | null {
    return this.getLatest().__heading;
  }

  // The label, and a heading above the turn, are attributes shown by CSS (::before), so they
  // are never part of the text content, the selection or the offsets.
  override createDOM(_config: EditorConfig): HTMLElement {
    const el = $getDocument().createElement('div');
    el.className = `turn ${this.__speakerRole}`;
    if (this.__speaker !== null) el.setAttribute('data-speaker', this.__speaker);
    if (this.__heading !== null) el.setAttribute('data-heading', this.__heading);
    el.setAttribute('data-turn', String(this.__turnIndex));
    el.setAttribute('data-start', String(this.__start));
    return el;
  }

  override updateDOM(prev: this): boolean {
    // Turns never change in place; if one did, recreate its element.
    return (
      prev.__speaker !== this.__speaker ||
      prev.__speakerRole !== this.__speakerRole ||
      prev.__turnIndex !== this.__turnIndex ||
      prev.__start !== this.__start ||
      prev.__heading !== this.__heading
    );
  }

  // A transcript is read-only: no typing around or into the turn structure.
  override canBeEmpty(): boolean {
    return true;
  }
  override canInsertTextBefore(): boolean {
    return false;
  }
  override canInsertTextAfter(): boolean {
    return false;
  }
  override canIndent(): false {
    return false;
  }
}

export function $createTurnNode(info: TurnInfo): TurnNode {
  return $applyNodeReplacement(new TurnNode(info));
}

export function $isTurnNode(node: LexicalNode | null | undefined): node is TurnNode {
  return node instanceof TurnNode;
}

/** Resolves a coding id to its code's colour; kept per editor, beside the node state. */
export type ColourLookup = (codingId: string) => string | undefined;

const colourLookups = new WeakMap<LexicalEditor, ColourLookup>();

export function setColourLookup(editor: LexicalEditor, lookup: ColourLookup): void {
  colourLookups.set(editor, lookup);
}

const FALLBACK = '#9e9e9e';

// Colours come from codebooks, which can be imported from files: only plain colour syntax
// may reach a stylesheet rule (no braces or semicolons that could smuggle in more CSS).
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]*\))$/i;

function safeColour(colour: string | undefined): string {
  return colour !== undefined && SAFE_COLOUR.test(colour.trim()) ? colour.trim() : FALLBACK;
}

/**
 * `colour` at `alpha` times the researcher's highlight strength (the `--mark-strength`
 * custom property on the editor, 1 by default), capped at fully opaque.
 */
function tint(colour: string, alpha: number): string {
  const a = `min(1, calc(var(--mark-strength, 1) * ${alpha}))`;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return `color-mix(in srgb, ${colour} calc(${a} * 100%), transparent)`;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const n = Number.parseInt(full, 16);
  return `rgb(${n >> 16} ${(n >> 8) & 255} ${n & 255} / ${a})`;
}

// Marks share a handful of colour combinations. Each combination becomes one CSS rule in
// a shared stylesheet and a mark only gets its class name: parsing an inline style per mark
// was the largest single cost of opening a transcript (~1,000 marks). The sheet is a
// constructed one (adoptedSheet.ts): the page's Content-Security-Policy refuses inline styles.
interface MarkStyles {
  sheet: CSSStyleSheet;
  classes: Map<string, string>;
}
const markStyles = new WeakMap<Document, MarkStyles>();

function markClass(doc: Document, colours: readonly string[]): string {
  let styles = markStyles.get(doc);
  if (!styles || !sheetInForce(doc, styles.sheet)) {
    styles = { sheet: adoptSheet(doc), classes: new Map() };
    markStyles.set(doc, styles);
  }
  const key = colours.join('|');
  let cls = styles.classes.get(key);
  if (cls === undefined) {
    cls = `cm${styles.classes.size}`;
    const shadows = colours.slice(1).map((c, i) => `inset 0 -${3 * (i + 1)}px 0 ${c}`);
    const bg = tint(colours[0] ?? FALLBACK, colours.length > 1 ? 0.6 : 0.42);
    styles.sheet.insertRule(
      `.coding-mark.${cls}{background-color:${bg}${shadows.length ? `;box-shadow:${shadows.join(',')}` : ''}}`,
      styles.sheet.cssRules.length,
    );
    styles.classes.set(key, cls);
  }
  return cls;
}

/**
 * Paints a mark element. First id wins the background tint; every further coding adds a
 * 3px underline in its own colour (stacked inset box-shadows), and the tint deepens, so
 * an overlap shows how many codes meet there and which ones.
 */
export function paintMark(el: HTMLElement, ids: readonly string[], lookup: ColourLookup | undefined): void {
  const cls = markClass(
    el.ownerDocument,
    ids.map((id) => safeColour(lookup?.(id))),
  );
  el.className = ids.length > 1 ? `coding-mark overlap ${cls}` : `coding-mark ${cls}`;
}

/** MarkNode with ids only, drawn as a `coding-mark` with its codes' colours. */
export class CodingMarkNode extends MarkNode {
  override $config() {
    return this.config('coding-mark', { extends: MarkNode });
  }

  override createDOM(_config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const el = $getDocument().createElement('mark');
    const ids = this.__ids;
    el.setAttribute('data-coding-ids', ids.join(' '));
    paintMark(el, ids, editor ? colourLookups.get(editor) : undefined);
    return el;
  }

  override updateDOM(prev: this): boolean {
    // Ids are fixed at build time; a different set means a new element.
    return prev.__ids.join(' ') !== this.__ids.join(' ');
  }
}

export function $createCodingMarkNode(ids: readonly string[]): CodingMarkNode {
  return $applyNodeReplacement(new CodingMarkNode(ids));
}

export function $isCodingMarkNode(node: LexicalNode | null | undefined): node is CodingMarkNode {
  return node instanceof CodingMarkNode;
}

export const TRANSCRIPT_NODES = [TurnNode, CodingMarkNode];
