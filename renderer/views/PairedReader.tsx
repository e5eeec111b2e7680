// One participant, two waves: passages aligned by code (first wave left, second right), or
// the two whole transcripts side by side, scrolled together and narrowed to one code.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { descendantIds, orderedTree } from '../core/codebook';
import type { ProjectSnapshot, Source } from '../core/shared';
import { pairedByCode, pairedCandidates, waveOptions, type CompareFilters, type PairedRow } from '../core/waves';
import type { Passage } from '../core/coding';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { useStable } from './useStable';

export function PairedReader(props: { snapshot: ProjectSnapshot; setup: ProjectSetup; filters: CompareFilters }) {
  const { coderId, blind, projectId } = useProject();
  const { snapshot, filters } = props;
  const pair = useStable(filters.pair);
  const candidates = useMemo(() => pairedCandidates(snapshot, pair), [snapshot, pair]);
  const [participantId, setParticipantId] = useState('');
  const [codeId, setCodeId] = useState('');
  const [mode, setMode] = useState<'codes' | 'transcripts'>('codes');
  const chosen = participantId || candidates[0] || '';
  const coderIds = useStable(waveOptions(filters, blind, coderId).coderIds);
  const rows = useMemo(
    () => (chosen ? pairedByCode(snapshot, chosen, pair, { ...(codeId ? { codeId } : {}), ...(coderIds ? { coderIds } : {}) }) : []),
    [snapshot, chosen, pair, codeId, coderIds],
  );
  const label = (id: string) => props.setup.waves.find((w) => w.id === id)?.label ?? id;
  const person = snapshot.participants.find((p) => p.id === chosen);
  const open = (p: Passage) => openPassage(projectId, p);

  if (candidates.length === 0)
    return (
      <p className="muted">
        Nobody (in these filters) was interviewed at both {label(pair[0])} and {label(pair[1])}.
      </p>
    );
  return (
    <div className="paired-reader">
      <div className="row">
        <select aria-label="Participant" value={chosen} onChange={(e) => setParticipantId(e.target.value)}>
          {candidates.map((id) => (
            <option key={id} value={id}>
              {snapshot.participants.find((p) => p.id === id)?.pseudonym}
            </option>
          ))}
        </select>
        <select aria-label="Code or measure" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
          <option value="">All codes</option>
          {orderedTree(snapshot.codes).map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {code.name}
            </option>
          ))}
        </select>
        <span className="segmented" role="group" aria-label="Show">
          <button type="button" aria-pressed={mode === 'codes'} onClick={() => setMode('codes')}>
            Passages by code
          </button>
          <button type="button" aria-pressed={mode === 'transcripts'} onClick={() => setMode('transcripts')}>
            Whole transcripts
          </button>
        </span>
      </div>
      {mode === 'codes' ? (
        <table className="grid paired">
          <thead>
            <tr>
              <th>Code</th>
              <th>{label(pair[0])}</th>
              <th>{label(pair[1])}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {person?.pseudonym} has no coded passages {codeId ? 'for this code ' : ''}at these waves.
                </td>
              </tr>
            )}
            <PairedRows rows={rows} snapshot={snapshot} onOpen={open} />
          </tbody>
        </table>
      ) : (
        <SideBySide snapshot={snapshot} participantId={chosen} pair={pair} codeId={codeId} coderIds={coderIds} label={label} />
      )}
    </div>
  );
}

/** Two coders' codings of the very same words are one passage, with both coders named. */
/**
 * The rows of a side-by-side table: each code (indented by its depth above `top`) with the two
 * sides' passages, two coders' codings of the same words shown once, each openable. The paired
 * reader puts one person's two waves side by side; the triangulation two people's one wave.
 */
export function PairedRows(props: { rows: readonly PairedRow[]; snapshot: ProjectSnapshot; top?: number; onOpen(p: Passage): void }) {
  const top = props.top ?? 0;
  return props.rows.map((row) => (
    <tr key={row.codeId}>
      <th scope="row" style={{ paddingLeft: `${0.4 + (row.depth - top) * 1.1}rem` }}>
        {props.snapshot.codes.find((c) => c.id === row.codeId)?.name}
      </th>
      {[row.first, row.second].map((list, i) => (
        <td key={i} className={list.length ? '' : 'empty-side'}>
          {list.length === 0 ? (
            <span className="muted">not coded</span>
          ) : (
            sameRange(list).map(([p, coders]) => (
              <blockquote key={p.codingId} className="excerpt">
                {p.text} <span className="muted small">{coders.join(', ')}</span>{' '}
                <button type="button" className="link small" title="Open this passage in the Coding tab" onClick={() => props.onOpen(p)}>
                  open
                </button>
              </blockquote>
            ))
          )}
        </td>
      ))}
    </tr>
  ));
}

