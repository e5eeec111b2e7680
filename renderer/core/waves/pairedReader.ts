// The paired reader: one participant's Time 1 passages beside their Time 2 passages, aligned
// by code, so a change (or its absence) is read in their own words side by side.
import { descendantIds, orderedTree } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import { retrieve, type Passage } from '../coding';

export interface PairedRow {
  codeId: string;
  depth: number;
  first: Passage[];
  second: Passage[];
}

export interface PairedOptions {
  /** A code or a measure: it and its sub-codes, one row each; omitted means every code. */
  codeId?: string;
  coderIds?: readonly string[];
}

/** Rows in codebook order, only codes with a passage at either wave of the pair. */
export function pairedByCode(
  project: ProjectSnapshot,
  participantId: string,
  pair: [string, string],
  options: PairedOptions = {},
): PairedRow[] {
  const tree = orderedTree(project.codes.filter((c) => c.deletedAt == null));
  const wanted = options.codeId ? new Set([options.codeId, ...descendantIds(project.codes, options.codeId)]) : null;
  const rows = tree.filter(({ code }) => !wanted || wanted.has(code.id));
  // Only this participant's transcripts of the pair are read: the triangulation calls this for
  // every informant of every family, and sorting the whole project's passages each time is slow.
  const sourceIds = project.sources
    .filter((s) => s.participantId === participantId && (s.wave === pair[0] || s.wave === pair[1]))
    .map((s) => s.id);
  const passages = retrieve(project, {
    codeIds: rows.map((r) => r.code.id),
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
    sourceIds,
  }).filter((p) => p.participantId === participantId && (p.wave === pair[0] || p.wave === pair[1]));
  const byCode = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byCode.get(p.codeId);
    if (list) list.push(p);
    else byCode.set(p.codeId, [p]);
  }
  const rootDepth = options.codeId ? (rows.find((r) => r.code.id === options.codeId)?.depth ?? 0) : 0;
  return rows.flatMap(({ code, depth }) => {
    const list = byCode.get(code.id) ?? [];
    const first = list.filter((p) => p.wave === pair[0]);
    const second = list.filter((p) => p.wave === pair[1]);
    return first.length || second.length ? [{ codeId: code.id, depth: depth - rootDepth, first, second }] : [];
  });
}

/** Participants with a live transcript at both waves of the pair: the ones worth pairing. */
export function pairedCandidates(project: ProjectSnapshot, pair: [string, string]): string[] {
  const waves = new Map<string, Set<string>>();
  for (const s of project.sources) {
    if (s.deletedAt != null || !s.participantId || !s.wave) continue;
    const set = waves.get(s.participantId) ?? new Set<string>();
    set.add(s.wave);
    waves.set(s.participantId, set);
  }
  return project.participants
    .filter((p) => p.deletedAt == null && waves.get(p.id)?.has(pair[0]) && waves.get(p.id)?.has(pair[1]))
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym))
    .map((p) => p.id);
}
