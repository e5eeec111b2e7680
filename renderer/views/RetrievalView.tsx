// Retrieval: every passage coded with a code (and, if wished, its sub-codes), with who said
// it, when (the wave, and the moment in the recording where the transcript is timed), and who
// coded it; each opens its place in the transcript.
import { useMemo, useState } from 'react';
import { orderedTree } from '../core/codebook';
import { retrieve } from '../core/coding';
import { clockAt } from '../core/media';
import { sectionTitles } from '../core/transcripts';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { useStable } from './useStable';
import { useProjectSnapshot } from './useProjectSnapshot';
import { VirtualList } from './VirtualBody';

export function RetrievalView(props: { setup: ProjectSetup }) {
  const { db, codes, coders, coderId, blind, projectId } = useProject();
  const snapshot = useProjectSnapshot(db);
  const [codeId, setCodeId] = useState('');
  const [includeChildren, setIncludeChildren] = useState(true);
  const [coderFilter, setCoderFilter] = useState<string>('');
  const [section, setSection] = useState('');
  const coderIds = useStable(blind ? (coderId ? [coderId] : []) : coderFilter ? [coderFilter] : undefined);
  const sourcesById = useMemo(() => new Map(snapshot?.sources.map((s) => [s.id, s])), [snapshot]);
  const sections = useMemo(() => (snapshot ? sectionTitles(snapshot.sources.filter((s) => s.deletedAt == null)) : []), [snapshot]);
  const passages = useMemo(
    () =>
      snapshot && codeId
        ? retrieve(snapshot, { codeIds: [codeId], includeChildren, ...(coderIds ? { coderIds } : {}), ...(section ? { section } : {}) })
        : [],
    [snapshot, codeId, includeChildren, coderIds, section],
  );
  const roleLabel = (role: string) => props.setup.roles.find((r) => r.id === role)?.label ?? role;
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? '';
  const people = new Set(passages.map((p) => p.participantId)).size;
  return (
    <section className="retrieval pad scroll-pane" data-scroll-pane>
      <div className="row">
        <select aria-label="Code to retrieve" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
          <option value="">Choose a code…</option>
          {orderedTree(codes).map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {code.name}
            </option>
          ))}
        </select>
        <label className="row">
          <input type="checkbox" checked={includeChildren} onChange={(e) => setIncludeChildren(e.target.checked)} /> with sub-codes
        </label>
        <select
          aria-label="Coder"
          value={blind ? (coderId ?? '') : coderFilter}
          disabled={blind}
          onChange={(e) => setCoderFilter(e.target.value)}
        >
          <option value="">All coders</option>
          {coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {sections.length > 0 && (
          <select aria-label="Section" value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">All sections</option>
            {sections.map((title) => (
              <option key={title} value={title}>
                Section: {title}
              </option>
            ))}
          </select>
        )}
        {codeId && (
          <span className="muted" role="status">
            {passages.length} passage(s) from {people} participant(s){blind ? ' · blind: only your codings' : ''}
          </span>
        )}
      </div>
      <VirtualList
        className="plain passages"
        items={passages}
        rowHeight={110}
        row={(p, _i, itemProps) => {
          // Only the rows on screen ask: a transcript's timeline is built once, when first needed.
          const time = clockAt(sourcesById.get(p.sourceId), p.start);
          return (
            <li key={p.codingId} {...itemProps} className="passage card">
              <header className="row small">
                <strong>{p.pseudonym || 'No participant'}</strong>
                <span className="muted">
                  {roleLabel(p.role)} · {p.waveLabel || 'no wave'}
                  {time && <span title="When it is said in the recording"> · {time}</span>}
                  {p.sections.length > 0 && ` · ${p.sections.join(' › ')}`} · coded “{codeName(p.codeId)}” by {p.coderName}
                </span>
                <span className="spacer" />
                <button type="button" className="link" onClick={() => openPassage(projectId, p)}>
                  Open in transcript
                </button>
              </header>
              <blockquote className="excerpt">{p.text}</blockquote>
              {p.memo && <p className="small muted">Memo: {p.memo}</p>}
            </li>
          );
        }}
      />
    </section>
  );
}
