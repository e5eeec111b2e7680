// Triangulation of linked accounts (issue 20, part 4): each man's account of a code beside his
// (ex-)partner's (or any two roles), over the case families the participants' links make. The
// agreement table per code and wave opens the families behind a row, divergent ones first, with
// both passages side by side; change by informant; the table out as CSV, XLSX and DOCX, and a
// draft methods paragraph. The rules are core/analysis (informants.ts, triangulationTable.ts).
import { Fragment, useId, useMemo, useState, type ReactNode } from 'react';
import {
  caseFamilies,
  changeByInformant,
  informantAgreement,
  triangulationCodes,
  triangulationFiltersText,
  triangulationParagraph,
  triangulationRows,
  triangulationShownRows,
  triangulationTable,
  changeTableRows,
  TRIANGULATION_COLUMNS,
  type InformantAgreementRow,
  type InformantOptions,
  type TriangulationCodes,
} from '../core/analysis';
import { writeDocx } from '../io/docxWrite';
import type { AnalysisSectionProps } from './AnalysisView';
import { ErrorLine } from './common';
import { useProject } from './projectContext';
import { copyChecked, ExportTableButtons, saveChecked, useExportError } from './TableExport';
import { ChangeByInformant, FamilyAccountsList, FamilyList } from './TriangulationFamilies';
import { useStable } from './useStable';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TITLE = 'Triangulation of linked accounts';

/** The default comparison is the study's: the man's account against his (ex-)partner's. */
function defaultRoles(roleIds: readonly string[]): [string, string] {
  const first = roleIds.includes('man') ? 'man' : (roleIds[0] ?? 'man');
  const second = roleIds.includes('woman') && first !== 'woman' ? 'woman' : (roleIds.find((r) => r !== first) ?? 'woman');
  return [first, second];
}

