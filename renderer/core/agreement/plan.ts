// Planning double coding: which transcripts a second coder codes independently. Either the team
// picks them, or a share is drawn at random within each stratum (role × wave by default), so the
// double-coded set mirrors the study; the draw is seeded and so can be repeated and reported.
import { live, naturalCompare, type ProjectSnapshot } from '../shared';

export interface PlanOptions {
  /** Share of transcripts to double-code, 0–1; at least one per non-empty stratum. */
  share: number;
  seed: number;
  strata?: ('role' | 'wave' | 'site' | 'group')[];
}

export interface PlannedStratum {
  key: string;
  total: number;
  chosen: string[];
}

/** Deterministic pseudo-random numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planDoubleCoding(project: ProjectSnapshot, options: PlanOptions): { sourceIds: string[]; strata: PlannedStratum[] } {
  if (!(options.share > 0 && options.share <= 1)) throw new RangeError('The share to double-code must be above 0 and at most 1.');
  const strata = options.strata ?? ['role', 'wave'];
  const people = new Map(live(project.participants).map((p) => [p.id, p]));
  const groups = new Map<string, string[]>();
  const sources = live(project.sources).sort((a, b) => naturalCompare(a.title, b.title) || (a.id < b.id ? -1 : 1));
  for (const s of sources) {
    const p = s.participantId ? people.get(s.participantId) : undefined;
    const key = strata.map((k) => (k === 'wave' ? `wave ${s.wave ?? '—'}` : `${k} ${(p?.[k] as string | undefined) || '—'}`)).join(' · ');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(s.id);
  }
  const next = random(options.seed);
  const out: PlannedStratum[] = [];
  for (const [key, ids] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Fisher–Yates on a copy, then the first ⌈share × n⌉.
    const pool = [...ids];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    out.push({ key, total: ids.length, chosen: pool.slice(0, Math.max(1, Math.ceil(options.share * ids.length))) });
  }
  return { sourceIds: out.flatMap((s) => s.chosen), strata: out };
}
