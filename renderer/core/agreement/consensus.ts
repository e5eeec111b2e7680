// The consensus layer: the team resolves each disagreement by taking one coder's version, all
// of them (both, with two coders), none, or all as a start to edit; the result is coded by a
// "Consensus" coder that later analysis can select like any other coder, and each decision is
// logged with who made it, when and why. One undoable action. Any number of coders (two or more).
import {
  created,
  type Action,
  type Change,
  live,
  type Coder,
  type Coding,
  type ConsensusChoice,
  type Decision,
  type ProjectSnapshot,
  uniqueName,
  ValidationError,
  unionPairs,
} from '../shared';
import type { Disagreement } from './disagreements';

export const CONSENSUS_COLOUR = '#5b6472';

/**
 * What to take: a ConsensusChoice ('first' and 'second' are the first two versions; 'both' takes
 * every version, which with more than two coders is all of them; 'neither' none; 'edit' every
 * version as a starting point), or `{ coderId }`, the version of any coder in the disagreement.
 */
export type Resolution = ConsensusChoice | { coderId: string };

export function consensusCoder(coders: readonly Coder[]): Coder | undefined {
  return coders.find((c) => c.consensus);
}

const key = (d: Pick<Decision, 'sourceId' | 'codeId' | 'start' | 'end'>) => `${d.sourceId}\u0000${d.codeId}\u0000${d.start}\u0000${d.end}`;

/** The live decision already taken on this disagreement, if any. */
export function decisionFor(
  decisions: readonly Decision[],
  d: Pick<Disagreement, 'sourceId' | 'codeId' | 'start' | 'end'>,
): Decision | undefined {
  const k = key(d);
  return live(decisions).find((x) => key(x) === k);
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/**
 * How a resolution is logged. With two coders as it always was ('first'/'second' by position);
 * with more, taking one coder's version is 'coder' with `takenCoderId`, and `coderIds` names
 * every coder compared, so the record alone says who disagreed and whose version won.
 */
function recorded(d: Disagreement, resolution: Resolution): { choice: ConsensusChoice; index: number | null; takenCoderId?: string } {
  const ids = d.versions.map((v) => v.coderId);
  if (typeof resolution !== 'object') {
    if (resolution === 'coder') throw new ValidationError('Say whose version to take.');
    const index = resolution === 'first' ? 0 : resolution === 'second' ? 1 : null;
    if (index !== null && ids.length > 2) return { choice: 'coder', index, takenCoderId: ids[index]! };
    return { choice: resolution, index };
  }
  const index = ids.indexOf(resolution.coderId);
  if (index < 0) throw new ValidationError('That coder has no version in this disagreement.');
  if (ids.length > 2) return { choice: 'coder', index, takenCoderId: resolution.coderId };
  return { choice: index === 0 ? 'first' : 'second', index };
}

export function resolveDisagreement(
  project: Pick<ProjectSnapshot, 'coders' | 'codings'> & { decisions?: Decision[] },
  d: Disagreement,
  resolution: Resolution,
  why: string,
  decidedBy: string,
  now: number,
  newId: () => string,
): Action {
  if (d.versions.length < 2) throw new ValidationError('A disagreement needs the versions of at least two coders.');
  if (decisionFor(project.decisions ?? [], d))
    throw new ValidationError('This disagreement has already been resolved; undo that decision first to change it.');
  const { choice, index, takenCoderId } = recorded(d, resolution);
  const changes: Change[] = [];
  let coder = consensusCoder(project.coders);
  if (!coder) {
    coder = {
      id: newId(),
      name: uniqueName(
        'Consensus',
        project.coders.map((c) => c.name),
      ),
      colour: CONSENSUS_COLOUR,
      consensus: true,
    };
    changes.push(created('coders', coder));
  }
  const ranges =
    index !== null
      ? d.versions[index]!.ranges
      : choice === 'both' || choice === 'edit'
        ? unionPairs(d.versions.flatMap((v) => v.ranges))
        : [];
  const existing = new Set(
    live(project.codings)
      .filter((c) => c.coderId === coder!.id && c.sourceId === d.sourceId && c.codeId === d.codeId)
      .map((c) => `${c.start}:${c.end}`),
  );
  const codings: Coding[] = ranges
    .filter(([s, e]) => !existing.has(`${s}:${e}`))
    .map(([start, end]) => ({
      id: newId(),
      sourceId: d.sourceId,
      codeId: d.codeId,
      coderId: coder!.id,
      start,
      end,
      memo: '',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    }));
  for (const c of codings) changes.push(created('codings', c));
  const decision: Decision = {
    id: newId(),
    sourceId: d.sourceId,
    codeId: d.codeId,
    start: d.start,
    end: d.end,
    coderIds: d.versions.map((v) => v.coderId),
    choice,
    ...(takenCoderId ? { takenCoderId } : {}),
    why: why.trim(),
    decidedBy,
    decidedAt: now,
    codingIds: codings.map((c) => c.id),
    deletedAt: null,
  };
  changes.push(created('decisions', decision));
  const many = d.versions.length > 2;
  const names = {
    both: many ? 'all versions' : 'both versions',
    neither: many ? 'no version' : 'neither version',
    edit: 'an edited version',
  };
  const label = index !== null ? `the ${ORDINALS[index] ?? `no. ${index + 1}`} coder’s version` : names[choice as keyof typeof names];
  return { label: `Consensus: ${label}`, changes };
}

/** Which coder's version a decision took (null: all, none, or an edit). */
export function takenCoder(decision: Pick<Decision, 'choice' | 'coderIds' | 'takenCoderId'>): string | null {
  if (decision.choice === 'coder') return decision.takenCoderId ?? null;
  return decision.choice === 'first'
    ? (decision.coderIds[0] ?? null)
    : decision.choice === 'second'
      ? (decision.coderIds[1] ?? null)
      : null;
}
