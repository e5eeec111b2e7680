// Merging a second coder's file, part 3: memos (see projectMerge.ts).
import {
  created,
  updated,
  type Change,
  live,
  type Coding,
  type Memo,
  type MemoTarget,
  type Participant,
  type ProjectSnapshot,
  type Source,
} from '../shared';
import type { MergeOptions, MergeSummary } from './projectMerge';
import { timestamp } from './mergeKeys';
import { pathsOf, type CodeMerge } from './mergeCodes';
import type { SourceMerge } from './mergeSources';

// ---------------------------------------------------------------------------------------------
// Memos

export interface Mapped {
  codes: CodeMerge;
  sources: SourceMerge;
  codingMap: Map<string, { id: string; fresh: boolean }>;
}

/** Where a memo goes: a record created by this merge, or one that was here (merged if it has no memo yet, or kept as it is). */
type Destination = { targetId: string; kind: 'fresh' | 'mergeable' | 'kept'; what: string } | { reason: string };

export function mergeMemos(
  current: ProjectSnapshot,
  incoming: ProjectSnapshot,
  mapped: Mapped,
  options: MergeOptions,
  warnings: string[],
  summary: MergeSummary,
): Change[] {
  const there = live(incoming.memos ?? []);
  if (there.length === 0) return [];
  const codesThere = new Map(live(incoming.codes).map((c) => [c.id, c]));
  const sourcesThere = new Map(live(incoming.sources).map((s) => [s.id, s]));
  const participantsThere = new Map(live(incoming.participants).map((p) => [p.id, p]));
  // Only the codings a memo is on: a map of all 400,000 at ten times the study held the window.
  const memoedCodings = new Set(there.flatMap((m) => (m.target === 'coding' && m.targetId ? [m.targetId] : [])));
  const codingsThere = new Map<string, Coding>();
  if (memoedCodings.size > 0) for (const k of live(incoming.codings)) if (memoedCodings.has(k.id)) codingsThere.set(k.id, k);
  const codePathsThere = pathsOf(live(incoming.codes));

  // Memos here (and those this merge creates) by the record they are on.
  const onTarget = new Map<string, Memo[]>();
  const file = (m: Memo) => {
    const key = `${m.target}\u0000${m.targetId ?? ''}`;
    const list = onTarget.get(key);
    if (list) list.push(m);
    else onTarget.set(key, [m]);
  };
  for (const m of live(current.memos ?? [])) file(m);

  const destination = (memo: Memo): Destination => {
    const id = memo.targetId ?? '';
    switch (memo.target) {
      case 'project':
        return { reason: 'project memos stay with their own project' };
      case 'code': {
        const code = codesThere.get(id);
        if (!code) return { reason: 'its code is not in the file' };
        const what = `code "${codePathsThere.get(id)!.join(' / ')}"`;
        const here = mapped.codes.map.get(id)!;
        return { targetId: here, kind: mapped.codes.createdIds.has(here) ? 'fresh' : 'mergeable', what };
      }
      case 'coding': {
        const coding = codingsThere.get(id);
        const source = coding ? sourcesThere.get(coding.sourceId) : undefined;
        const here = mapped.codingMap.get(id);
        if (!coding || !source) return { reason: 'its coding is not in the file' };
        if (!here) return { reason: `its coding on "${source.title}" was skipped` };
        return { targetId: here.id, kind: here.fresh ? 'fresh' : 'mergeable', what: `a coding on "${source.title}"` };
      }
      case 'source': {
        const source = sourcesThere.get(id);
        if (!source) return { reason: 'its transcript is not in the file' };
        const here = mapped.sources.map.get(id);
        if (!here) return { reason: `its transcript "${source.title}" matches no transcript here` };
        return { targetId: here.id, kind: mapped.sources.createdIds.has(here.id) ? 'fresh' : 'kept', what: `transcript "${here.title}"` };
      }
      case 'participant': {
        const p = participantsThere.get(id);
        if (!p) return { reason: 'its participant is not in the file' };
        const here = mapped.sources.participantHere(id);
        if (here === undefined) return { reason: `participant "${p.pseudonym}" is not in this project` };
        return {
          targetId: here,
          kind: mapped.sources.participantsCreatedIds.has(here) ? 'fresh' : 'kept',
          what: `participant "${p.pseudonym}"`,
        };
      }
    }
  };

  const changes: Change[] = [];
  for (const memo of there) {
    if (!memo.text.trim()) continue; // an empty memo carries nothing to merge
    const title = memoTitle(memo, codePathsThere, sourcesThere, participantsThere, codingsThere);
    const to = destination(memo);
    const notMerged = (why: string) => {
      summary.memos.notMerged.push(title);
      warnings.push(`${memo.title.trim() ? `Memo "${title}"` : title} was not merged: ${why}.`);
    };
    if ('reason' in to) {
      notMerged(to.reason);
      continue;
    }
    const existing = onTarget.get(`${memo.target}\u0000${to.targetId}`) ?? [];
    if (existing.some((m) => m.text.trim() === memo.text.trim())) {
      summary.memos.alreadyPresent += 1;
      continue;
    }
    if (to.kind === 'kept') {
      notMerged(`${to.what} was already in this project, and memos on it are not imported`);
      continue;
    }
    if (existing.some((m) => m.text.trim() !== '')) {
      notMerged(`${to.what} already has a different memo here`);
      continue;
    }
    // The app shows one memo per record: an empty memo here is filled rather than hidden behind a second.
    const blank = existing[0];
    const fields = { title: memo.title, text: memo.text, updatedAt: timestamp(memo.updatedAt, options.now) };
    if (blank) {
      const record: Memo = { ...blank, ...fields };
      changes.push(updated('memos', blank, record));
      existing[0] = record;
    } else {
      const record: Memo = { id: options.newId(), target: memo.target, targetId: to.targetId, ...fields, deletedAt: null };
      changes.push(created('memos', record));
      file(record);
    }
    summary.memos.added += 1;
  }
  return changes;
}

export function memoTitle(
  memo: Memo,
  codePaths: Map<string, string[]>,
  sources: Map<string, Source>,
  participants: Map<string, Participant>,
  codings: Map<string, Coding>,
): string {
  if (memo.title.trim()) return memo.title.trim();
  const id = memo.targetId ?? '';
  const on: Record<MemoTarget, () => string> = {
    project: () => 'Project memo',
    code: () => `Memo on code "${codePaths.get(id)?.join(' / ') ?? 'unknown'}"`,
    source: () => `Memo on transcript "${sources.get(id)?.title ?? 'unknown'}"`,
    participant: () => `Memo on participant "${participants.get(id)?.pseudonym ?? 'unknown'}"`,
    coding: () => `Memo on a coding of "${sources.get(codings.get(id)?.sourceId ?? '')?.title ?? 'unknown'}"`,
  };
  return on[memo.target]();
}
