// Inter-coder agreement coefficients for coded units: Krippendorff's alpha (any number of coders,
// missing values), the two-coder family (Cohen's kappa, Scott's pi, Gwet's AC1, Brennan-Prediger),
// Fleiss' kappa and plain percent agreement. Pure functions over plain arrays; no NaN ever leaves
// this module.
//
// Conventions shared by every coefficient here:
// - Missing values are `null`. A unit is "pairable" when at least two coders gave it a value;
//   other units are dropped (two-coder functions: a unit where either coder is null is dropped).
// - Values are compared by identity (`Map` keys): 1 and '1' are different categories.
// - "No variation, no disagreement": when the expected (chance) disagreement is zero, i.e. every
//   value that was paired is one and the same category, or nothing was paired at all, observed
//   agreement is necessarily perfect and the coefficient is NO_VARIATION_AGREEMENT (= 1) instead of
//   0/0. Callers that must tell "nothing compared" apart use `pairableUnits` (or count non-null
//   pairs themselves) and report it separately.
// - Malformed input (arrays of different lengths, impossible counts, strings at a numeric level)
//   throws a RangeError that says what is wrong; it never yields NaN.

export type Rating = string | number | null;
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** What every coefficient returns when there is nothing to disagree about (see the rule above). */
export const NO_VARIATION_AGREEMENT = 1;

/** 1 - observed/expected disagreement, with the no-variation rule for a zero denominator. */
function chanceCorrected(observedAgreement: number, chanceAgreement: number): number {
  if (1 - chanceAgreement <= 1e-12) return NO_VARIATION_AGREEMENT;
  return (observedAgreement - chanceAgreement) / (1 - chanceAgreement);
}

/** The present (non-null) values of every unit, `data[coder][unit]`; ragged rows count as null. */
function unitValues(data: readonly (readonly Rating[])[]): Rating[][] {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const units: Rating[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: Rating[] = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(v);
    }
    units.push(values);
  }
  return units;
}

/** How many units have values from at least two coders, i.e. take part in any coefficient. */
export function pairableUnits(data: readonly (readonly Rating[])[]): number {
  return unitValues(data).filter((values) => values.length >= 2).length;
}

/**
 * Share of pairable units on which all present coders agree. With two coders that is the usual
 * percent agreement; with more it is the share of units where every present value is equal (a
 * strict, all-coders criterion, not the mean pairwise agreement). No pairable units: 1.
 */
export function percentAgreement(data: readonly (readonly Rating[])[]): number {
  const units = unitValues(data).filter((values) => values.length >= 2);
  if (units.length === 0) return NO_VARIATION_AGREEMENT;
  const agreed = units.filter((values) => values.every((v) => v === values[0])).length;
  return agreed / units.length;
}

function metricValue(v: Rating, level: AlphaLevel): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RangeError(`krippendorffAlpha: ${level} level needs finite numbers, got ${JSON.stringify(v)}`);
  }
  if (level === 'ratio' && v < 0) throw new RangeError(`krippendorffAlpha: ratio level needs values >= 0, got ${v}`);
  return v;
}

/**
 * Krippendorff's alpha by the coincidence-matrix method (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): `data[coder][unit]`, null = missing. Units with fewer than
 * two values are not pairable and are dropped. Levels: nominal (0/1 difference), ordinal (rank
 * distance over the marginals), interval ((c-k)^2) and ratio (((c-k)/(c+k))^2, values >= 0); the
 * three metric levels need numbers. alpha = 1 - (n-1) * sum o_ck d_ck / sum n_c n_k d_ck.
 */
