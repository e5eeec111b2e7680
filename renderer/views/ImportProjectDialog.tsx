// A .qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder or another workbench becomes a new project:
// the file is read first and shown (what it holds, what cannot come across); only "Create
// project" writes anything.
import { useState } from 'react';
import { errorMessage, type ProjectSnapshot } from '../core/shared';
import { readQdpxOffThread } from '../store/readQdpxOffThread';
import { getPlatform } from '../platform/platform';
import { createProjectFromSnapshot } from '../store/exchange';
import type { ProjectEntry } from '../store/registry';
import { ErrorLine, Modal, useAction } from './common';
import { countOf, ImportWarnings } from './ImportWarnings';

interface Read {
  fileName: string;
  project: ProjectSnapshot;
  warnings: string[];
}

export function ImportProjectButton(props: { onCreated(entry: ProjectEntry): void; onError(message: string): void }) {
  const [read, setRead] = useState<Read | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    try {
      const [file] = await getPlatform().openFiles({ title: 'Import a REFI-QDA project', extensions: ['.qdpx'], multiple: false });
      if (file) setRead({ fileName: file.name, ...(await readQdpxOffThread(file.bytes, file.name)) });
    } catch (e) {
      props.onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void pick()}
        title="A REFI-QDA project from NVivo, ATLAS.ti, MAXQDA, QualCoder or this workbench"
      >
        {busy ? 'Reading…' : 'Import .qdpx…'}
      </button>
      {read && <ImportProjectDialog read={read} onClose={() => setRead(null)} onCreated={props.onCreated} />}
    </>
  );
}

function ImportProjectDialog(props: { read: Read; onClose(): void; onCreated(entry: ProjectEntry): void }) {
  const { fileName, project, warnings } = props.read;
  const [error, run] = useAction();
  const [busy, setBusy] = useState(false);
  const codedSources = new Set(project.codings.map((c) => c.sourceId)).size;
  const names = (list: typeof project.coders) =>
    list
      .map((c) => c.name)
      .sort((a, b) => a.localeCompare(b))
      .join(', ');
  const coders = project.coders.filter((c) => !c.consensus);
  const layer = project.coders.filter((c) => c.consensus);
  return (
    <Modal title={`Import ${fileName}`} onClose={props.onClose} wide>
      <div className="modal-body">
        <ErrorLine error={error} />
        <p>
          A new project
          {project.name ? (
            <>
              {' '}
              called <strong>{project.name}</strong>
            </>
          ) : null}{' '}
          with:
        </p>
        <ul className="import-counts">
          <li>
            {countOf(project.sources.length, 'transcript')}
            {project.sources.length ? ` (${codedSources} coded)` : ''}
          </li>
          <li>{countOf(project.participants.length, 'participant')} (cases)</li>
          <li>{countOf(project.codes.length, 'code')}</li>
          <li>
            {countOf(project.codings.length, 'coding')} by {countOf(coders.length, 'coder')}
            {coders.length ? `: ${names(coders)}` : ''}
            {layer.length > 0 && `, and the consensus layer (${names(layer)}), which is not compared as a coder`}
          </li>
          <li>{countOf(project.memos?.length ?? 0, 'memo')}</li>
          <li>waves {project.waves.map((w) => w.label).join(', ')}</li>
        </ul>
        <ImportWarnings warnings={warnings} />
      </div>
      <footer className="modal-foot">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            let entry: ProjectEntry | null = null;
            await run(async () => {
              entry = await createProjectFromSnapshot(project, fileName);
            });
            setBusy(false);
            if (entry) props.onCreated(entry);
          }}
        >
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </footer>
    </Modal>
  );
}
