// One open project: its name, the tabs, and the data every tab reads (kept live from Dexie).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { projectDb } from '../store/projectDb';
import { listSources, loadSetup } from '../store/projectRepo';
import { getProject, markOpened } from '../store/projects';
import { ParticipantsSheet } from './ParticipantsSheet';
import { navigate, type Route, type Tab } from './route';
import { SetupView } from './SetupView';
import { TranscriptsView } from './TranscriptsView';

const TAB_LABELS: Record<Tab, string> = { transcripts: 'Transcripts', participants: 'Participants', setup: 'Waves & roles' };

export function ProjectScreen({ route }: { route: Extract<Route, { screen: 'project' }> }) {
  const db = projectDb(route.projectId);
  const entry = useLiveQuery(() => getProject(route.projectId), [route.projectId], null);
  const setup = useLiveQuery(() => loadSetup(db), [db]);
  const sources = useLiveQuery(() => listSources(db), [db]);

  useEffect(() => {
    void markOpened(route.projectId);
  }, [route.projectId]);

  if (entry === undefined || entry?.deletedAt != null) {
    return (
      <main className="card">
        <p>This project does not exist or is in the bin.</p>
        <button type="button" onClick={() => navigate({ screen: 'projects' })}>Back to projects</button>
      </main>
    );
  }

  return (
    <div className="project-screen">
      <header className="project-head">
        <button type="button" className="link" onClick={() => navigate({ screen: 'projects' })}>← Projects</button>
        <h1>{entry?.name ?? '…'}</h1>
        <nav className="tabs" aria-label="Project sections">
          {(Object.keys(TAB_LABELS) as Tab[]).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={route.tab === tab}
              className={route.tab === tab ? 'tab active' : 'tab'}
              onClick={() => navigate({ ...route, tab, sourceId: null })}
            >
              {TAB_LABELS[tab]}
            </button>
          ))}
        </nav>
      </header>
      {setup && sources ? (
        route.tab === 'transcripts' ? (
          <TranscriptsView db={db} setup={setup} sources={sources} route={route} />
        ) : route.tab === 'participants' ? (
          <ParticipantsSheet db={db} setup={setup} sources={sources} />
        ) : (
          <SetupView db={db} setup={setup} />
        )
      ) : (
        <p className="muted pad">Opening project…</p>
      )}
    </div>
  );
}
