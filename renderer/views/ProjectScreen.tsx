// One open project: its name, the tabs, who is coding, blind mode, undo/redo, and the data
// every tab reads (kept live from Dexie).
import { keysOf, matchShortcut } from '../core/shortcuts';
import { isMac } from './ShortcutSheet';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { chooseCoder, newCoder } from '../core/coding';
import type { Coder } from '../core/shared';
import { redo, undo } from '../store/actions';
import { lockProject } from '../store/encryption';
import { prefs } from '../store/prefs';
import { projectDb } from '../store/projectDb';
import { listSources, loadSetup } from '../store/projectRepo';
import { getProject, markOpened } from '../store/projects';
import { CodebookView } from './CodebookView';
import { SearchView } from './SearchView';
import { disposeSearchEngine } from '../store/searchEngine';
import { CoderGate } from './CoderGate';
import { useCommand } from './commandBus';
import { CodingView } from './CodingView';
import { ErrorLine, LockIcon, inTextField } from './common';
import { flushPendingEdits } from './pendingEdits';
import { trackWork } from './runningWork';
import { ParticipantsSheet } from './ParticipantsSheet';
import { makeAct, ProjectContext, useProjectRecords, type ProjectContextValue } from './projectContext';
import { QuotesView } from './QuotesView';
import { RetrievalView } from './RetrievalView';
import { CompareView } from './CompareView';
import { AgreementView } from './AgreementView';
import { AnalysisView } from './AnalysisView';
import { navigate, TABS, type ProjectRoute, type Tab } from './route';
import { SetupView } from './SetupView';
import { SurveysView } from './SurveysView';
import { TranscriptsView } from './TranscriptsView';
import { useAutoBackup } from './useAutoBackup';
import { useStable } from './useStable';

const TAB_LABELS: Record<Tab, string> = {
  transcripts: 'Transcripts',
  coding: 'Coding',
  codebook: 'Codebook',
  search: 'Search',
  retrieval: 'Retrieval',
  quotes: 'Quotes',
  compare: 'Time 1 / Time 2',
  surveys: 'Surveys',
  analysis: 'Analysis',
  agreement: 'Agreement',
  participants: 'Participants',
  setup: 'Project',
};

