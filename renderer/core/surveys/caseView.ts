// One case, the "does his account match hers" view: a woman's survey answers on a measure across
// the time points, beside her coded passages at the two waves and those of the people linked to
// her (her (ex-)partner, their child) on the same codes. The passages come from the paired
// reader (core/waves pairedByCode); this gives the answers and who is linked.
import { descendantIds } from '../codebook';
import { live, naturalCompare, type Participant, type ProjectSnapshot, type SurveyItem, type SurveyValue } from '../shared';
import { isReported } from './shares';

export interface CaseAnswer {
  timePointId: string;
  /** As stored; undefined when she has no answer there. */
  value: SurveyValue | undefined;
  /** Whether it reports the indicator; null when missing. */
  reported: boolean | null;
}

export interface CaseItemRow {
  item: SurveyItem;
  codeId: string;
  answers: CaseAnswer[];
}

/** Her answers to the measure's items (linked to it or its sub-codes), one per time point in order. */
export function caseAnswers(project: ProjectSnapshot, participantId: string, measureCodeId: string): CaseItemRow[] {
  const codeIds = [measureCodeId, ...descendantIds(project.codes, measureCodeId)];
  const timePoints = live(project.surveyTimePoints ?? []).sort((a, b) => a.order - b.order);
  const items = live(project.surveyItems ?? []);
  const mine = new Map<string, SurveyValue>();
  for (const r of project.surveyResponses ?? []) {
    if (r.participantId === participantId && r.deletedAt == null) mine.set(`${r.timePointId}\u0000${r.itemId}`, r.value);
  }
  const rows: CaseItemRow[] = [];
  for (const codeId of codeIds) {
    for (const item of items.filter((i) => i.codeId === codeId).sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
      rows.push({
        item,
        codeId,
        answers: timePoints.map((t) => {
          const value = mine.get(`${t.id}\u0000${item.id}`);
          return { timePointId: t.id, value, reported: isReported(item, value) };
        }),
      });
    }
  }
  return rows;
}

export interface LinkedPerson {
  participant: Participant;
  /** The link as written: "partner of", "child of", … */
  type: string;
  /** Whose link it is: hers ("she is partner of him") or theirs ("he is child of her"). */
  direction: 'hers' | 'theirs';
  /** The link as a sentence: "Leanne is partner of Dale", "Ellie is child of Leanne". */
  link: string;
}

/**
 * The live people linked to a participant, whichever side wrote the link (the participants sheet
 * lets either say "partner of"), each once, in the order: her own links, then others' links to her.
 */
export function linkedPeople(project: ProjectSnapshot, participantId: string): LinkedPerson[] {
  const people = new Map(live(project.participants).map((p) => [p.id, p]));
  const me = people.get(participantId);
  const out: LinkedPerson[] = [];
  const seen = new Set<string>([participantId]);
  for (const l of me?.links ?? []) {
    const other = people.get(l.participantId);
    if (other && !seen.has(other.id)) {
      seen.add(other.id);
      out.push({ participant: other, type: l.type, direction: 'hers', link: `${me!.pseudonym} is ${l.type} ${other.pseudonym}` });
    }
  }
  for (const other of people.values()) {
    if (seen.has(other.id)) continue;
    const link = other.links.find((l) => l.participantId === participantId);
    if (link) {
      seen.add(other.id);
      out.push({
        participant: other,
        type: link.type,
        direction: 'theirs',
        link: `${other.pseudonym} is ${link.type} ${me?.pseudonym ?? ''}`.trim(),
      });
    }
  }
  return out;
}

/** Participants with any survey answer, by pseudonym: the people a case view can show. */
export function surveyedParticipants(project: ProjectSnapshot): Participant[] {
  const answered = new Set(
    (project.surveyResponses ?? []).filter((r) => r.deletedAt == null && r.value !== null).map((r) => r.participantId),
  );
  return live(project.participants)
    .filter((p) => answered.has(p.id))
    .sort((a, b) => naturalCompare(a.pseudonym, b.pseudonym));
}
