// The classification sheet: one row per participant, edited in place (saved when a cell is
// left), attributes as extra columns, CSV in and out, and purging a participant who withdrew
// consent.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { familyOfParticipant } from '../core/analysis';
import {
  formatAttribute,
  parseLinks,
  coerceAttribute,
  newParticipant,
  purgeConfirmed,
  describePurgeCounts,
  purgedDraftFields,
} from '../core/project';
import { GROUPS, type AttributeDef, type AttributeType, type Group, type Participant } from '../core/shared';
import { participantsFromCsv, participantsToCsv } from '../io/participantsCsv';
import { getPlatform } from '../platform/platform';
import { previewPurge, purgeParticipant } from '../store/bin';
import type { ProjectDb, SourceMeta } from '../store/projectDb';
import { saveAttributeDefs, saveParticipant, saveParticipants, softDeleteParticipant, type ProjectSetup } from '../store/projectRepo';
import { Confirm, ErrorLine, Modal, ModalFoot, useAction } from './common';
import { DraftInput } from './DraftField';
import { MemoBox } from './MemoBox';
import { flushPendingEdits, forgetDrafts } from './pendingEdits';
import { useProject } from './projectContext';
import { VirtualBody, type RowProps } from './VirtualBody';

export function ParticipantsSheet(props: { db: ProjectDb; setup: ProjectSetup; sources: SourceMeta[] }) {
  const { db, setup } = props;
  const [error, run, dismiss] = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newAttr, setNewAttr] = useState<AttributeDef>({ name: '', type: 'text' });
  const [removing, setRemoving] = useState<AttributeDef | null>(null);
  const [purging, setPurging] = useState<Participant | null>(null);

  const transcriptsOf = (id: string) => props.sources.filter((s) => s.participantId === id).length;
  // Read-only: the case family the links make (the Analysis tab's triangulation), so editing a
  // link shows its effect at once.
  const families = useMemo(() => familyOfParticipant(setup), [setup]);

  async function importCsv() {
    await run(async () => {
      const [file] = await getPlatform().openFiles({ title: 'Import classification sheet', extensions: ['.csv'], multiple: false });
      if (!file) return;
      const sheet = participantsFromCsv(file, setup.participants, setup.roles, setup.attributeDefs);
      await saveParticipants(db, sheet.participants, sheet.attributeDefs);
      setNotice(`${file.name}: ${sheet.updated} participant(s) updated, ${sheet.created} added.`);
    });
  }

  async function exportCsv() {
    await run(async () => {
      const csv = participantsToCsv(setup.participants, setup.roles, setup.attributeDefs);
      await getPlatform().saveFile('participants.csv', new TextEncoder().encode(`\uFEFF${csv}`), 'text/csv');
    });
  }

  return (
    <section className="sheet pad scroll-pane" data-scroll-pane>
      <div className="row">
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(() => saveParticipant(db, newParticipant(crypto.randomUUID(), newName)))) setNewName('');
          }}
        >
          <input
            aria-label="New participant pseudonym"
            placeholder="Pseudonym"
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
          <button type="submit" className="primary">
            Add participant
          </button>
        </form>
        <span className="spacer" />
        <button type="button" onClick={importCsv}>
          Import CSV…
        </button>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <ErrorLine error={error} onDismiss={dismiss} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="scroll-x">
        <table className="grid participants" aria-rowcount={setup.participants.length + 1}>
          <thead>
            <tr>
              <th>Pseudonym</th>
              <th>Role</th>
              <th>Site</th>
              <th>Group</th>
              <th>Links</th>
              <th title="Read from the links: a man and the participants linked to him (Analysis, Triangulation)">Family</th>
              {setup.attributeDefs.map((d) => (
                <th key={d.name}>
                  {d.name} <span className="muted">({d.type})</span>
                  <button type="button" className="icon" aria-label={`Remove attribute ${d.name}`} onClick={() => setRemoving(d)}>
                    ×
                  </button>
                </th>
              ))}
              <th>Transcripts</th>
              <th />
            </tr>
          </thead>
          <VirtualBody
            items={setup.participants}
            rowHeight={38}
            columns={8 + setup.attributeDefs.length}
            row={(p, _i, rowProps) => (
              <ParticipantRow
                key={p.id}
                rowProps={rowProps}
                participant={p}
                setup={setup}
                transcripts={transcriptsOf(p.id)}
                family={families.get(p.id) ?? ''}
                save={(build) => run(() => saveParticipant(db, build()))}
                remove={() => run(() => softDeleteParticipant(db, p.id))}
                purge={() => setPurging(p)}
              />
            )}
          />
        </table>
      </div>
      <form
        className="row add-attribute"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run(() => saveAttributeDefs(db, [...setup.attributeDefs, newAttr]))) setNewAttr({ name: '', type: 'text' });
        }}
      >
        <input
          aria-label="New attribute name"
          placeholder="New attribute, e.g. age band"
          value={newAttr.name}
          onChange={(e) => setNewAttr({ ...newAttr, name: e.target.value })}
        />
        <select
          aria-label="New attribute type"
          value={newAttr.type}
          onChange={(e) => setNewAttr({ ...newAttr, type: e.target.value as AttributeType })}
        >
          <option value="text">text</option>
          <option value="number">number</option>
          <option value="boolean">yes/no</option>
          <option value="date">date</option>
        </select>
        <button type="submit">Add attribute</button>
      </form>
      {purging && (
        <PurgeDialog
          db={db}
          participant={purging}
          onClose={(done) => {
            setPurging(null);
            if (done) setNotice(done);
          }}
        />
      )}
      {removing && (
        <Confirm
          title="Remove attribute?"
          danger
          confirmLabel="Remove column"
          message={
            <p>
              The column “{removing.name}” disappears from the sheet and exports. Values already entered stay stored with each participant
              and come back if you add an attribute of the same name.
            </p>
          }
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            await run(() =>
              saveAttributeDefs(
                db,
                setup.attributeDefs.filter((x) => x !== removing),
              ),
            );
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

function ParticipantRow(props: {
  participant: Participant;
  setup: ProjectSetup;
  transcripts: number;
  /** The case family in words; '' when in none. */
  family: string;
  /** Builds the changed participant (may throw on a bad value) and saves it. */
  save: (build: () => Participant) => Promise<boolean>;
  remove: () => void;
  purge: () => void;
  rowProps: RowProps;
}) {
  const { participant: p, setup } = props;
  const [memoOpen, setMemoOpen] = useState(false);
  const hasMemo = useProject().memos.some((m) => m.target === 'participant' && m.targetId === p.id && m.text.trim());
  const byId = new Map(setup.participants.map((x) => [x.id, x]));
  const linksText = p.links.map((l) => `${l.type}: ${byId.get(l.participantId)?.pseudonym ?? '?'}`).join('; ');
  const cell = (key: string, label: string, stored: string, build: (text: string) => Participant) => (
    <DraftInput
      key={key}
      journal={`participant:${p.id}:${key}`}
      aria-label={`${label} of ${p.pseudonym}`}
      value={stored}
      save={(text) => props.save(() => build(text))}
    />
  );
  return (
    <tr {...props.rowProps}>
      <td>{cell('pseudonym', 'Pseudonym', p.pseudonym, (t) => ({ ...p, pseudonym: t }))}</td>
      <td>
        <select aria-label={`Role of ${p.pseudonym}`} value={p.role} onChange={(e) => props.save(() => ({ ...p, role: e.target.value }))}>
          <option value="">—</option>
          {setup.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </td>
      <td>{cell('site', 'Site', p.site, (t) => ({ ...p, site: t }))}</td>
      <td>
        <select
          aria-label={`Group of ${p.pseudonym}`}
          value={p.group}
          onChange={(e) => props.save(() => ({ ...p, group: e.target.value as Group }))}
        >
          {GROUPS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </td>
      <td>{cell('links', 'Links', linksText, (t) => ({ ...p, links: parseLinks(t, setup.participants, 0) }))}</td>
      <td className="family">{props.family || <span className="muted">none</span>}</td>
      {setup.attributeDefs.map((d) => {
        const withValue = (t: string) => ({ ...p, attributes: { ...p.attributes, [d.name]: coerceAttribute(d, t, p.pseudonym) } });
        const current = formatAttribute(p.attributes[d.name] ?? null);
        return (
          <td key={d.name}>
            {d.type === 'boolean' ? (
              <select
                aria-label={`${d.name} of ${p.pseudonym}`}
                value={current}
                onChange={(e) => props.save(() => withValue(e.target.value))}
              >
                <option value="">—</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            ) : (
              cell(`attr:${d.name}`, d.name, current, withValue)
            )}
          </td>
        );
      })}
      <td className="num">{props.transcripts}</td>
      <td className="actions">
        <button
          type="button"
          aria-label={`Memo on ${p.pseudonym}`}
          className={hasMemo ? 'has-memo' : undefined}
          onClick={() => setMemoOpen(true)}
        >
          Memo
        </button>
        <button type="button" className="danger" aria-label={`Purge ${p.pseudonym}…`} onClick={props.purge}>
          Purge…
        </button>
        <button type="button" className="icon" aria-label={`Delete ${p.pseudonym}`} onClick={props.remove}>
          ×
        </button>
        {memoOpen && (
          <Modal title={`Memo on ${p.pseudonym}`} onClose={() => setMemoOpen(false)}>
            <div className="modal-body">
              <MemoBox target="participant" targetId={p.id} label={`Memo on ${p.pseudonym}`} rows={10} />
            </div>
          </Modal>
        )}
      </td>
    </tr>
  );
}

/**
 * Purging a participant who withdrew consent: what goes is counted first, and the pseudonym
 * must be typed to confirm. Nothing of theirs stays; the log line names no one.
 */
function PurgeDialog(props: { db: ProjectDb; participant: Participant; onClose(done: string | null): void }) {
  const { db, participant: p, onClose } = props;
  const counts = useLiveQuery(() => previewPurge(db, { kind: 'participant', participantId: p.id }), [db, p.id]);
  const { projectId } = useProject();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, run, dismiss] = useAction();
  const ready = purgeConfirmed(typed, p.pseudonym) && !!counts && !busy;
  return (
    <Modal title={`Purge ${p.pseudonym}?`} onClose={() => onClose(null)}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ready) return;
          setBusy(true);
          const ok = await run(async () => {
            // A draft typed into their row is saved first, so nothing re-creates it afterwards.
            await flushPendingEdits();
            forgetDrafts(projectId, purgedDraftFields(await purgeParticipant(db, p.id, typed)));
          });
          setBusy(false);
          if (ok)
            onClose(`The participant was purged: ${describePurgeCounts(counts)} removed. The project log records it without their name.`);
        }}
      >
        <div className="modal-body">
          <p>For a participant who withdrew consent. This removes from the project, for good:</p>
          {counts ? (
            <ul className="purge-counts">
              <li>
                the participant, their attribute values and the memos on them
                {counts.changeMatrixCells ? `, and ${counts.changeMatrixCells} change-matrix cell(s)` : ''}
              </li>
              <li>
                {counts.transcripts} transcript(s){counts.inBin ? ` (${counts.inBin} in the bin)` : ''} with their text
              </li>
              <li>{counts.codings} coding(s), in every coder's layer and the consensus</li>
              <li>{counts.memos} memo(s) on the participant, their transcripts and codings</li>
              <li>{counts.quotes} quote(s) in the basket</li>
              <li>{counts.decisions} consensus decision(s)</li>
              <li>every undo step and history entry that holds any of it</li>
            </ul>
          ) : (
            <p className="muted">Counting…</p>
          )}
          <p>
            <strong>This cannot be undone</strong>: Undo (Ctrl+Z) will not bring it back. Backups and archives saved earlier still hold
            their data: delete those separately. The project log will say a participant was purged, with these counts, but not who.
          </p>
          <label>
            Type <strong>{p.pseudonym}</strong> to confirm{' '}
            <input aria-label="Type the pseudonym to confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <ErrorLine error={error} onDismiss={dismiss} />
        </div>
        <ModalFoot onCancel={() => onClose(null)}>
          <button type="submit" className="danger" disabled={!ready}>
            Purge {p.pseudonym}
          </button>
        </ModalFoot>
      </form>
    </Modal>
  );
}
