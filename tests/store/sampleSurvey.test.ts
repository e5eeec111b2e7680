// The sample project's fictional survey: shaped like the study's (six time points, a programme
// and a comparison group, indicators linked to the codebook), the same on every computer, and
// showing the change the published findings describe without copying them.
import { beforeEach, describe, expect, it } from 'vitest';
import { indicatorShares, jointDisplay, pairedChange } from '../../renderer/core/surveys';
import { projectDb } from '../../renderer/store/projectDb';
import { loadSnapshot } from '../../renderer/store/projectRepo';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

describe('the sample survey', () => {
  it('has six time points beside the waves, an item per indicator, and 30 women in two groups', async () => {
    const snap = await loadSnapshot(projectDb((await createSampleProject()).id));
    expect(snap.surveyTimePoints!.map((t) => [t.label, t.waveId ?? ''])).toEqual([
      ['Before the programme', 'T1'],
      ['3 months', ''],
      ['6 months', ''],
      ['9 months', ''],
      ['12 months', 'T2'],
      ['15 months', ''],
    ]);
    expect(snap.surveyItems).toHaveLength(14);
    for (const item of snap.surveyItems!) expect(snap.codes.some((c) => c.id === item.codeId)).toBe(true);
    const surveyed = new Set(snap.surveyResponses!.map((r) => r.participantId));
    const women = snap.participants.filter((p) => surveyed.has(p.id));
    expect(women).toHaveLength(30);
    expect(women.every((w) => w.role === 'woman')).toBe(true);
    expect(women.filter((w) => w.group === 'comparison')).toHaveLength(10);
    // The interviewed women answer too, under the same participant.
    expect(women.filter((w) => w.pseudonym === 'Leanne' || w.pseudonym === 'Priya')).toHaveLength(2);
  });

  it('shows negotiation rising in the programme group and not in the comparison group', async () => {
    const snap = await loadSnapshot(projectDb((await createSampleProject()).id));
    const negotiates = snap.surveyItems!.find((i) => i.label === 'negotiates')!;
    const programme = indicatorShares(snap, negotiates.id, { group: 'programme' });
    const comparison = indicatorShares(snap, negotiates.id, { group: 'comparison' });
    expect(programme[0]!.share!).toBeLessThan(programme[4]!.share!);
    expect(programme[4]!.share! - programme[0]!.share!).toBeGreaterThan(0.15);
    expect(Math.abs(comparison[4]!.share! - comparison[0]!.share!)).toBeLessThan(0.3);
    const tps = snap.surveyTimePoints!;
    expect(pairedChange(snap, negotiates.id, tps[0]!.id, tps[4]!.id, { group: 'programme' }).n).toBeGreaterThan(10);
    const measure = snap.codes.find((c) => c.name === 'Respectful communication')!;
    const display = jointDisplay(snap, measure.id, { waves: { roles: ['woman'] } });
    expect(display.rows.map((r) => r.name)).toEqual([
      'Negotiates during disagreements',
      'Acts considerately',
      'Listens so she feels heard',
    ]);
    expect(display.rows[0]!.interview!.first.interviewed).toBe(2);
  });

  it('is the same on every computer', async () => {
    const a = await loadSnapshot(projectDb((await createSampleProject()).id));
    const b = await loadSnapshot(projectDb((await createSampleProject()).id));
    // Ids differ between the two projects; who answered what at which time point does not.
    const values = (s: typeof a) =>
      s
        .surveyResponses!.map((r) => {
          const who = s.participants.find((p) => p.id === r.participantId)!.pseudonym;
          const when = s.surveyTimePoints!.find((t) => t.id === r.timePointId)!.label;
          const what = s.surveyItems!.find((i) => i.id === r.itemId)!.label;
          return `${who} | ${when} | ${what} = ${r.value}`;
        })
        .sort();
    expect(values(a)).toEqual(values(b));
  });
});
