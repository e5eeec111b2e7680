// The verdict on a code, one rule for the table's colours, its verdict column and the methods
// paragraph, so they cannot disagree. Codes are judged on the statistic the table shows:
// Krippendorff's alpha, or percent agreement at the coded-segment unit, where alpha is undefined
// throughout. A code whose statistic is undefined (no units, or no variation: every coder applied
// it to every unit) gets no verdict, "undefined"; a code nobody used gets none either, "unused".
import type { AgreementUnit, NullableStats } from './compare';

/** Krippendorff's guidance: alpha ≥ .800 to rely on data, ≥ .667 for tentative conclusions. */
export interface Thresholds {
  tentative: number;
  reliable: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { tentative: 0.667, reliable: 0.8 };

/** 'unused': not coded by anyone; 'undefined': the judging statistic is undefined (no verdict). */
export type Verdict = 'reliable' | 'tentative' | 'below' | 'unused' | 'undefined';

/** The statistic codes are judged on. */
export type JudgedOn = 'alpha' | 'agreement';

/** Alpha, except at the segment unit, where only percent agreement is defined. */
export function judgedOn(unit: AgreementUnit): JudgedOn {
  return unit === 'segment' ? 'agreement' : 'alpha';
}

export const JUDGED_ON_NAMES: Record<JudgedOn, string> = { alpha: 'alpha', agreement: 'percent agreement' };

export function verdict(stats: NullableStats, used: boolean, thresholds: Thresholds = DEFAULT_THRESHOLDS, on: JudgedOn = 'alpha'): Verdict {
  if (!used) return 'unused';
  const value = stats[on];
  if (value === null) return 'undefined';
  return value >= thresholds.reliable ? 'reliable' : value >= thresholds.tentative ? 'tentative' : 'below';
}

/** Why a statistic is undefined, in the words the table and the paragraph use. */
export function undefinedReason(stats: NullableStats): string {
  return stats.units === 0 ? 'no units' : 'no variation';
}

/** The verdict as a table shows it. */
export function verdictLabel(v: Verdict, stats: NullableStats): string {
  if (v === 'unused') return 'not coded by anyone';
  if (v === 'undefined') return `${undefinedReason(stats)}: undefined`;
  return v;
}

export const UNIT_NAMES = { turn: 'speaker turn', character: 'character', document: 'transcript', segment: 'coded segment' } as const;
