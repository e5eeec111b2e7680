// Agreement statistics from counts rather than arrays of values. A study-scale comparison has
// millions of units (every character of 350 transcripts, for every code), but for a code a unit
// is only "applied" or "not applied" by each coder, so a table of how many units fell each way
// holds everything the statistics need. The array functions in stats.ts give the same numbers on
// the same data (the tests hold them to it); these are what compareCoders uses.
//
// Degenerate cases follow stats.ts: when there is nothing to disagree about (no units, or every
// unit in one category for everyone), chance-corrected statistics are 1 if observed agreement is
// perfect; `units` lets a report say "no units compared" instead.

/** Two coders, one code: units both applied, only the first, only the second, neither. */
export interface BinaryTable {
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
}

export interface AgreementStats {
  /** Units compared (for character units, characters). */
  units: number;
  /** Share of units on which all coders agree. */
  agreement: number;
  /** Cohen's kappa for two coders, Fleiss' kappa for more. */
  kappa: number;
  /** Scott's pi (two coders) — Fleiss' kappa generalises it, so for more coders it equals kappa. */
  pi: number;
  /** Gwet's AC1. */
  ac1: number;
  /** Brennan–Prediger with two categories (applied, not applied). */
  bp: number;
  /** Krippendorff's alpha, nominal. */
  alpha: number;
}

const chanceCorrected = (observed: number, expected: number): number => (expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected));

export function binaryStats(t: BinaryTable): AgreementStats {
  const n = t.both + t.onlyFirst + t.onlySecond + t.neither;
  if (n === 0) return { units: 0, agreement: 1, kappa: 1, pi: 1, ac1: 1, bp: 1, alpha: 1 };
  const po = (t.both + t.neither) / n;
  const a1 = (t.both + t.onlyFirst) / n; // first coder's share of "applied"
  const b1 = (t.both + t.onlySecond) / n;
  // Cohen: chance agreement is the SUM over categories of the products of the two marginals.
  const peCohen = a1 * b1 + (1 - a1) * (1 - b1);
  const m = (a1 + b1) / 2;
  const peScott = m * m + (1 - m) * (1 - m);
  const peGwet = 2 * m * (1 - m); // Σ πk(1 − πk) / (q − 1) with q = 2
  // Krippendorff, nominal, two coders, no missing values: 2n pairable values.
  const values = 2 * n;
  const n1 = 2 * t.both + t.onlyFirst + t.onlySecond;
  const n0 = values - n1;
  const d = t.onlyFirst + t.onlySecond;
  const alpha = n0 === 0 || n1 === 0 ? (d === 0 ? 1 : 0) : 1 - ((values - 1) * d) / (n0 * n1);
  return {
    units: n,
    agreement: po,
    kappa: chanceCorrected(po, peCohen),
    pi: chanceCorrected(po, peScott),
    ac1: chanceCorrected(po, peGwet),
    bp: chanceCorrected(po, 0.5),
    alpha,
  };
}

/**
 * More than two coders: `histogram[k]` = how many units exactly k of the `coders` applied the
 * code to (k = 0..coders). Fleiss' kappa, Krippendorff's alpha (nominal), AC1 and
 * Brennan–Prediger over the two categories; agreement = share of units where all agree.
 */
export function multiStats(histogram: readonly number[], coders: number): AgreementStats {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0 || coders < 2) return { units: n, agreement: 1, kappa: 1, pi: 1, ac1: 1, bp: 1, alpha: 1 };
  let applied = 0;
  let pBar = 0;
  histogram.forEach((w, k) => {
    applied += w * k;
    // Fleiss' P_i: agreeing ordered pairs of raters on the unit, of all pairs.
    pBar += (w * (k * (k - 1) + (coders - k) * (coders - k - 1))) / (coders * (coders - 1));
  });
  pBar /= n;
  const p1 = applied / (n * coders);
  const peFleiss = p1 * p1 + (1 - p1) * (1 - p1);
  const agreement = ((histogram[0] ?? 0) + (histogram[coders] ?? 0)) / n;
  // Krippendorff: each unit has `coders` values; its pairs carry weight 1/(coders − 1).
  const values = n * coders;
  const disagreeingPairs = histogram.reduce((sum, w, k) => sum + (w * 2 * k * (coders - k)) / (coders - 1), 0);
  const n1 = applied;
  const n0 = values - n1;
  const alpha = n0 === 0 || n1 === 0 ? (disagreeingPairs === 0 ? 1 : 0) : 1 - ((values - 1) * disagreeingPairs) / (2 * n0 * n1);
  const kappa = chanceCorrected(pBar, peFleiss);
  return { units: n, agreement, kappa, pi: kappa, ac1: chanceCorrected(pBar, 2 * p1 * (1 - p1)), bp: chanceCorrected(pBar, 0.5), alpha };
}

/** Adds tables (pooling over codes, transcripts or waves): pooled kappa is not the mean of kappas. */
export function addTables(tables: readonly BinaryTable[]): BinaryTable {
  const out = { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 };
  for (const t of tables) {
    out.both += t.both;
    out.onlyFirst += t.onlyFirst;
    out.onlySecond += t.onlySecond;
    out.neither += t.neither;
  }
  return out;
}

export function addHistograms(histograms: readonly (readonly number[])[], coders: number): number[] {
  const out = new Array<number>(coders + 1).fill(0);
  for (const h of histograms) h.forEach((w, k) => (out[k]! += w));
  return out;
}
