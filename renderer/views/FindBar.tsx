// Find in the open transcript (Ctrl+F on the Coding tab): the query language of the Search tab
// over this one transcript, every hit painted in the text, "3 of 17", next and previous. Enter
// goes to a hit and selects it in the text, so K codes it with the picker; F3 and Shift+F3 go
// on from the text, Ctrl+F comes back here.
import { useEffect, useMemo, useRef } from 'react';
import { searchText, type SearchHit } from '../core/search';
import { errorMessage, type Source } from '../core/shared';
import { keysOf, matchShortcut } from '../core/shortcuts';
import { isMac } from './ShortcutSheet';

export interface FindState {
  query: string;
  /** Index of the hit gone to last, or -1. */
  current: number;
}

/** The hits of `query` in one transcript, in everyone's turns; an error instead when it cannot be read. */
export function useFindHits(source: Source | null | undefined, query: string): { hits: SearchHit[]; error: string | null } {
  return useMemo(() => {
    if (!source || !query.trim()) return { hits: [], error: null };
    try {
      const project = { waves: [], participants: [], sources: [source], codes: [], codings: [], coders: [] };
      return { hits: searchText(project, query, { speaker: 'both' }), error: null };
    } catch (e) {
      return { hits: [], error: errorMessage(e) };
    }
  }, [source, query]);
}

export function FindBar(props: {
  state: FindState;
  hits: readonly SearchHit[];
  error: string | null;
  /** Bumped to bring focus back to the box (Ctrl+F again). */
  focusNonce: number;
  onQuery(query: string): void;
  onGo(step: 1 | -1): void;
  onClose(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [props.focusNonce]);
  const { hits, state } = props;
  const where =
    hits.length === 0 ? (state.query.trim() ? 'no hits' : '') : `${state.current >= 0 ? state.current + 1 : 0} of ${hits.length}`;
  const mac = isMac();
  return (
    <div className="find-bar row" role="search" aria-label="Find in the transcript">
      <input
        ref={input}
        type="search"
        aria-label="Find in the transcript"
        placeholder="Find: words, “phrases”, wild*, /regex/"
        value={state.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          const id = matchShortcut('find', e);
          if (id === 'findGo') props.onGo(1);
          else if (id === 'findBack') props.onGo(-1);
          else if (id === 'findClose') props.onClose();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <span className="muted small find-count" role="status" aria-label="Find hits">
        {where}
      </span>
      <button
        type="button"
        className="icon"
        aria-label="Previous hit"
        title={`Previous hit (${keysOf('findPreviousHit', mac)})`}
        disabled={hits.length === 0}
        onClick={() => props.onGo(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Next hit"
        title={`Next hit (Enter, ${keysOf('findNextHit', mac)})`}
        disabled={hits.length === 0}
        onClick={() => props.onGo(1)}
      >
        ↓
      </button>
      <span className="muted small">Enter goes to a hit · K codes it · {keysOf('findNextHit', mac)} next</span>
      <button type="button" className="icon" aria-label="Close Find" onClick={props.onClose}>
        ×
      </button>
      {props.error && (
        <span className="find-error small" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}
