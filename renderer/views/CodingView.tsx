// Coding a transcript: the codebook on the left, the transcript (Lexical) in the middle,
// the coded passage under the cursor on the right. Keyboard: K opens the code picker,
// R repeats the last code, I codes in vivo, Alt while selecting skips word snapping.
import { matchShortcut, type ShortcutId } from '../core/shortcuts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { codePathText } from '../core/codebook';
import { applyCoding, codeName, createAndApplyCode, visibleCodings, snapToWords } from '../core/coding';
import { live } from '../core/shared';
import { TranscriptEditor } from '../editor/TranscriptEditor';
import { codingsOfSource } from '../store/codingSets';
import { prefs } from '../store/prefs';
import type { SourceMeta } from '../store/projectDb';
import { getSource, type ProjectSetup } from '../store/projectRepo';
import { CodeList } from './CodeList';
import { CodePicker } from './CodePicker';
import { CodingInspector } from './CodingInspector';
import { FindBar, useFindHits, type FindState } from './FindBar';
import { useProject } from './projectContext';
import { RecordingBar } from './RecordingBar';
import { SKIP_SECONDS, SPEEDS, useRecordingPlayer } from './useRecordingPlayer';
import { currentShortcuts } from './useShortcuts';
import { navigate, type ProjectRoute } from './route';

/** Highlight strengths offered: a factor on the tint of coded text. */
const MARK_STRENGTHS: [number, string][] = [
  [0.6, 'light'],
  [1, 'medium'],
  [1.6, 'strong'],
];

