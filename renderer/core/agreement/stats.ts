// Inter-coder agreement coefficients for coded units: Krippendorff's alpha (any number of coders,
// missing values), the two-coder family (Cohen's kappa, Scott's pi, Gwet's AC1, Brennan-Prediger),
// Fleiss' kappa and plain percent agreement. Pure functions over plain arrays; no NaN ever leaves
// this module.
//
// Conventions shared by every coefficient here:
// - Missing values are `null`. A unit is "pairable" when at least two coders gave it a value;
//   other units are dropped (two-coder functions: a unit where either coder is null is dropped).
// - Values are compared by identity (`Map` keys and ===): 1 and '1' are different categories.
//   A number that is not finite (NaN, ±Infinity) is refused with a RangeError naming the unit:
//   NaN is one category to a Map but never equal to itself under ===, so it would be counted
//   one way by alpha and another by kappa.
// - Undefined is `null`, never a made-up number. A coefficient is undefined when
//   - nothing was compared (no pairable unit): every statistic, percent agreement included; or
//   - there is no variation: every paired value is one and the same category, so chance agreement
//     is 1 and observed agreement is necessarily 1 too; 1 - observed/expected is then 0/0. This
//     holds for alpha, kappa, pi and Fleiss' kappa. Gwet's AC1 and Brennan-Prediger depend on the
//     number of categories q: with q = 1 they are 0/0 too (null); with a scale of q >= 2 (pass
//     `categoryCount`) their chance agreement stays below 1 and they are defined.
//   Reports say which it is ("no units", "no variation") instead of a perfect-looking 1.
// - Malformed input (arrays of different lengths, impossible counts, strings at a numeric level,
//   non-finite numbers) throws a RangeError that says what is wrong; it never yields NaN.

export type Rating = string | number | null;
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Refuses NaN and ±Infinity (see the conventions above), naming the unit. */
function checkFinite(name: string, data: readonly (readonly Rating[])[]): void {
  for (const row of data) {
    row.forEach((v, u) => {
      if (typeof v === 'number' && !Number.isFinite(v))
        throw new RangeError(`${name}: unit ${u} has the value ${v}; ratings must be finite numbers, strings or null`);
    });
  }
}

/** (observed - chance) / (1 - chance); null when chance agreement is 1 (no variation: 0/0). */
function chanceCorrected(observedAgreement: number, chanceAgreement: number): number | null {
  if (1 - chanceAgreement <= 1e-12) return null;
  return (observedAgreement - chanceAgreement) / (1 - chanceAgreement);
}

/** The present (non-null) values of every unit, `data[coder][unit]`; ragged rows count as null. */
function unitValues(data: readonly (readonly Rating[])[]): Rating[][] {
  const unitCount = data.reduce((m, row) => Math.max(m, row.length), 0);
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
  checkFinite('pairableUnits', data);
  return unitValues(data).filter((values) => values.length >= 2).length;
}

/**
 * Share of pairable units on which all present coders agree. With two coders that is the usual
 * percent agreement; with more it is the share of units where every present value is equal (a
 * strict, all-coders criterion, not the mean pairwise agreement). No pairable units: null.
 */
export function percentAgreement(data: readonly (readonly Rating[])[]): number | null {
  checkFinite('percentAgreement', data);
  const units = unitValues(data).filter((values) => values.length >= 2);
  if (units.length === 0) return null;
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
 * Null when fewer than two categories were paired (nothing compared, or no variation).
 */
export function krippendorffAlpha(data: readonly (readonly Rating[])[], level: AlphaLevel = 'nominal'): number | null {
  checkFinite('krippendorffAlpha', data);
  const units = unitValues(data).filter((values) => values.length >= 2);
  let categories = [...new Set(units.flat())];
  if (level !== 'nominal') {
    for (const v of categories) metricValue(v, level);
    categories = categories.sort((x, y) => (x as number) - (y as number));
  }
  const q = categories.length;
  if (q < 2) return null;
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
  if (expected === 0) return null;
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
  if (a.length !== b.length)
    throw new RangeError(`${name}: the two coders rated ${a.length} and ${b.length} units; they must rate the same units`);
  checkFinite(name, [a, b]);
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
  return { n, observed: n === 0 ? 0 : agreed / n, shares };
}

/**
 * Cohen's kappa for two coders. Chance agreement is the SUM over categories of the PRODUCT of the
 * two coders' marginal proportions: pe = sum_k pA_k * pB_k. Null when no unit has both values, or
 * both coders used one and the same category throughout (pe = 1).
 */
export function cohenKappa(a: readonly Rating[], b: readonly Rating[]): number | null {
  const t = pairTable('cohenKappa', a, b);
  if (t.n === 0) return null;
  let pe = 0;
  for (const [pa, pb] of t.shares.values()) pe += pa * pb;
  return chanceCorrected(t.observed, pe);
}

/** Scott's pi: chance from the pooled proportions, pe = sum_k ((pA_k + pB_k) / 2)^2; null as kappa. */
export function scottPi(a: readonly Rating[], b: readonly Rating[]): number | null {
  const t = pairTable('scottPi', a, b);
  if (t.n === 0) return null;
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
 * categories the coders used). Null when no unit has both values, or q < 2 (one category: 0/0).
 */
export function gwetAC1(a: readonly Rating[], b: readonly Rating[], categoryCount?: number): number | null {
  const t = pairTable('gwetAC1', a, b);
  if (t.n === 0) return null;
  const q = categoryCountFor('gwetAC1', t, categoryCount);
  if (q < 2) return null;
  let sum = 0;
  for (const [pa, pb] of t.shares.values()) {
    const pi = (pa + pb) / 2;
    sum += pi * (1 - pi);
  }
  return chanceCorrected(t.observed, sum / (q - 1));
}

/**
 * Brennan-Prediger kappa_n = (po - 1/q) / (1 - 1/q) with q categories (`categoryCount`, default:
 * the categories the coders used). Null when no unit has both values, or q < 2 (one category: 0/0).
 */
export function brennanPrediger(a: readonly Rating[], b: readonly Rating[], categoryCount?: number): number | null {
  const t = pairTable('brennanPrediger', a, b);
  if (t.n === 0) return null;
  const q = categoryCountFor('brennanPrediger', t, categoryCount);
  if (q < 2) return null;
  return chanceCorrected(t.observed, 1 / q);
}

/**
 * Fleiss' kappa (Fleiss 1971): `counts[unit][category]` = raters who put the unit in the category.
 * Every unit must have the same number of raters, at least 2 (RangeError naming the 0-based unit
 * index otherwise). Null when there are no units, or every rating is in one category (pe = 1).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
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
    if (r !== raters)
      throw new RangeError(`fleissKappa: unit ${u} has ${r} raters but unit 0 has ${raters}; every unit needs the same number`);
  });
  const categories = counts.reduce((m, row) => Math.max(m, row.length), -Infinity);
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
