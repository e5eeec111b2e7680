// The triangulation section's family parts: the case families in one compact list, one code's
// families at one wave with the two accounts side by side (the paired reader across people
// instead of waves), and change by informant.
import { useMemo } from 'react';
import {
  changeTableRows,
  divergentFamilies,
  familyMembersText,
  type CaseFamily,
  type FamilyAccounts,
  type InformantAccount,
  type InformantChangeRow,
  type InformantOptions,
} from '../core/analysis';
import type { ProjectSnapshot } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';
import { PairedRows } from './PairedReader';
import { useProject } from './projectContext';
import { navigate, openPassage } from './route';

/** Every family on one line each, and where its links are edited. */
export function FamilyList(props: { snapshot: ProjectSnapshot; families: readonly CaseFamily[] }) {
  const { projectId } = useProject();
  const { families } = props;
  return (
    <section className="tri-families" aria-label="Case families">
      <h3>
        Case families <span className="badge">{families.length}</span>
      </h3>
      {families.length === 0 ? (
        <p className="muted">No participant has the role of a man on the programme, so there are no families.</p>
      ) : (
        <ul className="plain">
          {families.map((f) => (
            <li key={f.manId}>
              <strong>{f.pseudonym}</strong>: <span className={f.members.length ? undefined : 'muted'}>{familyMembersText(f)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        A family is a man and the participants linked to him (partner of, child of, his programme’s staff), whichever side wrote the link.
        Links are edited in the{' '}
        <button
          type="button"
          className="link"
          onClick={() => navigate({ screen: 'project', projectId, tab: 'participants', sourceId: null })}
        >
          Participants
        </button>{' '}
        tab, in the Links column.
      </p>
    </section>
  );
}

/** One code's families at one wave: divergent accounts first, each pair of passages side by side. */
export function FamilyAccountsList(props: {
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  codeId: string;
  waveId: string;
  options: InformantOptions;
}) {
  const { snapshot, codeId, waveId, options } = props;
  const accounts = useMemo(() => divergentFamilies(snapshot, codeId, waveId, options), [snapshot, codeId, waveId, options]);
  const wave = props.setup.waves.find((w) => w.id === waveId)?.label ?? waveId;
  if (accounts.length === 0)
    return <p className="muted">No family had both informants interviewed at {wave}: there is nothing to set side by side.</p>;
  return (
    <div className="tri-accounts">
      {accounts.map((a) => (
        <FamilyAccount key={a.family.manId} snapshot={snapshot} setup={props.setup} accounts={a} />
      ))}
    </div>
  );
}

function FamilyAccount(props: { snapshot: ProjectSnapshot; setup: ProjectSetup; accounts: FamilyAccounts }) {
  const { projectId } = useProject();
  const { snapshot, accounts } = props;
  const { family, first, second, rows } = accounts;
  const role = (id: string) => props.setup.roles.find((r) => r.id === id)?.label ?? id;
  const who = (a: InformantAccount) => `${a.pseudonym} (${a.relation === 'self' ? role(a.role) : a.relation})`;
  const top = Math.min(...rows.map((r) => r.depth));
  return (
    <section className={`tri-family ${accounts.agree ? 'agrees' : 'differs'}`} aria-label={`${family.pseudonym}'s family`}>
      <h4>
        {family.pseudonym}’s family <span className="badge">{accounts.agree ? 'accounts agree' : 'accounts differ'}</span>
      </h4>
      <table className="grid paired tri-paired">
        <thead>
          <tr>
            <th>Code</th>
            {[first, second].map((a) => (
              <th key={a.participantId}>
                {who(a)}: <span className={a.has ? 'tri-has' : 'tri-not'}>{a.has ? 'coded' : 'not coded'}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                Neither account has a passage of this code at this wave.
              </td>
            </tr>
          )}
          <PairedRows rows={rows} snapshot={snapshot} top={top} onOpen={(p) => openPassage(projectId, p)} />
        </tbody>
      </table>
    </section>
  );
}

/** Per code, how many men emerged at the later wave by each account, and the families where they part. */
export function ChangeByInformant(props: {
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  rows: readonly InformantChangeRow[];
  roles: readonly [string, string];
  pair: readonly [string, string];
}) {
  const [head, ...body] = changeTableRows(props.snapshot, props.rows, props.roles);
  const wave = (id: string) => props.setup.waves.find((w) => w.id === id)?.label ?? id;
  const [from, to] = props.pair.map(wave);
  return (
    <>
      <p className="small muted">
        By an account, a man “emerged” when it lacks the code at {from} and has it at {to}. Only families with both informants interviewed
        at both waves count.
      </p>
      <div className="scroll-x">
        <table className="grid tri-change" aria-label="Change by informant">
          <thead>
            <tr>
              {head!.map((h, i) => (
                <th key={i} className={i > 0 && i < 5 ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((r, k) => (
              <tr key={props.rows[k]!.codeId} className={props.rows[k]!.disagreements.length ? 'diverges' : undefined}>
                <th scope="row">{r[0]}</th>
                {r.slice(1, 5).map((n, i) => (
                  <td key={i} className="num">
                    {n}
                  </td>
                ))}
                <td>{r[5] || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
