// The tests the survey tables report (issue 19): Wilcoxon's signed-rank test for paired ordinal
// or count answers, and Fisher's exact test for programme against comparison. Paired binary
// answers use McNemar's exact test, which lives with the waves (`mcnemarExact` in '../waves').
//
// Samples are small (tens of women per time point), so both tests are exact: the p-values are
// sums over the whole permutation or hypergeometric distribution, not large-sample formulae.

/** Up to this many non-zero differences the signed-rank p-value is exact; above it, normal. */
export const WILCOXON_EXACT_MAX_N = 200;

export interface WilcoxonResult {
  /** Non-zero differences: zero differences are dropped (Wilcoxon's rule, R's default). */
  n: number;
  /** Sum of the ranks of |difference| over the positive differences (ties: average ranks). */
  wPlus: number;
  /** The same over the negative differences; wPlus + wMinus = n(n + 1)/2. */
  wMinus: number;
  /** Two-sided, capped at 1; 1 when n = 0. */
  p: number;
  /**
   * 'exact': from the permutation distribution of W+ under random signs, given the ranks as
   * they are (so ties are handled exactly, where R's wilcox.test falls back to the normal).
   * 'normal': n > WILCOXON_EXACT_MAX_N; normal approximation with the tie correction of the
   * variance and a continuity correction of 0.5, as R's wilcox.test(exact = FALSE, correct = TRUE).
   */
  method: 'exact' | 'normal';
}

/**
 * Wilcoxon's signed-rank test of paired differences (e.g. score at the second time point minus
 * score at the first). Zero differences are dropped before ranking and `n` counts only the
 * non-zero ones; tied |differences| share their average rank.
 */
export function wilcoxonSignedRankExact(differences: readonly number[]): WilcoxonResult {
  for (const d of differences) {
    if (!Number.isFinite(d)) throw new RangeError(`Differences must be finite numbers, got ${d}.`);
  }
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  if (n === 0) return { n: 0, wPlus: 0, wMinus: 0, p: 1, method: 'exact' };

  // Doubled ranks: a tie group over positions first..last (1-based) gets (first + last)/2, so
  // twice that is an integer and the distribution below can be indexed by it.
  const order = nonZero.map((d, i) => ({ abs: Math.abs(d), positive: d > 0, i })).sort((a, b) => a.abs - b.abs);
  const doubled: number[] = new Array<number>(n);
  const tieSizes: number[] = [];
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && order[end + 1]!.abs === order[start]!.abs) end += 1;
    for (let k = start; k <= end; k += 1) doubled[k] = start + 1 + (end + 1);
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  let wPlus2 = 0;
  for (let k = 0; k < n; k += 1) if (order[k]!.positive) wPlus2 += doubled[k]!;
  const total2 = n * (n + 1); // twice n(n + 1)/2: the sum of all doubled ranks
  const wPlus = wPlus2 / 2;
  const wMinus = (total2 - wPlus2) / 2;

  if (n > WILCOXON_EXACT_MAX_N) {
    const mean = (n * (n + 1)) / 4;
    const tieTerm = tieSizes.reduce((sum, t) => sum + (t * t * t - t), 0);
    const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
    const diff = wPlus - mean;
    if (variance <= 0) return { n, wPlus, wMinus, p: 1, method: 'normal' };
    const z = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
    return { n, wPlus, wMinus, p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), method: 'normal' };
  }

  // counts[s] = how many of the 2^n sign assignments give doubled W+ = s. Each rank joins W+ or
  // not, so adding a rank r shifts a copy of the counts by r. Up to n = 53 every count is an
  // exact integer in a double; beyond, the relative rounding is ~1e-16 per step.
  const counts = new Float64Array(total2 + 1);
  counts[0] = 1;
  let reach = 0;
  for (const r of doubled) {
    for (let s = reach; s >= 0; s -= 1) counts[s + r]! += counts[s]!;
    reach += r;
  }
  let lower = 0; // P(W+ <= observed) · 2^n
  let upper = 0; // P(W+ >= observed) · 2^n
  for (let s = 0; s <= total2; s += 1) {
    if (s <= wPlus2) lower += counts[s]!;
    if (s >= wPlus2) upper += counts[s]!;
  }
  // The distribution is symmetric about n(n + 1)/4 (flip every sign), ties or not, so doubling
  // the smaller tail is the two-sided test, as R's and scipy's.
  const p = Math.min(1, 2 * Math.min(lower, upper) * Math.pow(2, -n));
  return { n, wPlus, wMinus, p, method: 'exact' };
}

/**
 * Fisher's exact test of the 2×2 table [[a, b], [c, d]], two-sided: the sum of the
 * probabilities of every table with the same margins that is no more likely than the observed
 * one (within a relative 1e-7, as R's fisher.test, so equally likely tables are not lost to
 * rounding). Worked in logs, so counts in the thousands do not overflow.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const x of [a, b, c, d]) {
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`Fisher counts must be non-negative integers, got ${x}.`);
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  if (lo === hi) return 1; // only one table has these margins
  // log P(x) up to a constant: the first cell x fixes the table [[x, row1 − x], [col1 − x, …]].
  const logWeight = (x: number) => -logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(row2 - col1 + x);
  const logs: number[] = [];
  let top = -Infinity;
  for (let x = lo; x <= hi; x += 1) {
    const l = logWeight(x);
    logs.push(l);
    if (l > top) top = l;
  }
  // Scaled by the most likely table, so the largest weight is 1 and none overflows.
  const weights = logs.map((l) => Math.exp(l - top));
  const observed = weights[a - lo]! * (1 + 1e-7);
  let sum = 0;
  let tail = 0;
  for (const w of weights) {
    sum += w;
    if (w <= observed) tail += w;
  }
  return Math.min(1, tail / sum);
}

// ---- numerical helpers ----

const SMALL_LOG_FACTORIALS: number[] = (() => {
  const out = [0];
  for (let i = 1; i < 256; i += 1) out.push(out[i - 1]! + Math.log(i));
  return out;
})();

/** ln(n!): a table below 256, Stirling's series above (its error there is below 1e-20). */
function logFactorial(n: number): number {
  if (n < SMALL_LOG_FACTORIALS.length) return SMALL_LOG_FACTORIALS[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

/**
 * The complementary error function for x >= 0, to near double precision: erf's series of
 * positive terms below 3 (no cancellation), the continued fraction from 3 up, where 1 − erf
 * would lose the digits that matter for a small p.
 */
function erfc(x: number): number {
  if (x < 3) {
    // erf(x) = 2/√π · e^{−x²} · Σ 2^k x^{2k+1} / (1·3·…·(2k+1))
    let term = x;
    let sum = x;
    for (let k = 1; k < 200 && term > 1e-17 * sum; k += 1) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let f = x;
  for (let k = 60; k >= 1; k -= 1) f = x + k / 2 / f;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}