export function sameRange(list: readonly Passage[]): [Passage, string[]][] {
  const out = new Map<string, [Passage, string[]]>();
  for (const p of list) {
    const key = `${p.sourceId}:${p.start}:${p.end}`;
    const seen = out.get(key);
    if (seen) seen[1].push(p.coderName);
    else out.set(key, [p, [p.coderName]]);
  }
  return [...out.values()];
}

/** Both transcripts at once; scrolling one scrolls the other to the same share of its length. */
function SideBySide(props: {
  snapshot: ProjectSnapshot;
  participantId: string;
  pair: [string, string];
  codeId: string;
  coderIds?: string[];
  label(id: string): string;
}) {
  const panes = [useRef<HTMLDivElement>(null), useRef<HTMLDivElement>(null)];
  const syncing = useRef(false);
  const sources = props.pair.map((w) =>
    props.snapshot.sources.filter((s) => s.deletedAt == null && s.participantId === props.participantId && s.wave === w),
  );
  const codes = props.codeId ? new Set([props.codeId, ...descendantIds(props.snapshot.codes, props.codeId)]) : null;
  const onScroll = (from: number) => {
    if (syncing.current) {
      syncing.current = false;
      return;
    }
    const a = panes[from]!.current;
    const b = panes[1 - from]!.current;
    if (!a || !b) return;
    syncing.current = true;
    b.scrollTop = (a.scrollTop / Math.max(1, a.scrollHeight - a.clientHeight)) * (b.scrollHeight - b.clientHeight);
  };
  return (
    <div className="side-by-side">
      {sources.map((list, i) => (
        <div key={i} className="pane" ref={panes[i]} onScroll={() => onScroll(i)} aria-label={props.label(props.pair[i]!)}>
          <h3>{props.label(props.pair[i]!)}</h3>
          {list.map((s) => (
            <TranscriptTurns key={s.id} source={s} snapshot={props.snapshot} codes={codes} coderIds={props.coderIds} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The turns of a transcript; with a code chosen, only the turns holding it, its passages marked. */
function TranscriptTurns(props: { source: Source; snapshot: ProjectSnapshot; codes: Set<string> | null; coderIds?: string[] }) {
  const { source } = props;
  const ranges = props.snapshot.codings
    .filter(
      (c) =>
        c.deletedAt == null &&
        c.sourceId === source.id &&
        (!props.codes || props.codes.has(c.codeId)) &&
        (!props.coderIds || props.coderIds.includes(c.coderId)),
    )
    .map((c) => [c.start, c.end] as const);
  const turns = source.turns.length
    ? source.turns
    : [{ start: 0, end: source.text.length, speaker: null, speakerRole: 'participant' as const }];
  const shown = props.codes ? turns.filter((t) => ranges.some(([s, e]) => s < t.end && e > t.start)) : turns;
  return (
    <section className="transcript-turns">
      <h4>{source.title}</h4>
      {shown.length === 0 && <p className="muted">Not coded with this code.</p>}
      {shown.map((t) => (
        <p key={t.start} className={t.speakerRole === 'interviewer' ? 'turn interviewer' : 'turn'}>
          {t.speaker && <strong>{t.speaker}: </strong>}
          {props.codes ? marked(source.text, t.start, t.end, ranges) : source.text.slice(t.start, t.end)}
        </p>
      ))}
    </section>
  );
}

function marked(text: string, start: number, end: number, ranges: readonly (readonly [number, number])[]) {
  const inside = ranges
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]) => [Math.max(s, start), Math.min(e, end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let at = start;
  for (const [s, e] of inside) {
    if (e <= at) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={s}>{text.slice(Math.max(s, at), e)}</mark>);
    at = e;
  }
  out.push(text.slice(at, end));
  return out;
}
