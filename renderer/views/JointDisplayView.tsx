// The joint display of one measure of success: per indicator, the survey's share before and after
// (with the paired test) beside the interviews' (who spoke of it at each wave, who emerged or
// ceased), up to three quotes per wave chosen by the researcher, and whether the two agree. Export
// as a table a journal accepts (DOCX), XLSX or CSV, a draft paragraph, and a dumbbell chart.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { basketItemQuote, formatOptions, quoteParts } from '../core/quotes';
import { GROUPS, type Group, type ProjectSnapshot } from '../core/shared';
import {
  CONVERGENCE_LABELS,
  dumbbellSvg,
  itemText,
  jointDisplay,
  jointDisplayParagraph,
  jointDisplayRows,
  pText,
  percentText,
  type JointDisplayRow,
} from '../core/surveys';
import { writeDocx } from '../io/docxWrite';
import type { ProjectSetup } from '../store/projectRepo';
import { loadQuoteConfig } from '../store/quoteStore';
import { loadBasket } from '../store/records';
import { loadJointQuotes } from '../store/surveyStore';
import { JointQuotePicker } from './JointQuotePicker';
import { MeasureSelect, surveyMeasures, TimePointSelect } from './SurveyControls';
import { useProject } from './projectContext';
import { copyChecked, saveChecked, saveCsv, saveSvg, saveXlsx, svgUrl, useExportError } from './TableExport';
import { ErrorLine } from './common';
import { useStable } from './useStable';

