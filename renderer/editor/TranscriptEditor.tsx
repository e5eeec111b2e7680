// The transcript viewer the coding view works in. It shows codings and reports selections
// as canonical offsets; it never owns a coding and never lets the text change. The Lexical
// state is built directly from (source, codings) — no React element per turn or mark — and
// rebuilt only where codings changed (useTranscriptBuild).
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { $getNearestNodeFromDOMNode, $isTextNode, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { useEffect, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import type { Coding, Source } from '../core/shared';
import { turnsTouched } from '../core/transcripts';
import {
  $buildTranscript,
  $offsetOf,
  $pointAt,
  $selectionRange,
  $selectRange,
  $startOf,
  $transcriptIntact,
  transcriptTurns,
} from './buildState';
import { useAdoptedRule } from './adoptedSheet';
import { usePlayingTurn } from './playingTurn';
import { useSearchHighlights, type HighlightRange } from './searchHighlights';
import { CodingMargin } from './CodingMargin';
import { useCodingTooltip, type CodingLabel } from './CodingTooltip';
import { $isCodingMarkNode, TRANSCRIPT_NODES } from './nodes';
import { blockNativeInput, registerReadOnly } from './readOnly';
import { BUILD_TAG, buildTags, useTranscriptBuild } from './useTranscriptBuild';
import './editor.css';

export interface TranscriptEditorProps {
  source: Source;
  codings: Coding[];
  colours: ReadonlyMap<string, string>; // codeId -> colour
  selectedCodingId: string | null;
  scrollTo?: { start: number; end: number; nonce: number } | null;
  onSelectionChange(range: { start: number; end: number } | null, raw: boolean): void;
  /** A click on coded text (its codings), or on uncoded text (no ids). */
  onCodingClick(codingIds: string[], offset: number): void;
  /** Names a coding's code and coder for the hover tooltip. */
  describeCoding?(codingId: string): CodingLabel | null;
  /** How strongly codings tint the text: 1 is the default, lower is paler. */
  markStrength?: number;
  /** Hits of Find in the transcript, painted over the text; `currentFind` is the one gone to. */
  findHits?: readonly HighlightRange[];
  currentFind?: number;
  /** Where the recording being played is, as an offset into the text: its turn is outlined. */
  playingAt?: number | null;
  /** Keep the turn being played in view. */
  followPlaying?: boolean;
  /** A click on a turn's speaker label (not its text): the offset its turn starts at. */
  onTurnLabelClick?(offset: number): void;
  /** Where the caret is when nothing is selected (the player plays or syncs from there). */
  onCaret?(offset: number): void;
}

const INITIAL_CONFIG = {
  namespace: 'transcript',
  nodes: TRANSCRIPT_NODES,
  editable: true,
  editorState: null, // the root is filled from offsets, not seeded with a paragraph
  onError: (error: Error) => console.error(error),
};

const NO_HITS: readonly HighlightRange[] = [];

export function TranscriptEditor(props: TranscriptEditorProps) {
  return (
    <LexicalComposer initialConfig={INITIAL_CONFIG}>
      <TranscriptBody {...props} />
    </LexicalComposer>
  );
}

function TranscriptBody(props: TranscriptEditorProps) {
  const { source, codings, colours } = props;
  const [editor] = useLexicalComposerContext();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const altRef = useRef(false);
  const reported = useRef('');
  const turns = useMemo(() => transcriptTurns(source), [source]);
  const { markNow } = useTranscriptBuild(editor, props, turns, wrapperRef);
  const hover = useCodingTooltip(props.describeCoding);
  useSearchHighlights(editor, props.findHits ?? NO_HITS, props.currentFind ?? -1);
  usePlayingTurn(turns, props.playingAt, props.followPlaying ?? false, scrollRef);

  useEffect(() => {
    const copyText = () =>
      editor.read(() => {
        const r = $selectionRange();
        return r && r.focus > r.anchor ? latest.current.source.text.slice(r.anchor, r.focus) : null;
      });
    return registerReadOnly(editor, copyText);
  }, [editor]);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    // Alt held while selecting = raw selection; remember it from the events that select.
    const track = (e: KeyboardEvent | PointerEvent) => {
      altRef.current = e.altKey;
    };
    // Text cannot be dragged (DRAGSTART is blocked), so a press inside the selection must
    // start a new selection, as in a read-only viewer, rather than a drag that goes nowhere.
    const press = (e: PointerEvent) => {
      track(e);
      const sel = window.getSelection();
      const inText = e.target instanceof Node && editor.getRootElement()?.contains(e.target);
      if (inText && e.button === 0 && !e.shiftKey && sel && !sel.isCollapsed) sel.removeAllRanges();
    };
    const unblock = blockNativeInput(wrapper);
    wrapper.addEventListener('keydown', track, true);
    wrapper.addEventListener('pointerdown', press, true);
    wrapper.addEventListener('pointerup', track, true);
    return () => {
      unblock();
      wrapper.removeEventListener('keydown', track, true);
      wrapper.removeEventListener('pointerdown', press, true);
      wrapper.removeEventListener('pointerup', track, true);
    };
  }, [editor]);

  // Selection -> offsets, and the last line of defence for the never-edit rule.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, tags, dirtyElements, dirtyLeaves }) => {
        const { source: src, codings: cs, onSelectionChange } = latest.current;
        if (!tags.has(BUILD_TAG) && (dirtyLeaves.size > 0 || dirtyElements.size > 0) && !editorState.read(() => $transcriptIntact(src))) {
          editor.update(() => $buildTranscript(src, cs), { tag: buildTags(editor) });
          return;
        }
        const range = editorState.read(() => $selectionRange());
        if (range && range.focus === range.anchor) latest.current.onCaret?.(range.anchor);
        const next = range && range.focus > range.anchor ? { start: range.anchor, end: range.focus } : null;
        const key = next ? `${next.start}:${next.end}:${altRef.current}` : '';
        if (key === reported.current) return;
        reported.current = key;
        onSelectionChange(next, next !== null && altRef.current);
      }),
    [editor],
  );

  // Bring a range into view and select it (search hits, the coding list, the inspector).
  const nonce = props.scrollTo?.nonce;
  useEffect(() => {
    const target = latest.current.scrollTo;
    if (!target) return;
    // Turns still waiting for their marks get them before they come into view.
    const around = turnsTouched(transcriptTurns(latest.current.source), target.start, target.end);
    const first = around[0] ?? 0;
    markNow(Array.from({ length: (around.at(-1) ?? first) - first + 11 }, (_, k) => first - 5 + k));
    editor.getRootElement()?.focus({ preventScroll: true });
    editor.update(
      () => {
        $selectRange(target.start, target.end);
      },
      { discrete: true, tag: SKIP_SCROLL_INTO_VIEW_TAG },
    );
    const key = editor.read(() => $pointAt(target.start)?.node.getKey());
    const el = key ? editor.getElementByKey(key) : null;
    const scroller = scrollRef.current;
    if (el && scroller) {
      // Centre it in our own scroller only; scrollIntoView would also scroll the page.
      const r = el.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += r.top - box.top - Math.max(0, (box.height - Math.min(r.height, box.height)) / 2);
    }
  }, [editor, nonce, markNow]); // reads the target from `latest`: only a new nonce scrolls

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // The speaker label is the turn's own generated content: a click on it lands on the turn.
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.classList.contains('turn') && target.dataset.start && latest.current.onTurnLabelClick)
      return latest.current.onTurnLabelClick(Number(target.dataset.start));
    const markEl = event.target instanceof Element ? event.target.closest('.coding-mark') : null;
    const sel = window.getSelection();
    if (!sel || !sel.isCollapsed) return;
    // A click on uncoded text lets go of the coding shown beside it.
    if (!markEl || !sel.anchorNode) return latest.current.onCodingClick([], 0);
    const anchorNode = sel.anchorNode;
    const hit = editor.read(() => {
      const mark = $getNearestNodeFromDOMNode(markEl);
      if (!$isCodingMarkNode(mark)) return null;
      const at = $getNearestNodeFromDOMNode(anchorNode);
      const offset = $isTextNode(at) && markEl.contains(anchorNode) ? $offsetOf(at, sel.anchorOffset) : $startOf(mark);
      return { ids: mark.getIDs(), offset };
    });
    if (hit) latest.current.onCodingClick(hit.ids, hit.offset);
  };

  // The selected coding is outlined in the text too: one attribute rule, no node changes.
  const selected = props.selectedCodingId;
  const selectedCss = selected
    ? `.transcript-content [data-coding-ids~="${CSS.escape(selected)}"]{outline:1.5px solid rgba(0,0,0,.75);outline-offset:0}`
    : '';
  useAdoptedRule(selectedCss);

  return (
    <div
      className={props.onTurnLabelClick ? 'transcript-editor with-recording' : 'transcript-editor'}
      ref={wrapperRef}
      style={{ '--mark-strength': String(props.markStrength ?? 1) } as CSSProperties}
    >
      <div className="transcript-scroll" data-transcript-scroll ref={scrollRef}>
        <div className="transcript-columns" onMouseOver={hover.onMouseOver} onMouseLeave={hover.onMouseLeave}>
          <CodingMargin
            editor={editor}
            turns={turns}
            codings={codings}
            colours={colours}
            selectedCodingId={props.selectedCodingId}
            scrollRef={scrollRef}
            onCodingClick={(ids, offset) => latest.current.onCodingClick(ids, offset)}
          />
          <div className="transcript-text" onClick={onClick}>
            <ContentEditable
              className="transcript-content"
              spellCheck={false}
              autoCorrect="off"
              aria-label={`Transcript: ${source.title}`}
              aria-readonly
              aria-multiline
            />
          </div>
          {hover.tooltip}
        </div>
      </div>
    </div>
  );
}
