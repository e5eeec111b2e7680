// Attaching a recording to the transcript being coded: the file chosen, the space it will take
// in the project shown before anything is written, then prepared (hashed, chunked, its
// waveform read) off the window's thread and kept, all or nothing, with progress.
import { useRef, useState } from 'react';
import { RECORDING_EXTENSIONS, recordingType } from '../core/media';
import { formatSize } from '../core/shared';
import { freeSpace } from '../store/space';
import { storedSize } from '../store/recordings';
import { attachRecordingOffThread } from '../store/recordingsOffThread';
import type { ProjectDb } from '../store/projectDb';

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm'; file: File; free: number | null }
  | { kind: 'working'; fileName: string; done: number; total: number }
  | { kind: 'failed'; message: string };

export function AttachRecording(props: { db: ProjectDb; sourceId: string; actor: string; replacing: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function chosen(file: File | undefined) {
    if (!file) return;
    const type = recordingType(file.name);
    if ('problem' in type) return setPhase({ kind: 'failed', message: type.problem });
    setPhase({ kind: 'confirm', file, free: await freeSpace() });
  }

  async function attach(file: File) {
    setPhase({ kind: 'working', fileName: file.name, done: 0, total: 1 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const progress = (done: number, total: number) => setPhase({ kind: 'working', fileName: file.name, done, total });
      await attachRecordingOffThread(props.db, props.sourceId, { fileName: file.name, bytes }, props.actor, progress);
      setPhase({ kind: 'idle' });
    } catch (e) {
      setPhase({ kind: 'failed', message: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

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
      {phase.kind !== 'working' && phase.kind !== 'confirm' && (
        <button type="button" onClick={() => input.current?.click()}>
          {props.replacing ? 'Replace recording…' : 'Attach recording…'}
        </button>
      )}
      {phase.kind === 'confirm' && (
        <span className="attach-confirm" role="group" aria-label="Keep the recording in the project">
          <span>
            Keep <strong>{phase.file.name}</strong> ({formatSize(phase.file.size)}) in this project? It takes{' '}
            {formatSize(storedSize(phase.file.size))}
            {phase.free !== null ? ` of the ${formatSize(phase.free)} free` : ''}.
            {props.replacing ? ' The recording attached now is removed from the project.' : ''}
          </span>
          <button type="button" onClick={() => void attach(phase.file)}>
            Keep it
          </button>
          <button type="button" onClick={() => setPhase({ kind: 'idle' })}>
            Cancel
          </button>
        </span>
      )}
      {phase.kind === 'working' && (
        <span className="muted small">
          Keeping {phase.fileName}… <progress aria-label="Keeping the recording" value={phase.done} max={phase.total} />
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