/** Who the interview counts are about, in the paragraph: "2 of 2 women interviewed". */
const PLURALS: Record<string, string> = { man: 'men', woman: 'women', staff: 'staff', child: 'children', stakeholder: 'stakeholders' };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function JointDisplayView(props: { snapshot: ProjectSnapshot; setup: ProjectSetup }) {
  const { db } = useProject();
  const { snapshot, setup } = props;
  const measures = surveyMeasures(snapshot);
  const [measureId, setMeasureId] = useState('');
  const measure = measures.find((m) => m.id === measureId) ?? measures[0];
  const timePoints = snapshot.surveyTimePoints ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [group, setGroup] = useState<Group | 'all' | 'default'>('default');
  const [roles, setRoles] = useState<string[]>(() => (setup.roles.some((r) => r.id === 'woman') ? ['woman'] : []));
  const [picking, setPicking] = useState<{ codeId: string; waveId: string } | null>(null);
  const [error, run, dismiss] = useExportError();
  const basket = useLiveQuery(() => loadBasket(db), [db]);
  const config = useLiveQuery(() => loadQuoteConfig(db), [db]);
  const chosen = useLiveQuery(() => loadJointQuotes(db), [db]);
  const waves = useStable({ roles, includeChildren: true });
  const display = useMemo(
    () =>
      measure
        ? jointDisplay(snapshot, measure.id, {
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            ...(group === 'default' ? {} : { group: group === 'all' ? null : group }),
            waves,
            quotes: chosen ?? {},
          })
        : null,
    [snapshot, measure, from, to, group, waves, chosen],
  );
  if (!measure || !display)
    return <p className="muted">No survey item is linked to a measure yet: link items to codes under Survey data.</p>;

  const waveLabel = (id: string | undefined) => setup.waves.find((w) => w.id === id)?.label ?? id ?? '';
  const roleWord = roles.length === 1 ? (PLURALS[roles[0]!] ?? 'participants') : 'participants';
  const filterText = `${display.group ? `Survey: ${GROUPS.find((g) => g.id === display.group)?.label} group` : 'Survey: everyone'}, ${display.from?.label ?? '–'} → ${display.to?.label ?? '–'}. Interviews: ${roles.length ? roles.map((r) => setup.roles.find((x) => x.id === r)?.label ?? r).join(', ') : 'every role'}, ${waveLabel(display.pair?.[0])} → ${waveLabel(display.pair?.[1])}.`;
  const quoteText = (id: string) => {
    const item = basket?.find((b) => b.id === id && b.deletedAt == null);
    const quote = item && basketItemQuote(snapshot, item);
    if (!item || !quote || !config) return null;
    const parts = quoteParts(snapshot, quote, formatOptions(config.settings, config.redactions, item.cuts));
    return `“${parts.body}” ${parts.attribution}`;
  };
  const table = () => jointDisplayRows(display, snapshot, quoteText);
  const paragraph = () => jointDisplayParagraph(display, snapshot, { respondents: 'women', interviewees: `${roleWord} interviewed` });
  const name = `joint-display-${measure.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`;
  const exportDocx = () =>
    run(async () => {
      const rows = table().map((r) => r.map(String));
      const text = paragraph();
      await saveChecked(
        db,
        `${name}.docx`,
        [
          ...rows.flatMap((r, i) => r.map((cell, j) => ({ place: `the table, row ${i + 1}, column ${j + 1}`, text: cell }))),
          { place: 'the paragraph', text },
          { place: 'the filters line', text: filterText },
          { place: 'the title', text: `Joint display: ${measure.name}` },
        ],
        () =>
          writeDocx(`Joint display: ${measure.name}`, [
            { kind: 'note', text: filterText },
            { kind: 'table', rows },
            { kind: 'heading', text: 'Draft paragraph' },
            { kind: 'paragraph', text },
          ]),
        DOCX,
      );
    });
  const sheet = () => ({ name: 'Joint display', rows: [['Filters', filterText], ...table()], headerRows: 2 });
  const svg = dumbbellSvg(display, { subtitle: filterText });

  return (
    <div className="joint-display">
      <div className="filters row" aria-label="Joint display filters">
        <MeasureSelect measures={measures} value={measure.id} onChange={setMeasureId} />
        <TimePointSelect label="From" timePoints={timePoints} value={display.from?.id ?? ''} onChange={setFrom} />
        <TimePointSelect label="To" timePoints={timePoints} value={display.to?.id ?? ''} onChange={setTo} />
        <label>
          Survey group{' '}
          <select
            aria-label="Survey group"
            value={group === 'default' ? (display.group ?? 'all') : group}
            onChange={(e) => setGroup(e.target.value as Group | 'all')}
          >
            <option value="programme">Programme</option>
            <option value="comparison">Comparison</option>
            <option value="all">Everyone</option>
          </select>
        </label>
        <fieldset className="row">
          <legend>Interviews with</legend>
          {setup.roles.map((r) => (
            <label key={r.id}>
              <input
                type="checkbox"
                checked={roles.includes(r.id)}
                onChange={() => setRoles(roles.includes(r.id) ? roles.filter((x) => x !== r.id) : [...roles, r.id])}
              />{' '}
              {r.label}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="small muted">{filterText}</p>
      <div className="row">
        <button type="button" onClick={exportDocx}>
          Export DOCX
        </button>
        <button type="button" onClick={() => run(() => saveXlsx(db, `${name}.xlsx`, [sheet()]))}>
          Export XLSX
        </button>
        <button type="button" onClick={() => run(() => saveCsv(db, `${name}.csv`, sheet()))}>
          Export CSV
        </button>
        <button type="button" onClick={() => run(() => copyChecked(db, paragraph(), 'the paragraph'))}>
          Copy paragraph
        </button>
        <button type="button" onClick={() => run(() => saveSvg(db, `${name}.svg`, svg))}>
          Save chart (SVG)
        </button>
      </div>
      <ErrorLine error={error} onDismiss={dismiss} />
      <table className="grid joint">
        <thead>
          <tr>
            <th rowSpan={2}>Indicator</th>
            <th colSpan={4} className="wave-head">
              Survey ({display.group ? GROUPS.find((g) => g.id === display.group)?.label.toLowerCase() : 'everyone'})
            </th>
            <th colSpan={4} className="wave-head">
              Interviews
            </th>
            <th colSpan={2} className="wave-head">
              Quotes
            </th>
            <th rowSpan={2}>Survey and interviews</th>
          </tr>
          <tr>
            <th>Item</th>
            <th className="num">{display.from?.label}</th>
            <th className="num">{display.to?.label}</th>
            <th className="num">Paired</th>
            <th className="num">{waveLabel(display.pair?.[0])}</th>
            <th className="num">{waveLabel(display.pair?.[1])}</th>
            <th className="num">Emerged</th>
            <th className="num">Ceased</th>
            <th>{waveLabel(display.pair?.[0])}</th>
            <th>{waveLabel(display.pair?.[1])}</th>
          </tr>
        </thead>
        <tbody>
          {display.rows.map((row) => (
            <JointRow
              key={row.codeId}
              row={row}
              pair={display.pair}
              quoteText={quoteText}
              onPick={(waveId) => setPicking({ codeId: row.codeId, waveId })}
            />
          ))}
        </tbody>
      </table>
      <h4>Draft paragraph</h4>
      <p className="draft-paragraph">{paragraph()}</p>
      <img className="chart" alt={`${measure.name}: ${display.from?.label} and ${display.to?.label}`} src={svgUrl(svg)} />
      {picking && (
        <JointQuotePicker
          snapshot={snapshot}
          codeId={picking.codeId}
          waveId={picking.waveId}
          roles={roles}
          chosen={chosen?.[picking.codeId]?.[picking.waveId] ?? []}
          onClose={() => setPicking(null)}
        />
      )}
    </div>
  );
}

function JointRow(props: {
  row: JointDisplayRow;
  pair: [string, string] | null;
  quoteText: (id: string) => string | null;
  onPick: (waveId: string) => void;
}) {
  const { row, pair } = props;
  const lines = row.survey.length ? row.survey : [null];
  return (
    <>
      {lines.map((item, i) => (
        <tr key={item?.item.id ?? 'none'} className={i === 0 ? 'first' : undefined}>
          {i === 0 && (
            <th scope="row" rowSpan={lines.length} style={{ paddingLeft: `${0.4 + Math.max(0, row.depth - 1) * 1.1}rem` }}>
              {row.name}
            </th>
          )}
          <td>{item ? itemText(item.item) : <span className="muted">no survey item</span>}</td>
          <td className="num">{item ? `${percentText(item.from.share)} (${item.from.n})` : ''}</td>
          <td className="num">{item ? `${percentText(item.to.share)} (${item.to.n})` : ''}</td>
          <td className="num" title="McNemar exact test, those answering at both">
            {item ? `${pText(item.paired.p)}, n = ${item.paired.n}` : ''}
          </td>
          {i === 0 && (
            <>
              <td className="num" rowSpan={lines.length}>
                {row.interview ? `${row.interview.first.participants}/${row.interview.first.interviewed}` : '–'}
              </td>
              <td className="num" rowSpan={lines.length}>
                {row.interview ? `${row.interview.second.participants}/${row.interview.second.interviewed}` : '–'}
              </td>
              <td className="num" rowSpan={lines.length}>
                {row.interview?.paired.secondOnly ?? '–'}
              </td>
              <td className="num" rowSpan={lines.length}>
                {row.interview?.paired.firstOnly ?? '–'}
              </td>
              {(pair ?? []).map((waveId) => (
                <td key={waveId} rowSpan={lines.length} className="quotes">
                  {(row.quotes[waveId] ?? []).map((id) => (
                    <blockquote key={id}>{props.quoteText(id) ?? <span className="muted">(quote no longer there)</span>}</blockquote>
                  ))}
                  <button
                    type="button"
                    className="link"
                    onClick={() => props.onPick(waveId)}
                    aria-label={`Choose quotes for ${row.name}, ${waveId}`}
                  >
                    {row.quotes[waveId]?.length ? 'Change…' : 'Choose…'}
                  </button>
                </td>
              ))}
              <td rowSpan={lines.length} className={`convergence ${row.convergence.replace(/\s+/g, '-')}`}>
                {CONVERGENCE_LABELS[row.convergence]}
              </td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}
