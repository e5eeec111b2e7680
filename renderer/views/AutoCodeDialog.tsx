// Auto-code the hits of a search: choose the code, how far each hit grows (word, sentence,
// paragraph, speaker turn) and the coder; see every passage with a box to keep or drop it;
// then code those kept as one step that Ctrl+Z takes back (core/search autocode).
import { useEffect, useState } from 'react';
import { codePathText, orderedTree } from '../core/codebook';
import { AUTO_CODER_NAME, autoCode, type AutoCodeUnit, type PassagePreview, type SearchHit } from '../core/search';
import { errorMessage } from '../core/shared';
import { allCodings } from '../store/codingSets';
import type { SearchEngine } from '../store/searchEngine';
import { ErrorLine, Modal, ModalFoot } from './common';
import { useProject } from './projectContext';

const UNITS: { id: AutoCodeUnit; label: string }[] = [
  { id: 'word', label: 'the words found' },
  { id: 'sentence', label: 'their sentence' },
  { id: 'paragraph', label: 'their paragraph' },
  { id: 'turn', label: 'the whole speaker turn' },
];

const today = () => new Date().toISOString().slice(0, 10);

export function AutoCodeDialog(props: {
  engine: SearchEngine;
  query: string;
  hits: readonly SearchHit[];
  who(sourceId: string): string;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { db, codes, coders, act } = useProject();
  const codable = orderedTree(codes).filter(({ code }) => !code.notCodable);
  const [codeId, setCodeId] = useState('');
  const [unit, setUnit] = useState<AutoCodeUnit>('sentence');
  const [coderName, setCoderName] = useState(AUTO_CODER_NAME);
  const [passages, setPassages] = useState<PassagePreview[] | null>(null);
  const [dropped, setDropped] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);

  // The preview follows the unit: a new list, every passage kept.
  useEffect(() => {
    let live = true;
    setPassages(null);
    setDropped(new Set());
    props.engine.passages(props.hits, unit).then(
      (found) => live && setPassages(found),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.engine, props.hits, unit]);

  const kept = passages?.filter((_, i) => !dropped.has(i)) ?? [];
  const code = codes.find((c) => c.id === codeId);
  const run = async () => {
    if (!code || !passages) return;
    setError(null);
    try {
      const action = autoCode({
        passages: kept,
        code,
        coderName,
        coders,
        codings: await allCodings(db),
        textLengths: new Map(passages.map((p) => [p.sourceId, p.textLength])),
        query: props.query,
        day: today(),
        newId: () => crypto.randomUUID(),
        now: Date.now(),
      });
      if (await act(action)) {
        props.onDone(
          `Coded ${action.coded} passage${action.coded === 1 ? '' : 's'} "${code.name}" as ${coderName.trim()}` +
            `${action.skipped ? ` (${action.skipped} already coded)` : ''}. Ctrl+Z takes it back.`,
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal title="Auto-code the hits" onClose={props.onClose} wide>
      <div className="modal-body">
        <div className="row wrap autocode-settings">
          <label>
            Code{' '}
            <select aria-label="Code to apply" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
              <option value="">Choose a code…</option>
              {codable.map(({ code: c, depth }) => (
                <option key={c.id} value={c.id}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Code{' '}
            <select aria-label="How much to code" value={unit} onChange={(e) => setUnit(e.target.value as AutoCodeUnit)}>
              {UNITS.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          </label>
          <label title="A coder of its own, so the Agreement tab can set auto-coding beside people">
            as coder <input aria-label="Coder name" value={coderName} onChange={(e) => setCoderName(e.target.value)} />
          </label>
        </div>
        <ErrorLine error={error} onDismiss={() => setError(null)} />
        {passages === null ? (
          <p className="muted">Finding the passages…</p>
        ) : (
          <>
            <p className="muted small">
              {passages.length} passage{passages.length === 1 ? '' : 's'} from {props.hits.length} hit{props.hits.length === 1 ? '' : 's'};
              untick any that should not be coded.
            </p>
            <ul className="plain autocode-passages" aria-label="Passages to code">
              {passages.map((p, i) => (
                <li key={`${p.sourceId}:${p.start}`}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!dropped.has(i)}
                      onChange={(e) => {
                        const next = new Set(dropped);
                        if (e.target.checked) next.delete(i);
                        else next.add(i);
                        setDropped(next);
                      }}
                    />{' '}
                    <strong className="small">{props.who(p.sourceId)}</strong> {p.text}
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <ModalFoot
        onCancel={props.onClose}
        note={code ? <span className="muted small">{codePathText(codes, code.id, ' › ')}</span> : undefined}
      >
        <button type="button" className="primary" disabled={!code || kept.length === 0 || !coderName.trim()} onClick={() => void run()}>
          Code {kept.length} passage{kept.length === 1 ? '' : 's'}
        </button>
      </ModalFoot>
    </Modal>
  );
}
