// Choosing up to three quotes for one indicator at one wave of a joint display: the passages
// coded with it (or its sub-codes) at that wave, for the roles shown, and the basket's quotes on
// it, each as it would go out (redacted, attributed). A quote picked in place goes into the basket
// (used in "Joint display"), where it can be trimmed like any other.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { descendantIds } from '../core/codebook';
import { addToBasket, formatOptions, quoteParts, type Quote } from '../core/quotes';
import type { ProjectSnapshot } from '../core/shared';
import { cellPassages } from '../core/waves';
import { loadQuoteConfig } from '../store/quoteStore';
import { loadBasket } from '../store/records';
import { saveJointQuotes } from '../store/surveyStore';
import { ErrorLine, Modal, ModalFoot, useAction } from './common';
import { useProject } from './projectContext';

const MAX = 3;
const placeKey = (p: { sourceId: string; start: number; end: number }) => `${p.sourceId}:${p.start}:${p.end}`;

export function JointQuotePicker(props: {
  snapshot: ProjectSnapshot;
  codeId: string;
  waveId: string;
  roles: string[];
  chosen: string[];
  onClose: () => void;
}) {
  const { db, act } = useProject();
  const { snapshot, codeId, waveId } = props;
  const basket = useLiveQuery(() => loadBasket(db), [db]);
  const config = useLiveQuery(() => loadQuoteConfig(db), [db]);
  const [error, run, dismiss] = useAction();
  const chosenPlaces = (basket ?? []).filter((b) => props.chosen.includes(b.id)).map(placeKey);
  const [picked, setPicked] = useState<string[] | null>(null);
  const selected = picked ?? chosenPlaces;
  if (!basket || !config) return null;

  const codes = new Set([codeId, ...descendantIds(snapshot.codes, codeId)]);
  const sources = new Map(snapshot.sources.filter((s) => s.deletedAt == null).map((s) => [s.id, s]));
  const candidates: Quote[] = [];
  const seen = new Set<string>();
  const add = (q: Quote) => {
    if (seen.has(placeKey(q))) return;
    seen.add(placeKey(q));
    candidates.push(q);
  };
  for (const p of cellPassages(snapshot, codeId, waveId, { roles: props.roles, includeChildren: true })) {
    const source = sources.get(p.sourceId)!;
    add({
      text: source.text.slice(p.start, p.end),
      sourceId: p.sourceId,
      start: p.start,
      end: p.end,
      participantId: p.participantId,
      wave: waveId,
      codeIds: [codeId],
    });
  }
  for (const b of basket) {
    const source = sources.get(b.sourceId);
    if (!source || source.wave !== waveId || !b.codeIds.some((id) => codes.has(id)) || b.end > source.text.length) continue;
    add({
      text: source.text.slice(b.start, b.end),
      sourceId: b.sourceId,
      start: b.start,
      end: b.end,
      participantId: source.participantId ?? '',
      wave: waveId,
      codeIds: b.codeIds,
    });
  }
  const name = snapshot.codes.find((c) => c.id === codeId)?.name ?? '';
  const wave = snapshot.waves.find((w) => w.id === waveId)?.label ?? waveId;
  const toggle = (key: string) =>
    setPicked(selected.includes(key) ? selected.filter((k) => k !== key) : selected.length < MAX ? [...selected, key] : selected);

  const save = () =>
    run(async () => {
      const wanted = candidates.filter((q) => selected.includes(placeKey(q)));
      const missing = wanted.filter((q) => !basket.some((b) => b.deletedAt == null && placeKey(b) === placeKey(q)));
      if (missing.length) {
        const action = addToBasket(
          basket,
          missing.map((q) => ({ sourceId: q.sourceId, start: q.start, end: q.end, codeIds: [codeId] })),
          () => crypto.randomUUID(),
          Date.now(),
          'Joint display',
        );
        if (!(await act(action))) return;
      }
      const fresh = await loadBasket(db);
      const ids = selected
        .map((key) => fresh.find((b) => b.deletedAt == null && placeKey(b) === key)?.id)
        .filter((id): id is string => !!id);
      await saveJointQuotes(db, codeId, waveId, ids);
      props.onClose();
    });

  return (
    <Modal title={`Quotes for “${name}” at ${wave}`} onClose={props.onClose} wide>
      <div className="modal-body">
        <p className="small muted">
          Up to {MAX}, in the order ticked. {candidates.length} passage(s) coded with it at {wave}
          {props.roles.length ? ' for the roles shown' : ''}, and quotes on it in the basket.
        </p>
        <ul className="quote-choices">
          {candidates.map((q) => {
            const parts = quoteParts(snapshot, q, formatOptions(config.settings, config.redactions));
            const key = placeKey(q);
            return (
              <li key={key}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.includes(key)}
                    disabled={!selected.includes(key) && selected.length >= MAX}
                    onChange={() => toggle(key)}
                  />{' '}
                  “{parts.body}” <span className="muted">{parts.attribution}</span>
                </label>
              </li>
            );
          })}
        </ul>
        {candidates.length === 0 && <p className="muted">No passage is coded with it at {wave} yet.</p>}
        <ErrorLine error={error} onDismiss={dismiss} />
      </div>
      <ModalFoot onCancel={props.onClose}>
        <button type="button" className="primary" onClick={save}>
          Use {selected.length} quote{selected.length === 1 ? '' : 's'}
        </button>
      </ModalFoot>
    </Modal>
  );
}
