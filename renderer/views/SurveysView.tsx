// The surveys beside the interviews (issue 19): joint displays per measure of success, each
// indicator's share across the time points, one case's answers beside her and her partner's
// accounts, where the two kinds of evidence converge, and the survey's data (import, time
// points, items). The whole project is held in memory here, as on the Time 1 / Time 2 tab.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ProjectSetup } from '../store/projectRepo';
import { loadSurvey } from '../store/surveyStore';
import { SubTabs } from './common';
import { JointDisplayView } from './JointDisplayView';
import { useProject } from './projectContext';
import { SurveyCase } from './SurveyCase';
import { SurveyConvergence } from './SurveyConvergence';
import { SurveyData } from './SurveyData';
import { SurveyIndicators } from './SurveyIndicators';
import { useProjectSnapshot } from './useProjectSnapshot';

type Section = 'joint' | 'indicators' | 'case' | 'convergence' | 'data';

export function SurveysView(props: { setup: ProjectSetup }) {
  const { db } = useProject();
  const snapshot = useProjectSnapshot(db);
  const survey = useLiveQuery(() => loadSurvey(db), [db]);
  const empty = survey !== undefined && survey.items.length === 0 && survey.timePoints.length === 0;
  const [chosen, setSection] = useState<Section | null>(null);
  // A project without a survey opens on its data, where the import is.
  const section: Section = chosen ?? (empty ? 'data' : 'joint');
  return (
    <section className="surveys pad">
      <SubTabs
        label="Surveys"
        tabs={[
          ['joint', 'Joint display'],
          ['indicators', 'Indicators'],
          ['case', 'One case'],
          ['convergence', 'Convergence'],
          ['data', 'Survey data'],
        ]}
        current={section}
        onChoose={setSection}
      />
      {!snapshot || !survey ? (
        <p className="muted">Loading the survey…</p>
      ) : section === 'data' ? (
        <SurveyData snapshot={snapshot} survey={survey} setup={props.setup} />
      ) : empty ? (
        <p className="muted">
          This project has no survey yet. Import one under <em>Survey data</em>: a CSV, Excel or SPSS file of the women’s answers.
        </p>
      ) : section === 'joint' ? (
        <JointDisplayView snapshot={snapshot} setup={props.setup} />
      ) : section === 'indicators' ? (
        <SurveyIndicators snapshot={snapshot} />
      ) : section === 'case' ? (
        <SurveyCase snapshot={snapshot} setup={props.setup} />
      ) : (
        <SurveyConvergence snapshot={snapshot} setup={props.setup} />
      )}
    </section>
  );
}
