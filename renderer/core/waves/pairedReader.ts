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
  return pairedByCodeFor(project, [participantId], pair, options).get(participantId) ?? [];
}

/**
 * pairedByCode for several participants at once: the codebook ordered and the passages
 * retrieved once for all of them (the triangulation reads two informants of every family, and
 * one retrieval each grew with families times codings: 23 s at 875 families, measured).
 */
export function pairedByCodeFor(
  project: ProjectSnapshot,
  participantIds: readonly string[],
  pair: [string, string],
  options: PairedOptions = {},
): Map<string, PairedRow[]> {
  const tree = orderedTree(project.codes.filter((c) => c.deletedAt == null));
  const wanted = options.codeId ? new Set([options.codeId, ...descendantIds(project.codes, options.codeId)]) : null;
  const rows = tree.filter(({ code }) => !wanted || wanted.has(code.id));
  const people = new Set(participantIds);
  // Only these participants' transcripts of the pair are read.
  const sourceIds = project.sources
    .filter((s) => s.participantId !== null && people.has(s.participantId) && (s.wave === pair[0] || s.wave === pair[1]))
    .map((s) => s.id);
  const passages = retrieve(project, {
    codeIds: rows.map((r) => r.code.id),
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
    sourceIds,
  });
  const byPerson = new Map<string, Map<string, Passage[]>>(participantIds.map((id) => [id, new Map()]));
  for (const p of passages) {
    if (p.participantId === null || (p.wave !== pair[0] && p.wave !== pair[1])) continue;
    const byCode = byPerson.get(p.participantId);
    if (!byCode) continue;
    const list = byCode.get(p.codeId);
    if (list) list.push(p);
    else byCode.set(p.codeId, [p]);
  }
  const rootDepth = options.codeId ? (rows.find((r) => r.code.id === options.codeId)?.depth ?? 0) : 0;
  const out = new Map<string, PairedRow[]>();
  for (const [id, byCode] of byPerson)
    out.set(
      id,
      rows.flatMap(({ code, depth }) => {
        const list = byCode.get(code.id) ?? [];
        const first = list.filter((p) => p.wave === pair[0]);
        const second = list.filter((p) => p.wave === pair[1]);
        return first.length || second.length ? [{ codeId: code.id, depth: depth - rootDepth, first, second }] : [];
      }),
    );
  return out;
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
