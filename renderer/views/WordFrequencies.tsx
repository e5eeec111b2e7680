// Word frequencies on the Search tab: the words said in the filtered transcripts (stop words
// left out, shortest length chosen, words or their stems), as a table and a word cloud saved as
// SVG; or two waves compared per 1,000 words ("women at Time 2 against Time 1"). A click on a
// word searches it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  compareFrequencies,
  DEFAULT_STOP_WORDS,
  stopWordSet,
  wordCloudSvg,
  type FrequencyOptions,
  type SearchProject,
  type WordCount,
  type WordFrequencies as Counts,
} from '../core/search';
import { svgTexts } from '../core/quotes';
import { errorMessage, type Wave } from '../core/shared';
import type { SearchEngine } from '../store/searchEngine';
import { loadStopWords, saveStopWords } from '../store/searchStore';
import { ErrorLine, Modal, ModalFoot } from './common';
import { useProject } from './projectContext';
import { ExportTableButtons, saveChecked, useExportError } from './TableExport';

const SHOWN = 100;
/** The cloud's colours, on screen and in the saved file alike (Okabe–Ito: told apart with colour blindness). */
const CLOUD_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function WordFrequencies(props: {
  engine: SearchEngine;
  project: SearchProject;
  filter: FrequencyOptions;
  waves: Wave[];
  onSearch(word: string, stem: boolean): void;
}) {
  const { db } = useProject();
  const projectStopWords = useLiveQuery(() => loadStopWords(db), [db], null);
  const [forms, setForms] = useState<'words' | 'stems'>('words');
  const [minLength, setMinLength] = useState(3);
  const [useStopWords, setUseStopWords] = useState(true);
  const [compare, setCompare] = useState<[string, string] | null>(null);
  const [counts, setCounts] = useState<Counts[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saveError, runSave, dismissSave] = useExportError();

  useEffect(() => {
    if (projectStopWords === null) return;
    let live = true;
    const options: FrequencyOptions = {
      ...props.filter,
      forms,
      minLength,
      stopWords: useStopWords ? stopWordSet(projectStopWords) : new Set(),
    };
    const asks = compare ? compare.map((wave) => ({ ...options, waves: [wave] })) : [options];
    setError(null);
    setCounts(null);
    Promise.all(asks.map((o) => props.engine.frequencies(props.project, o))).then(
      (found) => live && setCounts(found),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.engine, props.project, props.filter, forms, minLength, useStopWords, projectStopWords, compare]);

  const top = useMemo(() => counts?.[0]?.words.slice(0, SHOWN) ?? [], [counts]);
  const cloud = useMemo(
    () =>
      wordCloudSvg(
        top.map((w) => ({ word: w.word, count: w.count })),
        { colours: CLOUD_COLOURS },
      ),
    [top],
  );
  const waveLabel = (id: string) => props.waves.find((w) => w.id === id)?.label ?? id;
  const search = (w: WordCount) => props.onSearch(w.word, forms === 'stems');

  return (
    <section className="word-frequencies" aria-label="Word frequencies">
      <div className="row wrap">
        <label>
          Count{' '}
          <select aria-label="Count words or stems" value={forms} onChange={(e) => setForms(e.target.value as 'words' | 'stems')}>
            <option value="words">each word</option>
            <option value="stems">forms of a word together</option>
          </select>
        </label>
        <label>
          shortest word{' '}
          <input
            type="number"
            aria-label="Shortest word"
            min={1}
            max={20}
            value={minLength}
            onChange={(e) => setMinLength(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label>
          <input type="checkbox" checked={useStopWords} onChange={(e) => setUseStopWords(e.target.checked)} /> leave out stop words
        </label>
        <button type="button" onClick={() => setEditing(true)}>
          Stop words…
        </button>
        <label>
          Compare{' '}
          <select
            aria-label="Compare waves"
            value={compare ? compare.join('|') : ''}
            onChange={(e) => setCompare(e.target.value ? (e.target.value.split('|') as [string, string]) : null)}
          >
            <option value="">no comparison</option>
            {props.waves.flatMap((a) =>
              props.waves
                .filter((b) => b.id !== a.id)
                .map((b) => (
                  <option key={`${a.id}|${b.id}`} value={`${a.id}|${b.id}`}>
                    {b.label} against {a.label}
                  </option>
                )),
            )}
          </select>
        </label>
      </div>
      <ErrorLine error={error} onDismiss={() => setError(null)} />
      {counts?.length === 1 && !compare && (
        <>
          <p className="muted small" role="status" aria-label="Words counted">
            {counts[0]!.words.length.toLocaleString('en')} different words in {counts[0]!.totalWords.toLocaleString('en')} words counted
          </p>
          <div className="frequency-layout">
            <table className="grid frequency-table" aria-label="Most frequent words">
              <thead>
                <tr>
                  <th>Word</th>
                  <th className="num">Count</th>
                  <th className="num">per 1,000</th>
                  <th className="num">Transcripts</th>
                  <th className="num">People</th>
                </tr>
              </thead>
              <tbody>
                {top.map((w) => (
                  <tr key={w.key}>
                    <td>
                      <button type="button" className="link" onClick={() => search(w)}>
                        {w.word}
                      </button>
                    </td>
                    <td className="num">{w.count}</td>
                    <td className="num">{w.share.toFixed(1)}</td>
                    <td className="num">{w.transcripts}</td>
                    <td className="num">{w.participants}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <figure className="word-cloud">
              <svg viewBox="0 0 800 500" role="img" aria-label="Word cloud">
                {cloud.placed.map((p, i) => (
                  <text
                    fill={CLOUD_COLOURS[i % CLOUD_COLOURS.length]}
                    key={p.word}
                    x={p.x + p.width / 2}
                    y={p.y + p.fontSize * 0.8}
                    fontSize={p.fontSize}
                    textAnchor="middle"
                    className="cloud-word"
                    onClick={() => search(top.find((w) => w.word === p.word)!)}
                  >
                    {p.word}
                  </text>
                ))}
              </svg>
              <figcaption className="row">
                <button
                  type="button"
                  onClick={() =>
                    runSave(() =>
                      saveChecked(
                        db,
                        'Word cloud.svg',
                        svgTexts('the word cloud', cloud.svg),
                        () => new TextEncoder().encode(cloud.svg),
                        'image/svg+xml',
                      ),
                    )
                  }
                >
                  Save word cloud (SVG)
                </button>
                <ExportTableButtons
                  fileName="Word frequencies"
                  sheet={() => ({
                    name: 'Word frequencies',
                    headerRows: 1,
                    rows: [
                      ['Word', 'Count', 'Per 1,000 words', 'Transcripts', 'Participants'],
                      ...counts[0]!.words.map((w) => [
                        w.word,
                        String(w.count),
                        w.share.toFixed(2),
                        String(w.transcripts),
                        String(w.participants),
                      ]),
                    ],
                  })}
                />
              </figcaption>
              <ErrorLine error={saveError} onDismiss={dismissSave} />
            </figure>
          </div>
        </>
      )}
      {counts?.length === 2 && compare && (
        <Comparison
          a={counts[0]!}
          b={counts[1]!}
          labels={[waveLabel(compare[0]), waveLabel(compare[1])]}
          onSearch={(word) => props.onSearch(word, forms === 'stems')}
        />
      )}
      {editing && <StopWordsDialog current={projectStopWords ?? undefined} onClose={() => setEditing(false)} />}
    </section>
  );
}

function Comparison(props: { a: Counts; b: Counts; labels: [string, string]; onSearch(word: string): void }) {
  const rows = useMemo(() => compareFrequencies(props.a, props.b).slice(0, SHOWN), [props.a, props.b]);
  const [a, b] = props.labels;
  return (
    <table className="grid frequency-table" aria-label="Words compared">
      <caption className="muted small">
        {b} ({props.b.totalWords.toLocaleString('en')} words) against {a} ({props.a.totalWords.toLocaleString('en')} words), the largest
        differences per 1,000 words first
      </caption>
      <thead>
        <tr>
          <th>Word</th>
          <th className="num">{a}</th>
          <th className="num">per 1,000</th>
          <th className="num">{b}</th>
          <th className="num">per 1,000</th>
          <th className="num">Ratio</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              <button type="button" className="link" onClick={() => props.onSearch(r.word)}>
                {r.word}
              </button>
            </td>
            <td className="num">{r.countA}</td>
            <td className="num">{r.perThousandA.toFixed(1)}</td>
            <td className="num">{r.countB}</td>
            <td className="num">{r.perThousandB.toFixed(1)}</td>
            <td className="num">{r.ratio.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StopWordsDialog(props: { current: string[] | undefined; onClose(): void }) {
  const { db } = useProject();
  const [text, setText] = useState((props.current ?? DEFAULT_STOP_WORDS).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const save = (words: string[] | undefined) => saveStopWords(db, words).then(props.onClose, (e: unknown) => setError(errorMessage(e)));
  return (
    <Modal title="Stop words" onClose={props.onClose}>
      <div className="modal-body">
        <p className="muted small">
          Words left out of word counts and clouds, one per line.{' '}
          {props.current ? 'This project has its own list.' : 'This is the default English list.'}
        </p>
        <textarea aria-label="Stop words, one per line" rows={14} value={text} onChange={(e) => setText(e.target.value)} />
        <ErrorLine error={error} onDismiss={() => setError(null)} />
      </div>
      <ModalFoot
        onCancel={props.onClose}
        note={
          <button type="button" onClick={() => void save(undefined)}>
            Use the default list
          </button>
        }
      >
        <button type="button" className="primary" onClick={() => void save(text.split(/[\n,]/))}>
          Save
        </button>
      </ModalFoot>
    </Modal>
  );
}
