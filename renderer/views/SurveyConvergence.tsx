// Where the survey and the interviews point the same way, and where they part: every indicator of
// every measure with a survey item, grouped by convergence (diverging first: those need reading),
// with a draft paragraph per measure for a findings section.
import { useMemo, useState } from 'react';
import type { ProjectSnapshot } from '../core/shared';
import { CONVERGENCE_LABELS, jointDisplay, jointDisplayParagraph, percentText, type Convergence } from '../core/surveys';
import type { ProjectSetup } from '../store/projectRepo';
import { ErrorLine } from './common';
import { surveyMeasures } from './SurveyControls';
import { useProject } from './projectContext';
import { copyChecked, useExportError } from './TableExport';

const ORDER: Convergence[] = ['diverging', 'survey only', 'interviews only', 'converging', 'both unchanged', 'unknown'];

export function SurveyConvergence(props: { snapshot: ProjectSnapshot; setup: ProjectSetup }) {
  const { db } = useProject();
  const { snapshot, setup } = props;
  const [roles] = useState(() => (setup.roles.some((r) => r.id === 'woman') ? ['woman'] : []));
  const [error, run, dismiss] = useExportError();
  const displays = useMemo(
    () => surveyMeasures(snapshot).map((m) => jointDisplay(snapshot, m.id, { waves: { roles, includeChildren: true } })),
    [snapshot, roles],
  );
  const rows = displays.flatMap((d) => d.rows.filter((r) => r.survey.length).map((r) => ({ measure: d.measureName, row: r })));
  const paragraphs = displays.map((d) => jointDisplayParagraph(d, snapshot, { respondents: 'women', interviewees: 'women interviewed' }));
  return (
    <div className="survey-convergence">
      <p className="small muted">
        Survey: programme group, the time points beside the interview waves. Interviews: {roles.length ? 'women' : 'everyone'}. A change
        under 5 percentage points counts as none.
      </p>
      {ORDER.map((kind) => {
        const list = rows.filter((r) => r.row.convergence === kind);
        if (!list.length) return null;
        return (
          <section key={kind}>
            <h3>
              {CONVERGENCE_LABELS[kind]} ({list.length})
            </h3>
            <ul>
              {list.map(({ measure, row }) => (
                <li key={row.codeId}>
                  <strong>{row.name}</strong> <span className="muted">({measure})</span>: survey{' '}
                  {row.survey.map((s) => `${percentText(s.from.share)} → ${percentText(s.to.share)}`).join(', ')} ({row.surveyDirection});
                  interviews{' '}
                  {row.interview
                    ? `${row.interview.first.participants}/${row.interview.first.interviewed} → ${row.interview.second.participants}/${row.interview.second.interviewed}`
                    : '–'}{' '}
                  ({row.interviewDirection})
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h3>Draft paragraphs</h3>
      <ErrorLine error={error} onDismiss={dismiss} />
      {displays.map((d, i) => (
        <div key={d.measureId} className="draft">
          <h4>{d.measureName}</h4>
          <p className="draft-paragraph">{paragraphs[i]}</p>
          <button type="button" onClick={() => run(() => copyChecked(db, paragraphs[i]!, `the paragraph on ${d.measureName}`))}>
            Copy
          </button>
        </div>
      ))}
    </div>
  );
}
