// Across codes and cases (issue 20) over the study-scale coded project (350 transcripts, 60
// codes, 40,000 codings by two coders): co-occurrence by each unit, the matrix query, the code
// overview, triangulation and saturation, each the median of 5 runs in the page, as the
// Analysis tab computes them from the project in memory.
import {
  changeByInformant,
  codeCooccurrence,
  codeOverview,
  divergentFamilies,
  informantAgreement,
  interviewOrder,
  matrixQuery,
  saturationSeries,
  type CooccurrenceUnit,
} from '../../../renderer/core/analysis';
import type { Participant, ProjectSnapshot } from '../../../renderer/core/shared';
import { loadSnapshot } from '../../../renderer/store/projectRepo';
import type { ProjectDb } from '../../../renderer/store/projectDb';

function median<T>(fn: () => T): [T, number] {
  const runs: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    value = fn();
    runs.push(performance.now() - t0);
  }
  return [value!, runs.sort((a, b) => a - b)[2]!];
}

/**
 * The bench corpus has people without roles or links; here, in memory, every odd participant is
 * a man on the programme and the next one his partner ("partner of" him), so each man heads a
 * family of two, as in the study.
 */
function asFamilies(snapshot: ProjectSnapshot): ProjectSnapshot {
  const people = [...snapshot.participants].sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  const paired: Participant[] = people.map((p, i) =>
    i % 2 === 0
      ? { ...p, role: 'man', links: [] }
      : { ...p, role: 'woman', links: [{ type: 'partner of', participantId: people[i - 1]!.id }] },
  );
  return { ...snapshot, participants: paired };
}

export async function runAnalysisBench(db: ProjectDb): Promise<Record<string, number>> {
  const snapshot = asFamilies(await loadSnapshot(db));
  const out: Record<string, number> = { codings: snapshot.codings.length, codes: snapshot.codes.length };
  for (const unit of ['overlap', 'turn', 'window', 'source'] as CooccurrenceUnit[]) {
    const [result, ms] = median(() => codeCooccurrence(snapshot, { unit, window: 10 }));
    out[`cooccurrence_${unit}Ms`] = ms;
    out.cooccurrenceCodes = result.codeIds.length;
  }
  const [byWave, matrixMs] = median(() =>
    matrixQuery(snapshot, { rows: { kind: 'measures' }, columns: { kind: 'wave' }, cell: 'participants', includeChildren: true }),
  );
  out.matrixMs = matrixMs;
  out.matrixRows = byWave.rows.length;
  const codeIds = snapshot.codes.map((c) => c.id);
  const [, crossMs] = median(() =>
    matrixQuery(snapshot, { rows: { kind: 'codes', codeIds }, columns: [{ kind: 'role' }, { kind: 'wave' }], cell: 'words' }),
  );
  out.matrixCrossMs = crossMs;
  const [, overviewMs] = median(() => codeOverview(snapshot, {}));
  out.overviewMs = overviewMs;
  const waves = snapshot.waves.map((w) => w.id);
  const roles = ['man', 'woman'] as const;
  const [rows, agreementMs] = median(() => informantAgreement(snapshot, { codeIds, waves, roles, includeChildren: true }));
  out.triangulationMs = agreementMs;
  out.triangulationFamilies = rows[0]?.families ?? 0;
  const [, changeMs] = median(() => changeByInformant(snapshot, { codeIds, pair: [waves[0]!, waves[1]!], roles, includeChildren: true }));
  out.changeByInformantMs = changeMs;
  const [, divergentMs] = median(() => divergentFamilies(snapshot, codeIds[0]!, waves[0]!, { roles, includeChildren: true }));
  out.divergentFamiliesMs = divergentMs;
  const [, saturationMs] = median(() => saturationSeries(snapshot, { order: interviewOrder(snapshot), split: 'role', k: 3 }));
  out.saturationMs = saturationMs;
  return out;
}
