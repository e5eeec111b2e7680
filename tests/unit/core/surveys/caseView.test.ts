// One case: her answers on a measure across the time points, and who is linked to her.
import { describe, expect, it } from 'vitest';
import { caseAnswers, linkedPeople, surveyedParticipants } from '../../../../renderer/core/surveys';
import { person } from '../../../fixtures/waveProjects';
import { surveyProject } from '../../../fixtures/surveyProject';

describe('caseAnswers', () => {
  it('gives her answers per item of the measure, one per time point, missing ones marked', () => {
    const rows = caseAnswers(surveyProject(), 'W1', 'respect');
    expect(rows.map((r) => r.item.label)).toEqual(['negotiates', 'listens', 'money']);
    expect(rows[0]!.answers).toEqual([
      { timePointId: 'tp0', value: 1, reported: true },
      { timePointId: 'tp1', value: 1, reported: true },
      { timePointId: 'tp2', value: 1, reported: true },
    ]);
    expect(rows[1]!.answers[1]).toEqual({ timePointId: 'tp1', value: null, reported: null });
    expect(caseAnswers(surveyProject(), 'nobody', 'respect')[0]!.answers.every((a) => a.value === undefined)).toBe(true);
  });
});

describe('linkedPeople', () => {
  it('finds links written on either side, each person once, and not the deleted', () => {
    const p = surveyProject();
    p.participants.push(
      person('M1', 'Dale', 'man', 'A', 'programme', { links: [{ type: 'partner of', participantId: 'W1' }] }),
      person('K1', 'Ellie', 'child', 'A', 'programme', { links: [{ type: 'child of', participantId: 'W1' }] }),
      person('X1', 'Gone', 'man', 'A', 'programme', { links: [{ type: 'partner of', participantId: 'W1' }], deletedAt: 4 }),
    );
    p.participants[0] = { ...p.participants[0]!, links: [{ type: 'ex-partner of', participantId: 'M1' }] };
    expect(linkedPeople(p, 'W1').map((l) => [l.participant.pseudonym, l.link])).toEqual([
      ['Dale', 'W1 is ex-partner of Dale'],
      ['Ellie', 'Ellie is child of W1'],
    ]);
  });

  it('lists the people who answered the survey, by pseudonym', () => {
    expect(surveyedParticipants(surveyProject()).map((p) => p.id)).toEqual(['C1', 'W1', 'W2', 'W3', 'W4']);
  });
});
