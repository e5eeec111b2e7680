// Which transcripts a second coder should code, drawn at random within strata so the
// double-coded set mirrors the study; seeded, so the draw can be repeated and reported.
import { useMemo, useState } from 'react';
import { planDoubleCoding, type PlanOptions } from '../core/agreement';
import type { ProjectSnapshot } from '../core/shared';
import { ErrorLine } from './common';
import { useProject } from './projectContext';
import { saveCsv, useExportError } from './TableExport';

type Stratum = NonNullable<PlanOptions['strata']>[number];
const STRATA: { id: Stratum; label: string }[] = [
  { id: 'role', label: 'role' },
  { id: 'wave', label: 'wave' },
  { id: 'site', label: 'site' },
  { id: 'group', label: 'group' },
];

export function DoubleCodingPlan(props: { snapshot: ProjectSnapshot }) {
  const [share, setShare] = useState(20);
  const [seed, setSeed] = useState(1);
  const [strata, setStrata] = useState<Stratum[]>(['role', 'wave']);
  const { db } = useProject();
  const [exportError, runExport, dismiss] = useExportError();
  const plan = useMemo(() => planDoubleCoding(props.snapshot, { share: share / 100, seed, strata }), [props.snapshot, share, seed, strata]);
  const title = (id: string) => props.snapshot.sources.find((s) => s.id === id)?.title ?? id;
  const exportCsv = () => {
    const rows = [
      ['Plan', `${share}% of transcripts per stratum (${strata.join(' × ') || 'no strata'}), at least one each; random seed ${seed}`],
      ['Stratum', 'Transcripts in stratum', 'Chosen transcript'],
      ...plan.strata.flatMap((s) => s.chosen.map((id) => [s.key, s.total, title(id)])),
    ];
    runExport(() => saveCsv(db, 'double-coding-plan.csv', { name: 'Double-coding plan', rows, headerRows: 2 }));
  };
  return (
    <details className="card double-coding">
      <summary>Plan double coding</summary>
      <div className="row">
        <label>
          Share{' '}
          <input
            aria-label="Share to double-code"
            type="number"
            min={1}
            max={100}
            value={share}
            onChange={(e) => setShare(Math.min(100, Math.max(1, Number(e.target.value) || 20)))}
          />
          %
        </label>
        <span className="muted small">per stratum of</span>
        {STRATA.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={strata.includes(s.id)}
              onChange={() => setStrata(strata.includes(s.id) ? strata.filter((x) => x !== s.id) : [...strata, s.id])}
            />{' '}
            {s.label}
          </label>
        ))}
        <label>
          Seed <input aria-label="Random seed" type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} />
        </label>
        <button type="button" onClick={() => setSeed(Math.floor(Math.random() * 1_000_000))}>
          Draw again
        </button>
        <span className="spacer" />
        <button type="button" onClick={exportCsv}>
          Export plan (CSV)
        </button>
      </div>
      <p className="small">
        {plan.sourceIds.length} of {props.snapshot.sources.filter((s) => s.deletedAt == null).length} transcripts for the second coder. Each
        coder then codes them with Blind on, on their own machine, and the second coder's work comes in through the Project tab's "Import
        another coder's work".
      </p>
      <ul className="plain strata">
        {plan.strata.map((s) => (
          <li key={s.key}>
            <strong>{s.key}</strong>{' '}
            <span className="muted">
              ({s.chosen.length} of {s.total})
            </span>
            : {s.chosen.map(title).join(', ')}
          </li>
        ))}
      </ul>
      <ErrorLine error={exportError} onDismiss={dismiss} />
    </details>
  );
}
