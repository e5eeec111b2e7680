// A .qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder or another workbench becomes a new project:
// the file is read first and shown (what it holds, what cannot come across); only "Create
// project" writes anything. Both happen in the .qdpx worker, which keeps the project between
// them (store/qdpxOffThread.ts QdpxImporter): this dialog has only the counts it shows.
import { useState } from 'react';
import type { QdpxImportPreview } from '../core/merge';
import { QdpxImporter } from '../store/qdpxOffThread';
import type { ProjectEntry } from '../store/registry';
import { ErrorLine, Modal, useAction } from './common';
import { countOf, ImportWarnings } from './ImportWarnings';
import { NewProjectFoot, PickFileButton } from './NewProjectFromFile';

interface Read {
  fileName: string;
  importer: QdpxImporter;
  preview: QdpxImportPreview;
  warnings: string[];
}

export function ImportProjectButton(props: { onCreated(entry: ProjectEntry): void; onError(message: string): void }) {
  return (
    <PickFileButton
      command="importQdpx"
      label="Import .qdpx…"
      hint="A REFI-QDA project from NVivo, ATLAS.ti, MAXQDA, QualCoder or this workbench"
      picker={{ title: 'Import a REFI-QDA project', extensions: ['.qdpx'] }}
      read={async (file, progress): Promise<Read> => {
        const importer = new QdpxImporter();
        try {
          const read = await importer.read(file.bytes, file.name, (done, total) => progress(Math.floor((100 * done) / total)));
          return { fileName: file.name, importer, ...read };
        } catch (error) {
          importer.close();
          throw error;
        }
      }}
      onError={props.onError}
      dialog={(read, close) => <ImportProjectDialog read={read} onClose={close} onCreated={props.onCreated} />}
    />
  );
}

function ImportProjectDialog(props: { read: Read; onClose(): void; onCreated(entry: ProjectEntry): void }) {
  const { fileName, importer, preview: project, warnings } = props.read;
  const [error, run] = useAction('making a project of the .qdpx');
  const [percent, setPercent] = useState<number | null>(null);
  // The worker and the project it holds go when the dialog does (cancelled or done). Not in an
  // effect's cleanup: React's strict mode runs that once on mounting, in development.
  const close = () => {
    importer.close();
    props.onClose();
  };
  const created = (entry: ProjectEntry) => {
    importer.close();
    props.onCreated(entry);
  };
  const names = (list: string[]) => list.join(', ');
  const coders = project.coders;
  const layer = project.consensusLayer;
  const richText = project.richText;
  return (
    <Modal title={`Import ${fileName}`} onClose={close} wide>
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
            {countOf(project.sources, 'transcript')}
            {project.sources ? ` (${project.codedSources} coded)` : ''}
          </li>
          <li>{countOf(project.participants, 'participant')} (cases)</li>
          <li>
            {countOf(project.codes, 'code')}
            {project.categories > 0 &&
              ` (${countOf(project.categories, 'category', 'categories')}: they group codes and are not applied to text)`}
          </li>
          <li>
            {countOf(project.codings, 'coding')} by {countOf(coders.length, 'coder')}
            {coders.length ? `: ${names(coders)}` : ''}
            {layer.length > 0 && `, and the consensus layer (${names(layer)}), which is not compared as a coder`}
          </li>
          <li>{countOf(project.memos, 'memo')}</li>
          {richText.length > 0 && (
            <li>
              {countOf(richText.length, 'rich-text original')} (.docx) kept with{' '}
              {richText.length === 1 ? 'its transcript' : 'their transcripts'} and exported back: {richText.join(', ')}
            </li>
          )}
          <li>waves {project.waves.join(', ')}</li>
          {project.sets.length > 0 && (
            <li>
              {countOf(project.sets.length, 'set')} of transcripts or codes: {project.sets.join(', ')}
            </li>
          )}
        </ul>
        <ImportWarnings warnings={warnings} />
      </div>
      <NewProjectFoot
        label="Create project"
        busyLabel={`Creating…${percent === null ? '' : ` ${percent}%`}`}
        create={() => importer.create(fileName, '', (done, total) => setPercent(Math.floor((100 * done) / total)))}
        run={run}
        onClose={close}
        onCreated={created}
      />
    </Modal>
  );
}