export function CodingView(props: { setup: ProjectSetup; sources: SourceMeta[]; route: ProjectRoute }) {
  const { db, codes, coders, coderId, blind, actWith, projectId } = useProject();
  const { route } = props;
  const sourceId = route.sourceId ?? props.sources[0]?.id ?? null;
  const source = useLiveQuery(() => (sourceId ? getSource(db, sourceId) : Promise.resolve(undefined)), [db, sourceId], null);
  const allCodings = useLiveQuery(async () => (sourceId ? live(await codingsOfSource(db, sourceId)) : []), [db, sourceId], []);
  const [selection, setSelectionState] = useState<{ start: number; end: number } | null>(null);
  // Keys act on the selection as it is now: a fast coder may press K before React re-renders.
  const selectionRef = useRef<{ start: number; end: number } | null>(null);
  const caretRef = useRef<number | null>(null);
  const setSelection = (range: { start: number; end: number } | null) => {
    selectionRef.current = range;
    setSelectionState(range);
  };
  const [clicked, setClicked] = useState<{ ids: string[]; offset: number } | null>(null);
  const [picking, setPicking] = useState(false);
  const [lastCodeId, setLastCodeId] = useState(() => prefs.lastCodeId(projectId));
  const [markStrength, setMarkStrength] = useState(() => prefs.markStrength());

  const shown = useMemo(() => visibleCodings(allCodings, coderId, blind), [allCodings, coderId, blind]);
  const colours = useMemo(() => new Map(codes.map((c) => [c.id, c.colour])), [codes]);
  const describeCoding = useMemo(() => {
    const byId = new Map(shown.map((c) => [c.id, c]));
    return (id: string) => {
      const coding = byId.get(id);
      const code = coding && codes.find((k) => k.id === coding.codeId);
      if (!coding || !code) return null;
      return {
        code: codePathText(codes, code.id, ' › '),
        coder: coders.find((k) => k.id === coding.coderId)?.name ?? 'unknown coder',
        colour: code.colour,
      };
    };
  }, [shown, codes, coders]);
  const selectedCodings = useMemo(() => (clicked ? shown.filter((c) => clicked.ids.includes(c.id)) : []), [clicked, shown]);
  // A passage opened from retrieval, or the passage just coded: the editor selects it again, so
  // the coder can go on from it (grow it with Shift+arrows, add another code).
  const [reselect, setReselect] = useState<{ start: number; end: number; nonce: number } | null>(null);
  const routeRange = useMemo(() => (route.range ? { ...route.range, nonce: Date.now() } : null), [route.range]);
  const scrollTo = reselect && (!routeRange || reselect.nonce > routeRange.nonce) ? reselect : routeRange;
  // Find in the transcript (Ctrl+F): its query, the hit gone to, and a nonce to focus its box.
  const [find, setFind] = useState<FindState | null>(null);
  const [findFocus, setFindFocus] = useState(0);
  const found = useFindHits(source, find?.query ?? '');
  const player = useRecordingPlayer(db, source);
  const [follow, setFollow] = useState(() => prefs.followPlaying());
  // The player's keys, on the document as Ctrl+F's: they work wherever focus is on the tab.
  const playerKeys = useRef<(id: ShortcutId) => boolean>(() => false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut('player', e, currentShortcuts());
      if (id && playerKeys.current(id)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    // On the document, so Ctrl+F from anywhere on the tab opens ours, not the browser's.
    const onKey = (e: KeyboardEvent) => {
      if (matchShortcut('coding', e) !== 'findInTranscript') return;
      e.preventDefault();
      setFind((f) => f ?? { query: '', current: -1 });
      setFindFocus(Date.now());
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  // A new transcript starts the count again.
  useEffect(() => setFind((f) => f && { ...f, current: -1 }), [sourceId]);
  /** Goes to the next (1) or previous (-1) hit, selecting it in the text. */
  const goToHit = (step: 1 | -1) => {
    if (!find || found.hits.length === 0) return;
    const n = found.hits.length;
    const next = find.current < 0 ? (step === 1 ? 0 : n - 1) : (find.current + step + n) % n;
    setFind({ ...find, current: next });
    const hit = found.hits[next]!;
    setReselect({ start: hit.start, end: hit.end, nonce: Date.now() });
  };

  if (props.sources.length === 0) return <p className="pad muted">Import transcripts first (Transcripts tab), then code them here.</p>;
  if (source === null) return <p className="pad muted">Opening…</p>;
  if (!source || !sourceId) return <p className="pad">This transcript is no longer in the project.</p>;

  const passage = selectedCodings[0] ?? selectionRef.current;
  const coderName = coders.find((c) => c.id === coderId)?.name ?? '';
  // The player's keys act only when the transcript's recording is loaded; else they are left alone.
  playerKeys.current = (id) => {
    if (!player.media) return false;
    if (id === 'playPause' || id === 'playPauseF9') player.toggle();
    else if (id === 'playBack') player.skip(-SKIP_SECONDS);
    else if (id === 'playForward') player.skip(SKIP_SECONDS);
    else if (id === 'playFromCursor') player.playFrom(selectionRef.current?.start ?? caretRef.current ?? player.playingAt ?? 0);
    else if (id === 'syncTurn') void player.syncHere(selectionRef.current?.start ?? caretRef.current ?? 0, coderName);
    else if (id === 'playSelection' && passage) player.playRange(passage.start, passage.end);
    else if (id === 'playSlower' || id === 'playFaster') {
      const at = SPEEDS.indexOf(player.media.playbackRate);
      const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (at < 0 ? SPEEDS.indexOf(1) : at) + (id === 'playFaster' ? 1 : -1)))]!;
      player.setSpeed(next);
    }
    return true;
  };

  const participant = props.setup.participants.find((p) => p.id === source.participantId);
  const wave = props.setup.waves.find((w) => w.id === source.wave);

  async function apply(codeId: string) {
    const selection = selectionRef.current;
    if (!selection || !coderId || !source) return;
    const request = { sourceId: source.id, codeId, coderId, ...selection };
    if (
      await actWith((fresh) =>
        applyCoding(
          allCodings,
          request,
          source.text.length,
          fresh.codes.find((c) => c.id === codeId && c.deletedAt == null) ?? codeName(fresh.codes, codeId),
          () => crypto.randomUUID(),
          Date.now(),
        ),
      )
    ) {
      prefs.setLastCodeId(projectId, codeId);
      setLastCodeId(codeId);
      setReselect({ ...selection, nonce: Date.now() });
    }
  }

  /** Creates a code (named by the picker, or in vivo from the selected words) and applies it. */
  async function createAndApply(typedName: string | null) {
    const selection = selectionRef.current;
    if (!selection || !coderId || !source) return;
    let codeId = '';
    const done = await actWith((fresh) => {
      const made = createAndApplyCode(
        fresh.codes,
        allCodings,
        { sourceId: source.id, coderId, ...selection },
        source.text,
        typedName,
        () => crypto.randomUUID(),
        Date.now(),
      );
      codeId = made.codeId;
      return made.action;
    });
    // Only a code that was made becomes the "last code" (a refused name changes nothing).
    if (!done) return;
    prefs.setLastCodeId(projectId, codeId);
    setLastCodeId(codeId);
    setReselect({ ...selection, nonce: Date.now() });
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey)
      return;
    const id = matchShortcut('coding', e);
    const selected = selectionRef.current;
    if (id === 'codeSelection' && selected) setPicking(true);
    else if (id === 'repeatLastCode' && selected && lastCodeId && codes.some((c) => c.id === lastCodeId)) void apply(lastCodeId);
    else if (id === 'inVivoCode' && selected) void createAndApply(null);
    else if (id === 'clearClicked') setClicked(null);
    else if (id === 'findNextHit' && find) goToHit(1);
    else if (id === 'findPreviousHit' && find) goToHit(-1);
    else return;
    e.preventDefault();
  };

  return (
    <div className="coding" onKeyDown={onKeyDown}>
      <aside className="coding-left" aria-label="Codebook">
        <label className="source-picker">
          <span className="muted small">Transcript</span>
          <select
            aria-label="Transcript to code"
            value={sourceId}
            onChange={(e) => navigate({ ...route, sourceId: e.target.value, range: null })}
          >
            {props.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <CodeList codings={shown} selectionActive={!!selection && !!coderId} onApply={apply} lastCodeId={lastCodeId} />
      </aside>
      <section className="coding-main">
        <header className="coding-head">
          <h2>{source.title}</h2>
          <span className="muted">
            {participant?.pseudonym ?? 'No participant'} · {wave?.label ?? 'No wave'}
            {blind ? ' · blind: only your codings' : ''}
          </span>
          <span className="spacer" />
          <span className="muted small selection-info" aria-live="polite">
            {selection
              ? `${selection.end - selection.start} characters selected — K: code · R: repeat · I: in vivo`
              : 'Select text to code it'}
          </span>
          <label className="small muted">
            Highlights{' '}
            <select
              aria-label="Highlight strength"
              value={String(markStrength)}
              onChange={(e) => {
                const factor = Number(e.target.value);
                prefs.setMarkStrength(factor);
                setMarkStrength(factor);
              }}
            >
              {MARK_STRENGTHS.map(([factor, label]) => (
                <option key={factor} value={String(factor)}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </header>
        <RecordingBar
          player={player}
          db={db}
          sourceId={source.id}
          actor={coderName}
          follow={follow}
          onFollow={(on) => {
            prefs.setFollowPlaying(on);
            setFollow(on);
          }}
        />
        {find && (
          <FindBar
            state={find}
            hits={found.hits}
            error={found.error}
            focusNonce={findFocus}
            onQuery={(query) => setFind({ query, current: -1 })}
            onGo={goToHit}
            onClose={() => setFind(null)}
          />
        )}
        <TranscriptEditor
          source={source}
          codings={shown}
          colours={colours}
          selectedCodingId={selectedCodings[0]?.id ?? null}
          scrollTo={scrollTo}
          onSelectionChange={(range, raw) => setSelection(range && (raw ? range : snapRange(source.text, range)))}
          onCodingClick={(ids, offset) => setClicked(ids.length ? { ids, offset } : null)}
          describeCoding={describeCoding}
          markStrength={markStrength}
          findHits={find ? found.hits : undefined}
          currentFind={find?.current ?? -1}
          playingAt={player.media ? player.playingAt : null}
          followPlaying={follow}
          onTurnLabelClick={player.media ? (offset) => void player.playFrom(offset) : undefined}
          onCaret={(offset) => (caretRef.current = offset)}
        />
      </section>
      <aside className="coding-right" aria-label="Coded passage">
        {player.media && selectedCodings[0] && (
          <button
            type="button"
            className="play-passage"
            onClick={() => player.playRange(selectedCodings[0]!.start, selectedCodings[0]!.end)}
          >
            ▶ Play this passage
          </button>
        )}
        <CodingInspector source={source} codings={selectedCodings} allCodings={allCodings} onDone={() => setClicked(null)} />
      </aside>
      {picking && (
        <CodePicker
          codes={codes}
          onClose={() => setPicking(false)}
          onPick={(id) => {
            setPicking(false);
            void apply(id);
          }}
          onCreate={(name) => {
            setPicking(false);
            void createAndApply(name);
          }}
        />
      )}
      {!coderId && <p className="pad muted">Choose who is coding to start.</p>}
    </div>
  );
}

function snapRange(text: string, range: { start: number; end: number }): { start: number; end: number } | null {
  const [start, end] = snapToWords(text, range.start, range.end);
  return end > start ? { start, end } : null;
}
