// The Search tab: the words of every transcript, with the query language of core/search, the
// filters of every tab, the hits counted per wave and participant, and the concordance (each
// line opens its place in the transcript). The index lives in a worker (store/searchEngine).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { orderedTree } from '../core/codebook';
import {
  hitCounts,
  hitSentence,
  hitTotal,
  QUERY_HELP,
  QueryError,
  unpackHits,
  type ConcordanceLine,
  type ConcordanceOrder,
  type SearchFilter,
  type SearchOptions,
  type SearchHit,
  type SearchProject,
  type Speaker,
} from '../core/search';
import { errorMessage } from '../core/shared';
import { allCodings } from '../store/codingSets';
import type { SourceMeta } from '../store/projectDb';
import type { ProjectSetup } from '../store/projectRepo';
import { searchEngineFor, type FoundSearch, type SearchProgress } from '../store/searchEngine';
import { ErrorLine, SubTabs } from './common';
import { AutoCodeDialog } from './AutoCodeDialog';
import { Concordance, concordanceRows } from './Concordance';
import { useProject } from './projectContext';
import { WordFrequencies } from './WordFrequencies';
import { openPassage } from './route';
import { Chips, ScopeFilters, type ScopeValue } from './ScopeFilters';
import { copyChecked, ExportTableButtons, useExportError } from './TableExport';

type Filters = ScopeValue & Pick<SearchFilter, 'codedWith' | 'notCodedWith'>;

const SPEAKERS: { id: Speaker; label: string }[] = [
  { id: 'participant', label: 'participants’ turns' },
  { id: 'interviewer', label: 'interviewers’ turns' },
  { id: 'both', label: 'everyone’s turns' },
];

