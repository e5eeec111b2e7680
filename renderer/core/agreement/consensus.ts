// The consensus layer: the team resolves each disagreement by taking one coder's version, both,
// or neither; the result is coded by a "Consensus" coder that later analysis can select like any
// other coder, and each decision is logged with who made it, when and why. One undoable action.
import { created } from '../changes';
import type { Action, Change } from '../changes';
import { live, type Coder, type Coding, type ConsensusChoice, type Decision, type ProjectSnapshot } from '../model';
import { uniqueName, ValidationError } from '../projectSetup';
import { mergeRanges } from './compare';
import type { Disagreement } from './disagreements';

export const CONSENSUS_COLOUR = '#5b6472';

export function consensusCoder(coders: readonly Coder[]): Coder | undefined {
  return coders.find((c) => c.consensus);
}

const key = (d: Pick<Decision, 'sourceId' | 'codeId' | 'start' | 'end'>) => `${d.sourceId}\u0000${d.codeId}\u0000${d.start}\u0000${d.end}`;

/** The live decision already taken on this disagreement, if any. */
export function decisionFor(decisions: readonly Decision[], d: Pick<Disagreement, 'sourceId' | 'codeId' | 'start' | 'end'>): Decision | undefined {
  const k = key(d);
  return live(decisions).find((x) => key(x) === k);
}

export function resolveDisagreement(
  project: Pick<ProjectSnapshot, 'coders' | 'codings'> & { decisions?: Decision[] },
  d: Disagreement,
  choice: ConsensusChoice,
  why: string,
  decidedBy: string,
  now: number,
  newId: () => string,
): Action {
  if (decisionFor(project.decisions ?? [], d)) throw new ValidationError('This disagreement has already been resolved; undo that decision first to change it.');
  const changes: Change[] = [];
  let coder = consensusCoder(project.coders);
  if (!coder) {
    coder = { id: newId(), name: uniqueName('Consensus', project.coders.map((c) => c.name)), colour: CONSENSUS_COLOUR, consensus: true };
    changes.push(created('coders', coder));
  }
  const [first, second] = d.versions;
  const ranges = choice === 'first' ? first!.ranges : choice === 'second' ? second!.ranges : choice === 'both' || choice === 'edit' ? mergeRanges([...first!.ranges, ...second!.ranges]) : [];
  const existing = new Set(live(project.codings).filter((c) => c.coderId === coder!.id && c.sourceId === d.sourceId && c.codeId === d.codeId).map((c) => `${c.start}:${c.end}`));
  const codings: Coding[] = ranges
    .filter(([s, e]) => !existing.has(`${s}:${e}`))
    .map(([start, end]) => ({ id: newId(), sourceId: d.sourceId, codeId: d.codeId, coderId: coder!.id, start, end, memo: '', createdAt: now, updatedAt: now, deletedAt: null }));
  for (const c of codings) changes.push(created('codings', c));
  const decision: Decision = {
    id: newId(),
    sourceId: d.sourceId,
    codeId: d.codeId,
    start: d.start,
    end: d.end,
    coderIds: [first!.coderId, second!.coderId],
    choice,
    why: why.trim(),
    decidedBy,
    decidedAt: now,
    codingIds: codings.map((c) => c.id),
    deletedAt: null,
  };
  changes.push(created('decisions', decision));
  const names = { first: 'the first coder’s version', second: 'the second coder’s version', both: 'both versions', neither: 'neither version', edit: 'an edited version' };
  return { label: `Consensus: ${names[choice]}`, changes };
}
