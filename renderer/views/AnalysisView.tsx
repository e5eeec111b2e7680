// Across codes and cases (issue 20): how codes meet (co-occurrence), how they spread over
// people and attributes (the matrix query), each transcript's codes (the code overview), one
// informant's account against another's (triangulation), and when new codes stop coming
// (saturation). One bar of filters over every section; the whole project is held in memory, as
// on the Time 1 / Time 2 tab, so every table is computed, not queried.
import { useMemo, useState } from 'react';
import {
  analysisOptions,
  describeAnalysisFilters,
  NO_ANALYSIS_FILTERS,
  type AnalysisFilters,
  type SourceFilter,
  type StretchOptions,
} from '../core/analysis';
import type { ProjectSnapshot } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';
import { AnalysisFilterBar } from './AnalysisFilterBar';
import { CodeOverviewView } from './CodeOverviewView';
import { SubTabs } from './common';
import { CooccurrenceView } from './CooccurrenceView';
import { MatrixQueryView } from './MatrixQueryView';
import { useProject } from './projectContext';
import { SaturationView } from './SaturationView';
import { TriangulationView } from './TriangulationView';
import { useStable } from './useStable';
import { useProjectSnapshot } from './useProjectSnapshot';

type Section = 'cooccurrence' | 'matrix' | 'overview' | 'triangulation' | 'saturation';

/** What every section is given. */
export interface AnalysisSectionProps {
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  filters: AnalysisFilters;
  /** The filters as core options (blind mode applied). */
  options: SourceFilter & StretchOptions;
  /** The filters in words, for the line above a table and the first line of an export. */
  filtersText: string;
}

export function AnalysisView(props: { setup: ProjectSetup }) {
  const { db, coders, blind, coderId } = useProject();
  const snapshot = useProjectSnapshot(db);
  const [section, setSection] = useState<Section>('cooccurrence');
  const [filters, setFilters] = useState<AnalysisFilters>(NO_ANALYSIS_FILTERS);
  const options = useStable(analysisOptions(filters, blind, coderId));
  const filtersText = useMemo(
    () => describeAnalysisFilters(filters, props.setup, (id) => coders.find((c) => c.id === id)?.name ?? id, blind),
    [filters, props.setup, coders, blind],
  );
  const shared = snapshot ? { snapshot, setup: props.setup, filters, options, filtersText } : null;
  return (
    <section className="analysis pad">
      <SubTabs
        label="Analysis"
        tabs={[
          ['cooccurrence', 'Co-occurrence'],
          ['matrix', 'Matrix query'],
          ['overview', 'Code overview'],
          ['triangulation', 'Triangulation'],
          ['saturation', 'Saturation'],
        ]}
        current={section}
        onChoose={setSection}
      />
      <AnalysisFilterBar setup={props.setup} value={filters} onChange={setFilters} />
      {!shared ? (
        <p className="muted">Loading the project…</p>
      ) : section === 'cooccurrence' ? (
        <CooccurrenceView {...shared} />
      ) : section === 'matrix' ? (
        <MatrixQueryView {...shared} />
      ) : section === 'overview' ? (
        <CodeOverviewView {...shared} />
      ) : section === 'triangulation' ? (
        <TriangulationView {...shared} />
      ) : (
        <SaturationView {...shared} />
      )}
    </section>
  );
}