export function SearchView(props: { setup: ProjectSetup; sources: SourceMeta[] }) {
  const { db, projectId, codes } = useProject();
  const engine = searchEngineFor(db);
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [options, setOptions] = useState<SearchOptions>({ speaker: 'participant', scope: 'turn' });
  const [filters, setFilters] = useState<Filters>({});
  const [setIds, setSetIds] = useState<string[]>([]);
  const [width, setWidth] = useState(60);
  const [order, setOrder] = useState<ConcordanceOrder>('place');
  const [result, setResult] = useState<{ hits: FoundSearch; version: number } | null>(null);
  const found = result?.hits ?? null;
  const total = found ? hitTotal(found) : 0;
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const [autoCoding, setAutoCoding] = useState(false);
  const [view, setView] = useState<'hits' | 'words'>('hits');
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const codeFiltered = Boolean(filters.codedWith?.length || filters.notCodedWith?.length);
  const codings = useLiveQuery(() => (codeFiltered ? allCodings(db) : Promise.resolve([])), [db, codeFiltered]);
  const project: SearchProject = useMemo(
    () => ({
      waves: props.setup.waves,
      participants: props.setup.participants,
      sets: props.setup.sets,
      sources: props.sources,
      codes,
      codings: codings ?? [],
      coders: [],
    }),
    [props.setup, props.sources, codes, codings],
  );

  // The index follows the transcripts: imported ones are indexed, binned ones dropped.
  useEffect(() => {
    let live = true;
    engine
      .sync((p) => live && setProgress(p))
      .then(() => live && setProgress(null))
      .catch((e: unknown) => live && setError(`The search index could not be brought up to date: ${errorMessage(e)}`));
    return () => {
      live = false;
    };
  }, [engine, props.sources]);

  // What a search reads besides the index is set up before the first one is asked (at ten
  // times the study that took the first search a second); a failure here shows in the search.
  useEffect(() => {
    if (asked !== null) return;
    engine.prepare(project, { ...options, ...filters, setIds }).catch(() => {});
  }, [engine, project, asked, options, filters, setIds]);

  // A search asked for runs again when its filters or options change.
  useEffect(() => {
    if (asked === null) return;
    let live = true;
    setError(null);
    engine
      .find(project, asked, { ...options, ...filters, setIds })
      .then((hits) => live && setResult((r) => ({ hits, version: (r?.version ?? 0) + 1 })))
      .catch((e: unknown) => {
        if (!live) return;
        setResult(null);
        setError(errorMessage(e));
        if (e instanceof QueryError && input.current) {
          input.current.focus();
          input.current.setSelectionRange(e.position, Math.min(asked.length, e.position + 1));
        }
      });
    return () => {
      live = false;
    };
  }, [engine, project, asked, options, filters, setIds]);

  const frequencyFilter = useMemo(() => ({ ...filters, setIds, speaker: options.speaker }), [filters, setIds, options.speaker]);
  const byId = useMemo(() => new Map(props.sources.map((s) => [s.id, s])), [props.sources]);
  /** Every line of the concordance, in the order shown, for an export or a copy. */
  const allLines = () => engine.lines(order, 0, total, width);
  const label = (line: Pick<ConcordanceLine, 'sourceId'>) => {
    const source = byId.get(line.sourceId);
    const person = props.setup.participants.find((p) => p.id === source?.participantId);
    return {
      who: person?.pseudonym ?? source?.title ?? '?',
      wave: props.setup.waves.find((w) => w.id === source?.wave)?.label ?? '',
      title: source?.title ?? '?',
    };
  };
  // Counted once per result: a re-render (the context slider, a sort) does not count 100,000 hits again.
  const counts = useMemo(() => found && hitCounts(project, props.sources, found), [project, props.sources, found]);
  const codeOptions = orderedTree(codes).map(({ code, depth }) => ({ id: code.id, label: `${'\u00a0\u00a0'.repeat(depth)}${code.name}` }));
  const [copyError, runCopy, dismissCopy] = useExportError();
  const option = (key: 'stem' | 'matchCase' | 'matchAccents', labelText: string, title: string) => (
    <label title={title}>
      <input type="checkbox" checked={Boolean(options[key])} onChange={(e) => setOptions({ ...options, [key]: e.target.checked })} />{' '}
      {labelText}
    </label>
  );

  return (
    <div className="search-view pad">
      <form
        className="row search-box"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text);
        }}
      >
        <input
          ref={input}
          type="search"
          aria-label="Search the transcripts"
          placeholder='e.g. police NOT court · "take responsibility" · angr* NEAR/5 child*'
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          Search
        </button>
        <button type="button" aria-expanded={showHelp} onClick={() => setShowHelp(!showHelp)}>
          How to search
        </button>
      </form>
      {showHelp && <QueryHelp />}
      <div className="filters search-filters" aria-label="Search filters">
        <div className="row wrap">
          {option(
            'stem',
            'other forms of words',
            'listening also finds listen and listens, responsible finds responsibility (English stems); a word in "quotes" stays as written',
          )}
          {option('matchCase', 'match case', 'Police finds Police, not police')}
          {option('matchAccents', 'match accents', 'café finds café, not cafe')}
          <label>
            Search in{' '}
            <select
              aria-label="Whose turns"
              value={options.speaker}
              onChange={(e) => setOptions({ ...options, speaker: e.target.value as Speaker })}
            >
              {SPEAKERS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label title="Where AND and NOT look for their other side">
            AND / NOT within{' '}
            <select
              aria-label="AND and NOT within"
              value={options.scope}
              onChange={(e) => setOptions({ ...options, scope: e.target.value as 'turn' | 'transcript' })}
            >
              <option value="turn">the same turn</option>
              <option value="transcript">the same transcript</option>
            </select>
          </label>
        </div>
        <ScopeFilters setup={props.setup} value={filters} onChange={setFilters} setIds={setIds} onSets={setSetIds} />
        <div className="row wrap">
          <fieldset className="row">
            <legend>Inside passages coded</legend>
            <Chips
              label="Add a code"
              options={codeOptions}
              chosen={filters.codedWith ?? []}
              onChange={(codedWith) => setFilters({ ...filters, codedWith })}
            />
          </fieldset>
          <fieldset className="row">
            <legend>Outside passages coded</legend>
            <Chips
              label="Leave out a code"
              options={codeOptions}
              chosen={filters.notCodedWith ?? []}
              onChange={(notCodedWith) => setFilters({ ...filters, notCodedWith })}
            />
          </fieldset>
        </div>
      </div>
      {progress && (
        <p className="muted small" role="status" aria-label="Indexing">
          Indexing transcripts for search… {progress.done} of {progress.total} <progress value={progress.done} max={progress.total} />
        </p>
      )}
      <SubTabs
        label="Search results"
        tabs={[
          ['hits', 'Concordance'],
          ['words', 'Word frequencies'],
        ]}
        current={view}
        onChoose={setView}
      />
      {view === 'words' && (
        <WordFrequencies
          engine={engine}
          project={project}
          filter={frequencyFilter}
          waves={props.setup.waves}
          onSearch={(word, stem) => {
            setText(word);
            setOptions({ ...options, stem });
            setAsked(word);
            setView('hits');
          }}
        />
      )}
      <ErrorLine error={error} onDismiss={() => setError(null)} />
      {view === 'hits' && found && counts && (
        <div className="search-results">
          <section className="search-hits">
            <p className="search-summary" role="status" aria-label="Search counts">
              {hitSentence(counts)}
            </p>
            <div className="row wrap">
              <label>
                Context{' '}
                <input
                  type="range"
                  aria-label="Context width"
                  min={20}
                  max={150}
                  step={10}
                  value={width}
                  onChange={(e) => setWidth(Number(e.target.value))}
                />{' '}
                <span className="muted small">{width} characters</span>
              </label>
              <span className="spacer" />
              <ExportTableButtons
                fileName={`Search ${asked ?? ''}`.trim()}
                sheet={async () => ({ name: 'Concordance', rows: concordanceRows(await allLines(), label), headerRows: 1 })}
              />
              <button type="button" disabled={total === 0} onClick={() => setAutoCoding(true)}>
                Auto-code…
              </button>
              <button
                type="button"
                onClick={() =>
                  runCopy(async () =>
                    copyChecked(
                      db,
                      concordanceRows(await allLines(), label)
                        .map((r) => r.join('\t'))
                        .join('\n'),
                      'the concordance',
                    ),
                  )
                }
              >
                Copy
              </button>
            </div>
            <ErrorLine error={copyError} onDismiss={dismissCopy} />
            {notice && (
              <p className="notice" role="status" aria-label="Auto-coded">
                {notice}
              </p>
            )}
            {total > 0 ? (
              <Concordance
                total={total}
                version={result?.version ?? 0}
                fetch={(o, from, to, w) => engine.lines(o, from, to, w)}
                order={order}
                onOrder={setOrder}
                label={label}
                width={width}
                onOpen={(line) => openPassage(projectId, line)}
              />
            ) : (
              <p className="muted">Nothing found. Try other forms of words, a wildcard (violen*), or everyone’s turns.</p>
            )}
          </section>
          <aside className="search-counts" aria-label="Hits per participant">
            <table className="grid">
              <thead>
                <tr>
                  <th>Participant</th>
                  {counts.byWave.map((w) => (
                    <th key={w.waveId ?? ''} className="num">
                      {w.label}
                    </th>
                  ))}
                  <th className="num">Hits</th>
                </tr>
              </thead>
              <tbody>
                {counts.byParticipant.map((p) => (
                  <tr key={p.participantId ?? ''}>
                    <td>{p.pseudonym}</td>
                    {counts.byWave.map((w) => (
                      <td key={w.waveId ?? ''} className="num">
                        {p.byWave[w.waveId ?? ''] ?? ''}
                      </td>
                    ))}
                    <td className="num">{p.hits}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </aside>
        </div>
      )}
      <AutoCode
        open={autoCoding}
        engine={engine}
        query={asked}
        found={found}
        who={(sourceId) => {
          const l = label({ sourceId });
          return l.wave ? `${l.who}, ${l.wave}` : l.who;
        }}
        onClose={() => setAutoCoding(false)}
        onDone={(message) => {
          setAutoCoding(false);
          setNotice(message);
        }}
      />
    </div>
  );
}

function AutoCode(props: {
  open: boolean;
  engine: ReturnType<typeof searchEngineFor>;
  query: string | null;
  found: FoundSearch | null;
  who(sourceId: string): string;
  onClose(): void;
  onDone(message: string): void;
}) {
  // Hit objects are made only here, when auto-coding asks the worker for them.
  const [hits, setHits] = useState<{ of: FoundSearch; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { open, found, engine } = props;
  useEffect(() => {
    if (!open || !found) return;
    let live = true;
    setError(null);
    engine
      .hitsOf(found.search)
      .then((packed) => live && setHits({ of: found, hits: unpackHits(packed) }))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open, found, engine]);
  if (!open || props.query === null) return null;
  if (error) return <ErrorLine error={`The hits could not be read: ${error}`} onDismiss={props.onClose} />;
  if (!hits || hits.of !== found) return null;
  return (
    <AutoCodeDialog engine={engine} query={props.query} hits={hits.hits} who={props.who} onClose={props.onClose} onDone={props.onDone} />
  );
}

function QueryHelp() {
  return (
    <table className="grid query-help" aria-label="How to search">
      <tbody>
        {QUERY_HELP.map((row) => (
          <tr key={row.example}>
            <td>
              <code>{row.example}</code>
            </td>
            <td>{row.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
