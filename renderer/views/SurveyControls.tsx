// What the Surveys tab's sections share: the measures with a survey item, a select for one of
// them or for a time point.
import { childrenOf, descendantIds } from '../core/codebook';
import type { Code, ProjectSnapshot, SurveyTimePoint } from '../core/shared';

/** Measures with a survey item on them or on a sub-code, in codebook order. */
export function surveyMeasures(snapshot: ProjectSnapshot): Code[] {
  const linked = new Set((snapshot.surveyItems ?? []).map((i) => i.codeId));
  const live = snapshot.codes.filter((c) => c.deletedAt == null);
  return childrenOf(live, null).filter((m) => linked.has(m.id) || descendantIds(live, m.id).some((id) => linked.has(id)));
}

export function MeasureSelect(props: { measures: readonly Code[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      Measure{' '}
      <select aria-label="Measure" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.measures.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TimePointSelect(props: {
  label: string;
  timePoints: readonly SurveyTimePoint[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select aria-label={`Survey ${props.label.toLowerCase()}`} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.timePoints.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}