export function ProjectScreen({ route, encrypted, onEncrypted }: { route: ProjectRoute; encrypted: boolean; onEncrypted(): void }) {
  const db = projectDb(route.projectId);
  const entry = useLiveQuery(() => getProject(route.projectId), [route.projectId], null);
  const setup = useLiveQuery(() => loadSetup(db), [db]);
  const sources = useLiveQuery(() => listSources(db), [db]);
  const records = useProjectRecords(db);
  const [coderId, setCoderId] = useState(() => prefs.coderId(route.projectId));
  const [blind, setBlind] = useState(() => prefs.blind(route.projectId));
  const [choosingCoder, setChoosingCoder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void markOpened(route.projectId);
  }, [route.projectId]);
  // The search worker holds the project's words: it ends when the project is closed.
  useEffect(() => () => disposeSearchEngine(db), [db]);
  useAutoBackup(route.projectId);

  const context = useMemo<ProjectContextValue | null>(() => {
    if (!records) return null;
    const { act, actWith } = makeAct(db, coderId ?? '', setError);
    return {
      db,
      projectId: route.projectId,
      coderId,
      blind,
      codes: records.codes,
      coders: records.coders,
      memos: records.memos,
      act,
      actWith,
    };
  }, [db, records, coderId, blind, route.projectId]);

  // Who is coding was said once on this computer: the same name here, or a new coder of it.
  const autoCoder = useStable(records && entry ? chooseCoder(records.coders, coderId, prefs.machineCoder(), !entry.isSample) : null);
  const creatingCoder = useRef(false);
  // A coder just chosen in the gate (perhaps just added) is missing from the records until
  // their query runs again; meanwhile the remembered name must not be created a second time
  // (it was: "A coder called … already exists" on a first coder's first coding).
  const justChosen = useRef<string | null>(null);
  useEffect(() => {
    if (!autoCoder || !context) return;
    if (autoCoder.kind === 'chosen') justChosen.current = null;
    if (coderId !== null && coderId === justChosen.current) return;
    if (autoCoder.kind === 'match') {
      prefs.setCoderId(route.projectId, autoCoder.coderId);
      setCoderId(autoCoder.coderId);
    } else if (autoCoder.kind === 'create' && route.tab === 'coding' && !creatingCoder.current) {
      creatingCoder.current = true;
      const id = crypto.randomUUID();
      void context
        .actWith((fresh) => newCoder(fresh.coders, autoCoder.name, autoCoder.colour, () => id))
        .then((ok) => {
          creatingCoder.current = false;
          if (!ok) return;
          prefs.setCoderId(route.projectId, id);
          setCoderId(id);
          setNotice(`Coding as ${autoCoder.name} (change it top right).`);
        });
    }
  }, [autoCoder, context, coderId, route.tab, route.projectId]);

  const runUndo = async (redoing: boolean) => {
    try {
      const label = await trackWork(redoing ? 'redoing' : 'undoing', async () => {
        // A draft still in a field is the newest change: it is saved, then undone first.
        await flushPendingEdits();
        return redoing ? redo(db) : undo(db);
      });
      setNotice(label ? `${redoing ? 'Redone' : 'Undone'}: ${label}` : `Nothing to ${redoing ? 'redo' : 'undo'}.`);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl+Z in a text field undoes typing there, not the last coding.
      const id = inTextField(e.target) ? null : matchShortcut('everywhere', e);
      if (id === 'undo' || id === 'redo' || id === 'redoAlt') {
        e.preventDefault();
        void runUndo(id !== 'undo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Edit > Undo and Redo in the menu. With the focus in a text field they act on its typing,
  // as the keys do there; elsewhere on the project's history, named in the menu.
  const undoFromMenu = (redoing: boolean) => {
    if (inTextField(document.activeElement)) document.execCommand(redoing ? 'redo' : 'undo');
    else void runUndo(redoing);
  };
  const history = records?.undo;
  useCommand('undo', () => undoFromMenu(false), {
    enabled: Boolean(history?.undo),
    ...(history?.undo ? { label: `Undo ${history.undo}` } : {}),
  });
  useCommand('redo', () => undoFromMenu(true), {
    enabled: Boolean(history?.redo),
    ...(history?.redo ? { label: `Redo ${history.redo}` } : {}),
  });
  // Commands of other tabs: go there; the tab's own view then runs them.
  const toTab = (tab: Tab) => () => navigate({ screen: 'project', projectId: route.projectId, tab, sourceId: null });
  useCommand('importTranscripts', toTab('transcripts'), { fallback: true });
  useCommand('exportQdpx', toTab('setup'), { fallback: true });
  useCommand('saveArchive', toTab('setup'), { fallback: true });

  if (entry === undefined || entry?.deletedAt != null) {
    return (
      <main className="card">
        <p>This project does not exist or is in the bin.</p>
        <button type="button" onClick={() => navigate({ screen: 'projects' })}>
          Back to projects
        </button>
      </main>
    );
  }

  const coder = records?.coders.find((c) => c.id === coderId) ?? null;
  const needsCoder = route.tab === 'coding' && context && !coder && autoCoder?.kind === 'ask';
  const chosen = (c: Coder) => {
    justChosen.current = c.id;
    prefs.setCoderId(route.projectId, c.id);
    if (!entry?.isSample) prefs.setMachineCoder({ name: c.name, colour: c.colour });
    setCoderId(c.id);
    setChoosingCoder(false);
  };

  return (
    <div className="project-screen">
      <header className="project-head">
        <button type="button" className="link" onClick={() => navigate({ screen: 'projects' })}>
          ← Projects
        </button>
        <h1 title={entry?.name}>{entry?.name ?? '…'}</h1>
        <nav className="tabs" aria-label="Project sections">
          {TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={route.tab === tab}
              className={route.tab === tab ? 'tab active' : 'tab'}
              onClick={() =>
                navigate({ ...route, tab, sourceId: tab === 'coding' || tab === 'transcripts' ? route.sourceId : null, range: null })
              }
            >
              {TAB_LABELS[tab]}
            </button>
          ))}
        </nav>
        <div className="head-tools">
          <button
            type="button"
            aria-label="Undo"
            title={records?.undo.undo ? `Undo: ${records.undo.undo} (${keysOf('undo', isMac())})` : 'Nothing to undo'}
            disabled={!records?.undo.undo}
            onClick={() => runUndo(false)}
          >
            ↶
          </button>
          <button
            type="button"
            aria-label="Redo"
            title={records?.undo.redo ? `Redo: ${records.undo.redo} (${keysOf('redo', isMac())})` : 'Nothing to redo'}
            disabled={!records?.undo.redo}
            onClick={() => runUndo(true)}
          >
            ↷
          </button>
          <label className="blind" title="Show only my own codings, for independent double coding">
            <input
              type="checkbox"
              checked={blind}
              onChange={(e) => {
                setBlind(e.target.checked);
                prefs.setBlind(route.projectId, e.target.checked);
              }}
            />{' '}
            Blind
          </label>
          {encrypted && (
            <button
              type="button"
              title="Encrypted: lock it now (it also locks itself when left alone)"
              onClick={() => void flushPendingEdits().finally(() => lockProject(route.projectId))}
            >
              <LockIcon /> Lock now
            </button>
          )}
          <button
            type="button"
            className="coder-chip"
            aria-label="Coder"
            title={coder ? `Coding as ${coder.name} (change)` : 'Choose who is coding'}
            onClick={() => setChoosingCoder(true)}
          >
            <span className="swatch" style={{ background: coder?.colour ?? '#ccc' }} /> {coder?.name ?? 'Choose coder'}
          </button>
        </div>
      </header>
      <ErrorLine error={error} onDismiss={() => setError(null)} />
      {notice && (
        <div className="notice toast" role="status" onAnimationEnd={() => setNotice(null)}>
          {notice}
        </div>
      )}
      {setup && sources && context ? (
        <ProjectContext.Provider value={context}>
          {route.tab === 'transcripts' && <TranscriptsView db={db} setup={setup} sources={sources} route={route} />}
          {route.tab === 'coding' && <CodingView setup={setup} sources={sources} route={route} />}
          {route.tab === 'codebook' && <CodebookView sets={setup.sets} />}
          {route.tab === 'search' && <SearchView setup={setup} sources={sources} />}
          {route.tab === 'retrieval' && <RetrievalView setup={setup} />}
          {route.tab === 'quotes' && <QuotesView setup={setup} />}
          {route.tab === 'compare' && <CompareView setup={setup} />}
          {route.tab === 'surveys' && <SurveysView setup={setup} />}
          {route.tab === 'analysis' && <AnalysisView setup={setup} />}
          {route.tab === 'agreement' && <AgreementView />}
          {route.tab === 'participants' && <ParticipantsSheet db={db} setup={setup} sources={sources} />}
          {route.tab === 'setup' && <SetupView db={db} setup={setup} encrypted={encrypted} onEncrypted={onEncrypted} />}
          {(needsCoder || choosingCoder) && <CoderGate onClose={coder ? () => setChoosingCoder(false) : undefined} onChosen={chosen} />}
        </ProjectContext.Provider>
      ) : (
        <p className="muted pad">Opening project…</p>
      )}
    </div>
  );
}
