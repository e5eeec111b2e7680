// The project as a file: export it as .qdpx (for another tool, a colleague or a backup), after
// a preview of what the file carries and what app-only work stays behind, and bring a second
// coder's .qdpx into this project as their layer of coding. The merge is
// planned and shown before anything is written, and is one undoable step afterwards.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { leftBehindByQdpx, type LeftBehind } from '../core/merge';
import type { ExportPositions } from '../io/refi/qdeWrite';
import { QdpxExporter, readQdpxOffThread, type QdpxProgress } from '../store/qdpxOffThread';
import type { QdpxExportSummary } from '../store/qdpxExport';
import { getPlatform } from '../platform/platform';
import { commitMerge, exportFileName, loadAppOnlyWork } from '../store/exchange';
import { projectModel } from '../store/projectModel';
import { loadSnapshot } from '../store/projectRepo';
import { getProject } from '../store/projects';
import { useCommand } from './commandBus';
import { ErrorLine, Modal, ModalFoot, useAction } from './common';
import { countOf } from './ImportWarnings';
import { MergeDialog, planIncoming, type Incoming } from './MergeDialog';
import { useProject } from './projectContext';

export function ExchangeCard() {
  const { db, coderId, projectId } = useProject();
  const encrypted = useLiveQuery(() => getProject(projectId), [projectId])?.encrypted ?? false;
  const [error, run, dismiss] = useAction('exchanging a .qdpx');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  const [outgoing, setOutgoing] = useState<Outgoing | null>(null);

  const busyWhile = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setStatus(null);
    await run(work);
    setBusy(null);
  };

  /** "Exporting… 40%": a worker's progress in the busy line. */
  const progressIn =
    (label: string): QdpxProgress =>
    (done, total) =>
      setBusy(`${label} ${total ? Math.floor((100 * done) / total) : 0}%`);

  // The preview first: what the file carries and what stays behind (core/exportLeftBehind).
  // The project is loaded, and the file made, in the .qdpx worker (store/qdpxOffThread.ts).
  const previewExport = () =>
    busyWhile('Preparing the export…', async () => {
      const exporter = new QdpxExporter();
      try {
        const name = (await getProject(projectId))?.name;
        const [summary, work] = await Promise.all([exporter.prepare(db, name), loadAppOnlyWork(db)]);
        setOutgoing({ exporter, summary, leftBehind: leftBehindByQdpx(work) });
      } catch (error) {
        exporter.close();
        throw error;
      }
    });

  const closeExport = () => {
    outgoing?.exporter.close();
    setOutgoing(null);
  };

  const exportProject = async ({ exporter, summary, leftBehind }: Outgoing, positions: ExportPositions) => {
    setOutgoing(null);
    await busyWhile('Exporting…', async () => {
      try {
        const bytes = await exporter.write(positions, progressIn('Exporting…'));
        const forNvivo = positions === 'utf16' ? ' (for NVivo)' : '';
        const saved = await getPlatform().saveFile(
          exportFileName(`${summary.name ?? 'project'}${forNvivo}${encrypted ? ' (unencrypted)' : ''}`, 'qdpx'),
          bytes,
          'application/zip',
        );
        const behind = leftBehind.length ? ` Not in the file: ${leftBehind.map((l) => l.label).join('; ')}.` : '';
        if (saved)
          setStatus(
            `Exported${forNvivo} ${countOf(summary.sources, 'transcript')}, ${countOf(summary.codes, 'code')} and ${countOf(summary.codings, 'coding')} (${(bytes.length / 1048576).toFixed(1)} MB).${behind}`,
          );
      } finally {
        exporter.close();
      }
    });
  };

  useCommand('exportQdpx', () => void previewExport(), { enabled: busy === null && outgoing === null });

  const importCoding = () =>
    busyWhile('Reading…', async () => {
      const [file] = await getPlatform().openFiles({ title: "Import another coder's work", extensions: ['.qdpx'], multiple: false });
      if (!file) return;
      const read = await readQdpxOffThread(file.bytes, file.name, progressIn('Reading…'));
      // The shared model's snapshot, not a copy of its own: at ten times the study each copy of the project is 700 MB.
      const current = (await projectModel(db).settled()) ?? (await loadSnapshot(db));
      const planningLabel = 'Planning the merge…';
      const plan = await planIncoming({ fileName: file.name, project: read.project, current }, false, {
        onProgress: (share) => setBusy(`${planningLabel} ${Math.floor(share * 100)}%`),
      });
      if (plan) setIncoming({ fileName: file.name, ...read, current, plan });
    });

  return (
    <section className="card exchange">
      <h2>Exchange</h2>
      <p className="muted">
        REFI-QDA files (.qdpx) carry the project (transcripts, codebook, codings with their coder, participants with their attributes, waves
        and memos) to NVivo, ATLAS.ti, MAXQDA, QualCoder, or a colleague's workbench. Work only this workbench does (change-matrix cells,
        the quote basket, the redaction list, the decision log, the quote style, the survey) stays behind: the export says what, before it
        saves. A project archive (above) keeps all of it.
      </p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <div className="row">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void previewExport()}>
          Export project (.qdpx, unredacted)…
        </button>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => void importCoding()}
          title="Their codings come in as their own coder layer, for comparison and agreement"
        >
          Import another coder's work (.qdpx)…
        </button>
        {busy && <span className="muted">{busy}</span>}
      </div>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {outgoing && (
        <ExportDialog
          outgoing={outgoing}
          encrypted={encrypted}
          onClose={closeExport}
          onExport={(positions) => void exportProject(outgoing, positions)}
        />
      )}
      {incoming && (
        <MergeDialog
          incoming={incoming}
          onClose={() => setIncoming(null)}
          onMerge={async (plan) => {
            const ok = await run(() => commitMerge(db, plan, incoming.fileName, coderId ?? ''));
            if (ok) {
              setIncoming(null);
              const s = plan.summary;
              setStatus(
                `Imported from ${incoming.fileName}: ${countOf(s.codings.added, 'coding')} added${s.codings.alreadyPresent ? `, ${s.codings.alreadyPresent} already here` : ''}. Undo (Ctrl+Z) takes the codings back out.`,
              );
            }
            return ok;
          }}
        />
      )}
    </section>
  );
}

