// A .qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder or another workbench becomes a new project:
// the file is read first and shown (what it holds, what cannot come across); only "Create
// project" writes anything.
import type { ProjectSnapshot } from '../core/shared';
import { readQdpxOffThread } from '../store/qdpxOffThread';
import { createProjectFromSnapshot } from '../store/exchange';
import type { ProjectEntry } from '../store/registry';
import { ErrorLine, Modal, useAction } from './common';
import { countOf, ImportWarnings } from './ImportWarnings';
import { NewProjectFoot, PickFileButton } from './NewProjectFromFile';

interface Read {
  fileName: string;
  project: ProjectSnapshot;
  warnings: string[];
}

export function ImportProjectButton(props: { onCreated(entry: ProjectEntry): void; onError(message: string): void }) {
  return (
    <PickFileButton
      command="importQdpx"
      label="Import .qdpx…"
      hint="A REFI-QDA project from NVivo, ATLAS.ti, MAXQDA, QualCoder or this workbench"
      picker={{ title: 'Import a REFI-QDA project', extensions: ['.qdpx'] }}
      read={async (file, progress): Promise<Read> => ({
        fileName: file.name,
        ...(await readQdpxOffThread(file.bytes, file.name, (done, total) => progress(Math.floor((100 * done) / total)))),
      })}
      onError={props.onError}
      dialog={(read, close) => <ImportProjectDialog read={read} onClose={close} onCreated={props.onCreated} />}
    />
  );
}

function ImportProjectDialog(props: { read: Read; onClose(): void; onCreated(entry: ProjectEntry): void }) {
  const { fileName, project, warnings } = props.read;
  const [error, run] = useAction('making a project of the .qdpx');
  const codedSources = new Set(project.codings.map((c) => c.sourceId)).size;
  const categories = project.codes.filter((c) => c.notCodable).length;
  const richText = project.sources.filter((s) => s.originalDocx).map((s) => s.title);
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
          <li>
            {countOf(project.codes.length, 'code')}
            {categories > 0 && ` (${countOf(categories, 'category', 'categories')}: they group codes and are not applied to text)`}
          </li>
          <li>
            {countOf(project.codings.length, 'coding')} by {countOf(coders.length, 'coder')}
            {coders.length ? `: ${names(coders)}` : ''}
            {layer.length > 0 && `, and the consensus layer (${names(layer)}), which is not compared as a coder`}
          </li>
          <li>{countOf(project.memos?.length ?? 0, 'memo')}</li>
          {richText.length > 0 && (
            <li>
              {countOf(richText.length, 'rich-text original')} (.docx) kept with{' '}
              {richText.length === 1 ? 'its transcript' : 'their transcripts'} and exported back: {richText.join(', ')}
            </li>
          )}
          <li>waves {project.waves.map((w) => w.label).join(', ')}</li>
          {(project.sets?.length ?? 0) > 0 && (
            <li>
              {countOf(project.sets!.length, 'set')} of transcripts or codes: {project.sets!.map((set) => set.name).join(', ')}
            </li>
          )}
        </ul>
        <ImportWarnings warnings={warnings} />
      </div>
      <NewProjectFoot
        label="Create project"
        busyLabel="Creating…"
        create={() => createProjectFromSnapshot(project, fileName)}
        run={run}
        onClose={props.onClose}
        onCreated={props.onCreated}
      />
    </Modal>
  );
}