export function krippendorffAlpha(data: readonly (readonly Rating[])[], level: AlphaLevel = 'nominal'): number {
  const units = unitValues(data).filter((values) => values.length >= 2);
  let categories = [...new Set(units.flat())];
  if (level !== 'nominal') {
    for (const v of categories) metricValue(v, level);
    categories = categories.sort((x, y) => (x as number) - (y as number));
  }
  const q = categories.length;
  if (q < 2) return NO_VARIATION_AGREEMENT;
  const index = new Map(categories.map((v, i) => [v, i]));

  // Coincidence matrix: each unit with m values contributes m(m-1) ordered pairs, weighted 1/(m-1).
  const o = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (const values of units) {
    const inUnit = new Map<number, number>();
    for (const v of values) {
      const i = index.get(v)!;
      inUnit.set(i, (inUnit.get(i) ?? 0) + 1);
    }
    const weight = 1 / (values.length - 1);
    for (const [c, nc] of inUnit) {
      for (const [k, nk] of inUnit) o[c]![k]! += weight * nc * (c === k ? nk - 1 : nk);
    }
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);

  const delta = differenceFunction(level, categories, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return NO_VARIATION_AGREEMENT;
  return 1 - ((n - 1) * observed) / expected;
}

/** Squared difference between categories c and k (indices into `categories`) at a level. */
function differenceFunction(level: AlphaLevel, categories: Rating[], marginals: number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const x = categories as number[];
  if (level === 'interval') return (c, k) => (x[c]! - x[k]!) ** 2;
  if (level === 'ratio') {
    return (c, k) => {
      const sum = x[c]! + x[k]!;
      return sum === 0 ? 0 : ((x[c]! - x[k]!) / sum) ** 2;
    };
  }
  // Ordinal: (sum of marginals from c to k - (n_c + n_k)/2)^2 over the sorted categories.
  const prefix = [0];
  for (const m of marginals) prefix.push(prefix[prefix.length - 1]! + m);
  return (c, k) => {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    return (prefix[hi + 1]! - prefix[lo]! - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
}

interface PairTable {
  /** Units where both coders gave a value. */
  n: number;
  /** Share of those units on which they agree. */
  observed: number;
  /** Per category: [share of units coder a gave it, share coder b gave it]. */
  shares: Map<Rating, [number, number]>;
}

function pairTable(name: string, a: readonly Rating[], b: readonly Rating[]): PairTable {
  if (a.length !== b.length) throw new RangeError(`${name}: the two coders rated ${a.length} and ${b.length} units; they must rate the same units`);
  const counts = new Map<Rating, [number, number]>();
  let n = 0;
  let agreed = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u] ?? null;
    const y = b[u] ?? null;
    if (x === null || y === null) continue;
    n++;
    if (x === y) agreed++;
    const cx = counts.get(x) ?? [0, 0];
    cx[0]++;
    counts.set(x, cx);
    const cy = counts.get(y) ?? [0, 0];
    cy[1]++;
    counts.set(y, cy);
  }
  const shares = new Map<Rating, [number, number]>();
  for (const [v, [ca, cb]] of counts) shares.set(v, [ca / n, cb / n]);
  return { n, observed: n === 0 ? 1 : agreed / n, shares };
}

/**
 * Cohen's kappa for two coders. Chance agreement is the SUM over categories of the PRODUCT of the
 * two coders' marginal proportions: pe = sum_k pA_k * pB_k. No units with both values: 1.
 */
export function cohenKappa(a: readonly Rating[], b: readonly Rating[]): number {
  const t = pairTable('cohenKappa', a, b);
  if (t.n === 0) return NO_VARIATION_AGREEMENT;
  let pe = 0;
  for (const [pa, pb] of t.shares.values()) pe += pa * pb;
  return chanceCorrected(t.observed, pe);
}

/** Scott's pi: chance from the pooled proportions, pe = sum_k ((pA_k + pB_k) / 2)^2. */
export function scottPi(a: readonly Rating[], b: readonly Rating[]): number {
  const t = pairTable('scottPi', a, b);
  if (t.n === 0) return NO_VARIATION_AGREEMENT;
  let pe = 0;
  for (const [pa, pb] of t.shares.values()) pe += ((pa + pb) / 2) ** 2;
  return chanceCorrected(t.observed, pe);
}

/** q: the given number of categories, else the number of distinct categories the coders used. */
function categoryCountFor(name: string, t: PairTable, categoryCount: number | undefined): number {
  const used = t.shares.size;
  if (categoryCount === undefined) return used;
  if (!Number.isInteger(categoryCount) || categoryCount < used) {
    throw new RangeError(`${name}: categoryCount ${categoryCount} is below the ${used} categories actually used`);
  }
  return categoryCount;
}

/**
 * Gwet's AC1 for two coders: pe = sum_k pi_k (1 - pi_k) / (q - 1), pi_k the mean of the two
 * coders' proportions for category k, q the number of categories (`categoryCount`, default: the
 * categories the coders used). q < 2 means one category only: 1.
 */
export function gwetAC1(a: readonly Rating[], b: readonly Rating[], categoryCount?: number): number {
  const t = pairTable('gwetAC1', a, b);
  if (t.n === 0) return NO_VARIATION_AGREEMENT;
  const q = categoryCountFor('gwetAC1', t, categoryCount);
  if (q < 2) return NO_VARIATION_AGREEMENT;
  let sum = 0;
  for (const [pa, pb] of t.shares.values()) {
    const pi = (pa + pb) / 2;
    sum += pi * (1 - pi);
  }
  return chanceCorrected(t.observed, sum / (q - 1));
}

/**
 * Brennan-Prediger kappa_n = (po - 1/q) / (1 - 1/q) with q categories (`categoryCount`, default:
 * the categories the coders used). q < 2 means one category only: 1.
 */
export function brennanPrediger(a: readonly Rating[], b: readonly Rating[], categoryCount?: number): number {
  const t = pairTable('brennanPrediger', a, b);
  if (t.n === 0) return NO_VARIATION_AGREEMENT;
  const q = categoryCountFor('brennanPrediger', t, categoryCount);
  if (q < 2) return NO_VARIATION_AGREEMENT;
  return chanceCorrected(t.observed, 1 / q);
}

/**
 * Fleiss' kappa (Fleiss 1971): `counts[unit][category]` = raters who put the unit in the category.
 * Every unit must have the same number of raters, at least 2 (RangeError naming the 0-based unit
 * index otherwise). No units, or every rating in one category: 1.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  if (counts.length === 0) return NO_VARIATION_AGREEMENT;
  const sum = (row: readonly number[]) => row.reduce((s, x) => s + x, 0);
  counts.forEach((row, u) => {
    for (const x of row) {
      if (!Number.isInteger(x) || x < 0) throw new RangeError(`fleissKappa: unit ${u} has a count ${x}; counts are whole numbers >= 0`);
    }
  });
  const raters = sum(counts[0]!);
  if (raters < 2) throw new RangeError(`fleissKappa: unit 0 has ${raters} rater(s); at least 2 are needed`);
  counts.forEach((row, u) => {
    const r = sum(row);
    if (r !== raters) throw new RangeError(`fleissKappa: unit ${u} has ${r} raters but unit 0 has ${raters}; every unit needs the same number`);
  });
  const categories = Math.max(...counts.map((row) => row.length));
  const totals = new Array<number>(categories).fill(0);
  let meanAgreement = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((x, k) => {
      squares += x * x;
      totals[k]! += x;
    });
    meanAgreement += (squares - raters) / (raters * (raters - 1));
  }
  meanAgreement /= counts.length;
  const all = counts.length * raters;
  const pe = totals.reduce((s, t) => s + (t / all) ** 2, 0);
  return chanceCorrected(meanAgreement, pe);
}
