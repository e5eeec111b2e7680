// Each indicator's numbers: a measure's items before and after (sortable by change), and for the
// item chosen, its share at every time point for the programme and the comparison group side by
// side (with n, and Fisher's exact test between the groups), the paired change from the first
// time point (McNemar, or Wilcoxon for an ordinal item), and its chart.
import { useMemo, useState } from 'react';
import { GROUPS, type Group, type ProjectSnapshot } from '../core/shared';
import {
  groupDifference,
  indicatorShares,
  indicatorTrendSvg,
  itemText,
  measureSummary,
  ordinalChange,
  pairedChange,
  pairedText,
  percentText,
  pText,
} from '../core/surveys';
import { ErrorLine } from './common';
import { MeasureSelect, surveyMeasures } from './SurveyControls';
import { useProject } from './projectContext';
import { saveSvg, svgUrl, useExportError } from './TableExport';

export function SurveyIndicators(props: { snapshot: ProjectSnapshot }) {
  const { db } = useProject();
  const { snapshot } = props;
  const measures = surveyMeasures(snapshot);
  const timePoints = snapshot.surveyTimePoints ?? [];
  const [measureId, setMeasureId] = useState('');
  const measure = measures.find((m) => m.id === measureId) ?? measures[0];
  const [byChange, setByChange] = useState(false);
  const [itemId, setItemId] = useState('');
  const grouped = snapshot.participants.some((p) => p.deletedAt == null && p.group !== '');
  // As the joint display: the programme group where anyone is in it, else everyone.
  const [group, setGroup] = useState<Group | 'all'>(() =>
    snapshot.participants.some((p) => p.deletedAt == null && p.group === 'programme') ? 'programme' : 'all',
  );
  const [error, run, dismiss] = useExportError();
  const first = timePoints[0];
  const last = timePoints.at(-1);
  const summary = useMemo(
    () =>
      measure && first && last
        ? measureSummary(snapshot, measure.id, {
            from: first.id,
            to: last.id,
            ...(group === 'all' ? {} : { group }),
            sortBy: byChange ? 'change' : 'codebook',
          })
        : [],
    [snapshot, measure, first, last, byChange, group],
  );
  // An item of the measure shown: one chosen under another measure gives way to the first.
  const item = summary.find((r) => r.item.id === itemId)?.item ?? summary[0]?.item;
  const groupName = group === 'all' ? 'Everyone' : (GROUPS.find((g) => g.id === group)?.label ?? group);
  if (!measure || !first || !last) return <p className="muted">No survey item is linked to a measure yet.</p>;

  // Both groups side by side where the project has groups; everyone where it has none.
  const programme = item ? indicatorShares(snapshot, item.id, grouped ? { group: 'programme' } : {}) : [];
  const comparison = item && grouped ? indicatorShares(snapshot, item.id, { group: 'comparison' }) : [];
  const pairedGroup = grouped ? { group: 'programme' as const } : {};
  const ordinal = item && item.type !== 'binary';
  const svg = item ? indicatorTrendSvg(snapshot, item.id) : '';
  return (
    <div className="survey-indicators">
      <div className="row">
        <MeasureSelect measures={measures} value={measure.id} onChange={setMeasureId} />
        <label>
          Group{' '}
          <select aria-label="Group" value={group} onChange={(e) => setGroup(e.target.value as Group | 'all')}>
            <option value="programme">Programme</option>
            <option value="comparison">Comparison</option>
            <option value="all">Everyone</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={byChange} onChange={(e) => setByChange(e.target.checked)} /> Sort by change
        </label>
      </div>
      <table className="grid survey-summary">
        <caption className="small muted">
          {groupName}, {first.label} → {last.label}
        </caption>
        <thead>
          <tr>
            <th>Item</th>
            <th className="num">{first.label}</th>
            <th className="num">{last.label}</th>
            <th className="num">Change</th>
            <th className="num">Paired test</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((row) => (
            <tr key={row.item.id} className={row.item.id === item?.id ? 'selected' : undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => setItemId(row.item.id)}>
                  {itemText(row.item)}
                </button>
              </th>
              <td className="num">{`${percentText(row.from.share)} (n = ${row.from.n})`}</td>
              <td className="num">{`${percentText(row.to.share)} (n = ${row.to.n})`}</td>
              <td className="num">{row.change === null ? '–' : `${row.change > 0 ? '+' : ''}${Math.round(row.change * 100)}`}</td>
              <td className="num">{pairedText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {item && (
        <>
          <h3>{itemText(item)}</h3>
          <table className="grid survey-shares">
            <thead>
              <tr>
                <th>Time point</th>
                <th className="num">{grouped ? 'Programme' : 'Everyone'}</th>
                {grouped && <th className="num">Comparison</th>}
                {grouped && <th className="num">Between groups (Fisher exact)</th>}
                <th className="num">
                  {grouped ? 'Programme' : 'Everyone'}, paired with {first.label}
                </th>
              </tr>
            </thead>
            <tbody>
              {timePoints.map((t, i) => {
                const p = programme[i]!;
                const c = comparison[i];
                const difference = grouped && p.n && c?.n ? groupDifference(snapshot, item.id, t.id) : null;
                const paired =
                  i === 0
                    ? null
                    : ordinal
                      ? ordinalChange(snapshot, item.id, first.id, t.id, pairedGroup)
                      : pairedChange(snapshot, item.id, first.id, t.id, pairedGroup);
                return (
                  <tr key={t.id}>
                    <th scope="row">{t.label}</th>
                    <td className="num">{p.n ? `${percentText(p.share)} (${p.reported}/${p.n})` : '–'}</td>
                    {grouped && <td className="num">{c?.n ? `${percentText(c.share)} (${c.reported}/${c.n})` : '–'}</td>}
                    {grouped && <td className="num">{difference ? pText(difference.p) : '–'}</td>}
                    <td className="num">
                      {!paired
                        ? ''
                        : 'wilcoxon' in paired
                          ? `Wilcoxon ${pText(paired.wilcoxon.p)}, n = ${paired.n}`
                          : `McNemar ${pText(paired.p)}, n = ${paired.n}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="row">
            <button
              type="button"
              onClick={() => run(() => saveSvg(db, `${item.label.replace(/[^\p{L}\p{N}]+/gu, '-')}-over-time.svg`, svg))}
            >
              Save chart (SVG)
            </button>
          </div>
          <ErrorLine error={error} onDismiss={dismiss} />
          <img className="chart" alt={`${itemText(item)}: share reporting it at each time point`} src={svgUrl(svg)} />
        </>
      )}
    </div>
  );
}
