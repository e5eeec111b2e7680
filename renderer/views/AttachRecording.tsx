// Attaching a recording to the transcript being coded, in one of two ways. Kept in the project
// (browser mode's only way): the file chosen, the space it will take shown before anything is
// written, then prepared (hashed, chunked, its waveform read) off the window's thread and kept,
// all or nothing, with progress; in an encrypted project it is encrypted with everything else.
// Linked (the desktop app): the file stays where it is, and the project keeps where it is and
// its SHA-256, by which it is found again when moved; it takes no space, and the file itself
// is not encrypted by the project, which the confirmation says.
import { useRef, useState } from 'react';
import { RECORDING_EXTENSIONS, recordingType } from '../core/media';
import { formatSize } from '../core/shared';
import { getPlatform, type LinkedRecordingFile } from '../platform/platform';
import { isEncrypted } from '../store/encryption';
import { freeSpace } from '../store/space';
import { linkRecording, storedSize } from '../store/recordings';
import { attachRecordingOffThread } from '../store/recordingsOffThread';
import type { ProjectDb } from '../store/projectDb';

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm'; file: File; free: number | null; encrypted: boolean }
  | { kind: 'confirmLink'; file: LinkedRecordingFile; encrypted: boolean }
  | { kind: 'working'; fileName: string; done: number; total: number }
  | { kind: 'failed'; message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function AttachRecording(props: { db: ProjectDb; sourceId: string; actor: string; replacing: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const files = getPlatform().recordingFiles;
  const replaced = props.replacing ? ' The recording attached now is taken out of the project.' : '';

  async function chosen(file: File | undefined) {
    if (!file) return;
    const type = recordingType(file.name);
    if ('problem' in type) return setPhase({ kind: 'failed', message: type.problem });
    const [free, encrypted] = await Promise.all([freeSpace(), isEncrypted(props.db.projectId)]);
    setPhase({ kind: 'confirm', file, free, encrypted });
  }

  async function chooseLink() {
    if (!files) return;
    setPhase({ kind: 'working', fileName: 'the recording', done: 0, total: 0 });
    try {
      const file = await files.link('Link a recording to this transcript');
      if (!file) return setPhase({ kind: 'idle' });
      const type = recordingType(file.fileName);
      if ('problem' in type) return setPhase({ kind: 'failed', message: type.problem });
      setPhase({ kind: 'confirmLink', file, encrypted: await isEncrypted(props.db.projectId) });
    } catch (e) {
      setPhase({ kind: 'failed', message: message(e) });
    }
  }

  async function link(file: LinkedRecordingFile) {
    try {
      await linkRecording(props.db, props.sourceId, file, props.actor);
      setPhase({ kind: 'idle' });
    } catch (e) {
      setPhase({ kind: 'failed', message: `${file.fileName}: ${message(e)}` });
    }
  }

  async function attach(file: File) {
    setPhase({ kind: 'working', fileName: file.name, done: 0, total: 1 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const progress = (done: number, total: number) => setPhase({ kind: 'working', fileName: file.name, done, total });
      await attachRecordingOffThread(props.db, props.sourceId, { fileName: file.name, bytes }, props.actor, progress);
      setPhase({ kind: 'idle' });
    } catch (e) {
      setPhase({ kind: 'failed', message: `${file.name}: ${message(e)}` });
    }
  }

  const cancel = (
    <button type="button" onClick={() => setPhase({ kind: 'idle' })}>
      Cancel
    </button>
  );
  return (
    <span className="attach-recording">
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Recording file"
        accept={RECORDING_EXTENSIONS.join(',')}
        onChange={(e) => {
          void chosen(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {(phase.kind === 'idle' || phase.kind === 'failed') && (
        <>
          {files && (
            <button type="button" onClick={() => void chooseLink()} title="The file stays where it is; the project keeps where it is">
              {props.replacing ? 'Link another recording…' : 'Link recording…'}
            </button>
          )}
          <button type="button" onClick={() => input.current?.click()} title="A copy of the file is kept in the project">
            {files
              ? props.replacing
                ? 'Keep another in the project…'
                : 'Keep in the project…'
              : props.replacing
                ? 'Replace recording…'
                : 'Attach recording…'}
          </button>
        </>
      )}
      {phase.kind === 'confirm' && (
        <span className="attach-confirm" role="group" aria-label="Keep the recording in the project">
          <span>
            Keep <strong>{phase.file.name}</strong> ({formatSize(phase.file.size)}) in this project? It takes{' '}
            {formatSize(storedSize(phase.file.size))}
            {phase.free !== null ? ` of the ${formatSize(phase.free)} free` : ''}
            {phase.encrypted ? ', encrypted with the project' : ''}.{replaced}
          </span>
          <button type="button" onClick={() => void attach(phase.file)}>
            Keep it
          </button>
          {cancel}
        </span>
      )}
      {phase.kind === 'confirmLink' && (
        <span className="attach-confirm" role="group" aria-label="Link the recording">
          <span>
            Link <strong>{phase.file.fileName}</strong> ({formatSize(phase.file.size)})? It stays at {phase.file.path}; the project keeps
            only where it is and its fingerprint, to find it again if it moves.
            {phase.encrypted
              ? ' The file itself is not encrypted by this project: keep it on an encrypted disk, or keep it in the project instead.'
              : ''}
            {replaced}
          </span>
          <button type="button" onClick={() => void link(phase.file)}>
            Link it
          </button>
          {cancel}
        </span>
      )}
      {phase.kind === 'working' && (
        <span className="muted small">
          {phase.total === 0 ? (
            'Reading the recording…'
          ) : (
            <>
              Keeping {phase.fileName}… <progress aria-label="Keeping the recording" value={phase.done} max={phase.total} />
            </>
          )}
        </span>
      )}
      {phase.kind === 'failed' && (
        <span role="alert" className="error small">
          {phase.message}
        </span>
      )}
    </span>
  );
}