interface Outgoing {
  /** Holds the loaded project (in its worker) until the file is written or the preview closed. */
  exporter: QdpxExporter;
  summary: QdpxExportSummary;
  leftBehind: LeftBehind[];
}

function ExportDialog(props: { outgoing: Outgoing; encrypted: boolean; onClose(): void; onExport(positions: ExportPositions): void }) {
  const { summary, leftBehind } = props.outgoing;
  const { carried, beyondBmp } = summary;
  return (
    <Modal title="Export project (.qdpx)" onClose={props.onClose}>
      <div className="modal-body">
        {props.encrypted && (
          <p className="warning" role="note">
            This project is encrypted, but the .qdpx file will not be: anyone who has the file can read every transcript in it. Export only
            to hand the project to another tool, keep the file on an encrypted disk, and delete it when done.
          </p>
        )}
        <p className="muted small">The file is not redacted: names stay as they are in the transcripts.</p>
        <p>The file carries:</p>
        <ul className="import-counts">
          {carried.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {leftBehind.length > 0 ? (
          <section className="import-warnings" aria-label="Stays behind">
            <h3>Stays behind in this workbench ({leftBehind.length})</h3>
            <ul>
              {leftBehind.map((l) => (
                <li key={l.kind}>{l.label}</li>
              ))}
            </ul>
            <p className="small">
              REFI-QDA has no place for these; other tools, and a project imported from this file, will not have them. Save a project
              archive (Project tab, Save archive…) to keep them.
            </p>
          </section>
        ) : (
          <p className="muted">
            Nothing stays behind: this project has no change-matrix cells, basket quotes, redaction list, consensus decisions or quote style
            of its own.
          </p>
        )}
        {beyondBmp.length > 0 && (
          <p className="warning" role="note">
            {countOf(beyondBmp.length, 'transcript')} ({beyondBmp.slice(0, 3).join(', ')}
            {beyondBmp.length > 3 ? ', …' : ''}) {beyondBmp.length === 1 ? 'holds' : 'hold'} emoji or other characters outside the Basic
            Multilingual Plane. The standard file counts each as one position; NVivo counts two, so in NVivo codings after one would be
            shifted. For NVivo, use Export for NVivo.
          </p>
        )}
        <p className="muted small">
          Export for NVivo counts positions as NVivo does (UTF-16 units); ATLAS.ti, MAXQDA, QualCoder and this workbench read the standard
          file, and this workbench reads both.
        </p>
      </div>
      <ModalFoot onCancel={props.onClose}>
        <button type="button" onClick={() => props.onExport('utf16')}>
          Export for NVivo
        </button>
        <button type="button" className="primary" onClick={() => props.onExport('codepoints')}>
          Export .qdpx
        </button>
      </ModalFoot>
    </Modal>
  );
}