export function TriangulationView(props: AnalysisSectionProps) {
  const { db, coders, blind } = useProject();
  const { snapshot, setup, options, filters } = props;
  const [roles, setRoles] = useState<[string, string]>(() => defaultRoles(setup.roles.map((r) => r.id)));
  const [which, setWhich] = useState<TriangulationCodes>('measures');
  const [opened, setOpened] = useState<{ codeId: string; waveId: string } | null>(null);
  const [error, run, dismiss] = useExportError();

  // Only the coder and sub-code filters apply: a family is compared whole, at every wave.
  const informantOptions: InformantOptions = useStable({
    roles,
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
    includeChildren: options.includeChildren ?? false,
  });
  const codes = useMemo(() => triangulationCodes(snapshot, which), [snapshot, which]);
  // The bar's waves choose the waves compared (all by default); its other filters do not apply.
  const chosenWaves = props.filters.waves;
  const waves = useMemo(
    () =>
      [...snapshot.waves]
        .sort((a, b) => a.order - b.order)
        .map((w) => w.id)
        .filter((id) => chosenWaves.length === 0 || chosenWaves.includes(id)),
    [snapshot.waves, chosenWaves],
  );
  const families = useMemo(() => caseFamilies(snapshot), [snapshot]);
  const rows = useMemo(
    () => informantAgreement(snapshot, { ...informantOptions, codeIds: codes.map((c) => c.codeId), waves }),
    [snapshot, informantOptions, codes, waves],
  );
  // Change runs from the first wave compared to the last (Time 1 to Time 2 in the study).
  const pair = useMemo(() => (waves.length >= 2 ? ([waves[0]!, waves[waves.length - 1]!] as [string, string]) : null), [waves]);
  const change = useMemo(
    () => (pair ? changeByInformant(snapshot, { ...informantOptions, codeIds: codes.map((c) => c.codeId), pair }) : []),
    [snapshot, informantOptions, codes, pair],
  );
  const lines = useMemo(() => triangulationTable(snapshot, rows, new Map(codes.map((c) => [c.codeId, c.depth]))), [snapshot, rows, codes]);
  const paragraph = useMemo(() => triangulationParagraph(snapshot, rows, informantOptions), [snapshot, rows, informantOptions]);

  const coder = blind
    ? 'only mine (blind)'
    : filters.coderId
      ? (coders.find((c) => c.id === filters.coderId)?.name ?? filters.coderId)
      : 'all coders';
  const filterText = triangulationFiltersText(snapshot, {
    roles,
    codes: which,
    coder,
    includeChildren: informantOptions.includeChildren ?? false,
  });
  const roleLabel = (id: string) => setup.roles.find((r) => r.id === id)?.label ?? id;
  const setRole = (i: 0 | 1, id: string) => {
    // Choosing the other side's role swaps the two: a role is never compared with itself.
    const next: [string, string] = [...roles];
    if (next[1 - i] === id) next[1 - i] = next[i];
    next[i] = id;
    setRoles(next);
    setOpened(null);
  };
  const sheet = () => ({ name: 'Triangulation', rows: [['Filters', filterText], ...triangulationRows(snapshot, rows)], headerRows: 2 });
  const exportDocx = () =>
    run(async () => {
      const table = triangulationShownRows(snapshot, rows);
      const changes = pair ? changeTableRows(snapshot, change, roles).map((r) => r.map(String)) : [];
      const key =
        'Families (n): both informants interviewed at the wave. Excluded: an informant not interviewed, never counted as disagreement. —: undefined (nothing compared, or no variation for kappa and alpha).';
      const texts = [table, changes].flatMap((t, k) =>
        t.flatMap((r, i) => r.map((cell, j) => ({ place: `table ${k + 1}, row ${i + 1}, column ${j + 1}`, text: cell }))),
      );
      await saveChecked(
        db,
        'triangulation.docx',
        [...texts, { place: 'the paragraph', text: paragraph }, { place: 'the filters line', text: filterText }],
        () =>
          writeDocx(TITLE, [
            { kind: 'note', text: filterText },
            { kind: 'heading', text: 'Agreement between informants' },
            { kind: 'table', rows: table },
            { kind: 'note', text: key },
            ...(pair
              ? [
                  { kind: 'heading' as const, text: `Change by informant (${roleLabel(roles[0])} and ${roleLabel(roles[1])})` },
                  { kind: 'table' as const, rows: changes },
                ]
              : []),
            { kind: 'heading', text: 'Draft paragraph' },
            { kind: 'paragraph', text: paragraph },
          ]),
        DOCX,
      );
    });

  return (
    <div className="triangulation">
      <div className="row wrap tri-controls" aria-label="Triangulation controls">
        {([0, 1] as const).map((i) => (
          <label key={i}>
            {i === 0 ? 'Compare' : 'with'}{' '}
            <select aria-label={i === 0 ? 'First role' : 'Second role'} value={roles[i]} onChange={(e) => setRole(i, e.target.value)}>
              {setup.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <span className="segmented" role="group" aria-label="Codes compared">
          {(
            [
              ['measures', 'Measures'],
              ['all', 'All codes'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-pressed={which === id}
              onClick={() => {
                setWhich(id);
                setOpened(null);
              }}
            >
              {label}
            </button>
          ))}
        </span>
      </div>
      <p className="small muted">
        {filterText}. The waves ticked above choose the waves compared (every wave when none is); the roles, sites, groups, sets and
        interviewer filters do not apply here: each family is compared whole.
      </p>
      <FamilyList snapshot={snapshot} families={families} />

      <h3>Agreement between informants</h3>
      <div className="row wrap">
        <ExportTableButtons fileName="triangulation" sheet={sheet} />
        <button type="button" onClick={exportDocx}>
          Export DOCX
        </button>
      </div>
      <ErrorLine error={error} onDismiss={dismiss} />
      <p className="small muted">Click a row to read the families behind it, those whose accounts differ first.</p>
      <AgreementRows
        lines={lines}
        opened={opened}
        onToggle={(r) =>
          setOpened(opened?.codeId === r.codeId && opened.waveId === r.waveId ? null : { codeId: r.codeId, waveId: r.waveId })
        }
        detail={(r) => (
          <FamilyAccountsList snapshot={snapshot} setup={setup} codeId={r.codeId} waveId={r.waveId} options={informantOptions} />
        )}
      />

      <h3>Change by informant</h3>
      {pair ? (
        <ChangeByInformant snapshot={snapshot} setup={setup} rows={change} roles={roles} pair={pair} />
      ) : (
        <p className="muted">Change needs two waves: this project has {waves.length}.</p>
      )}

      <h3>Draft paragraph for a methods section</h3>
      <div className="tri-paragraph">
        <p className="draft-paragraph">{paragraph}</p>
        <button type="button" onClick={() => run(() => copyChecked(db, paragraph, 'the paragraph'))}>
          Copy paragraph
        </button>
      </div>
    </div>
  );
}

/** The agreement table; the opened row is followed by its families. */
function AgreementRows(props: {
  lines: ReturnType<typeof triangulationTable>;
  opened: { codeId: string; waveId: string } | null;
  onToggle(row: InformantAgreementRow): void;
  detail(row: InformantAgreementRow): ReactNode;
}) {
  const id = useId();
  if (props.lines.length === 0) return <p className="muted">There are no codes to compare yet.</p>;
  return (
    <div className="scroll-x">
      <table className="grid agreement-table triangulation-table" aria-label="Agreement between informants">
        <thead>
          <tr>
            {TRIANGULATION_COLUMNS.map((c, i) => (
              <th key={i} className={c.numeric ? 'num has-tip' : 'has-tip'} tabIndex={0} aria-describedby={`${id}-h${i}`}>
                {c.short}
                <span className="tip" role="tooltip" id={`${id}-h${i}`}>
                  {c.help}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.lines.map(({ row, depth, cells }, k) => {
            const open = props.opened?.codeId === row.codeId && props.opened.waveId === row.waveId;
            const [code, wave, ...rest] = cells;
            return (
              <Fragment key={`${row.codeId}:${row.waveId}`}>
                <tr
                  className={[open ? 'selected' : '', row.disagree > 0 ? 'diverges' : ''].join(' ').trim() || undefined}
                  onClick={() => props.onToggle(row)}
                >
                  <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}>
                    <button
                      type="button"
                      className="link"
                      aria-expanded={open}
                      aria-label={`Families for ${code!.text} at ${wave!.text}`}
                      onClick={(e) => {
                        // The row's own click toggles it; the button is its keyboard way in.
                        e.stopPropagation();
                        props.onToggle(row);
                      }}
                    >
                      {code!.text}
                    </button>
                  </th>
                  <td>{wave!.text}</td>
                  {rest.map((cell, j) =>
                    cell.why ? (
                      <td key={j} className="num has-tip" tabIndex={0} aria-describedby={`${id}-${k}-${j}`}>
                        {cell.text}
                        <span className="tip" role="tooltip" id={`${id}-${k}-${j}`}>
                          {cell.why}
                        </span>
                      </td>
                    ) : (
                      <td key={j} className="num">
                        {cell.text}
                      </td>
                    ),
                  )}
                </tr>
                {open && (
                  <tr className="tri-detail">
                    <td colSpan={TRIANGULATION_COLUMNS.length}>{props.detail(row)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
