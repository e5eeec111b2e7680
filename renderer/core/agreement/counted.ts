// Agreement statistics from counts rather than arrays of values. A study-scale comparison has
// millions of units (every character of 350 transcripts, for every code), but for a code a unit
// is only "applied" or "not applied" by each coder, so a table of how many units fell each way
// holds everything the statistics need. The array functions in stats.ts give the same numbers on
// the same data (the tests hold them to it); these are what compareCoders uses.
//
// Undefined cases follow stats.ts, and are null:
// - no units: every statistic, percent agreement included;
// - no variation (every coder applied the code to every unit, or to none): kappa, pi and alpha
//   are 0/0. AC1 and Brennan–Prediger are computed on the two categories "applied" and "not
//   applied" (q = 2), so their chance agreement stays below 1 and they remain defined (= percent
//   agreement = 1). `units` tells the two cases apart.
// Tables must hold whole numbers >= 0 (RangeError otherwise), so no NaN can come out.

/** Two coders, one code: units both applied, only the first, only the second, neither. */
export interface BinaryTable {
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
}

/** Every statistic is null where it is undefined (see above). */
export interface AgreementStats {
  /** Units compared (for character units, characters). */
  units: number;
  /** Share of units on which all coders agree. */
  agreement: number | null;
  /** Cohen's kappa for two coders, Fleiss' kappa for more. */
  kappa: number | null;
  /** Scott's pi (two coders) — Fleiss' kappa generalises it, so for more coders it equals kappa. */
  pi: number | null;
  /** Gwet's AC1. */
  ac1: number | null;
  /** Brennan–Prediger with two categories (applied, not applied). */
  bp: number | null;
  /** Krippendorff's alpha, nominal. */
  alpha: number | null;
}

const NO_UNITS: AgreementStats = { units: 0, agreement: null, kappa: null, pi: null, ac1: null, bp: null, alpha: null };

/** (observed - chance) / (1 - chance); callers rule out chance = 1 (no variation) first. */
const chanceCorrected = (observed: number, expected: number): number => (observed - expected) / (1 - expected);

function checkCounts(name: string, counts: readonly number[]): void {
  for (const x of counts)
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name}: ${x} is not a count; cells must be whole numbers >= 0`);
}

export function binaryStats(t: BinaryTable): AgreementStats {
  checkCounts('binaryStats', [t.both, t.onlyFirst, t.onlySecond, t.neither]);
  const n = t.both + t.onlyFirst + t.onlySecond + t.neither;
  if (n === 0) return { ...NO_UNITS };
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
  // No variation, decided on the counts (exact, unlike pe >= 1 in floating point): every value
  // is "applied" (n0 = 0) or every value "not applied" (n1 = 0).
  const varied = n0 > 0 && n1 > 0;
  return {
    units: n,
    agreement: po,
    kappa: varied ? chanceCorrected(po, peCohen) : null,
    pi: varied ? chanceCorrected(po, peScott) : null,
    ac1: chanceCorrected(po, peGwet),
    bp: chanceCorrected(po, 0.5),
    alpha: varied ? 1 - ((values - 1) * d) / (n0 * n1) : null,
  };
}

/**
 * More than two coders: `histogram[k]` = how many units exactly k of the `coders` applied the
 * code to (k = 0..coders). Fleiss' kappa, Krippendorff's alpha (nominal), AC1 and
 * Brennan–Prediger over the two categories; agreement = share of units where all agree. Null
 * where undefined, as binaryStats.
 */
export function multiStats(histogram: readonly number[], coders: number): AgreementStats {
  if (!Number.isInteger(coders) || coders < 2) throw new RangeError(`multiStats: ${coders} coder(s); at least 2 are needed`);
  if (histogram.length > coders + 1)
    throw new RangeError(`multiStats: a histogram for ${coders} coders has at most ${coders + 1} cells, got ${histogram.length}`);
  checkCounts('multiStats', histogram);
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return { ...NO_UNITS };
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
  const varied = n0 > 0 && n1 > 0;
  const alpha = varied ? 1 - ((values - 1) * disagreeingPairs) / (2 * n0 * n1) : null;
  const kappa = varied ? chanceCorrected(pBar, peFleiss) : null;
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
