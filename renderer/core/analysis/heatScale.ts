// One colour scale for the Analysis tab's tables (the matrix query's cells, the code overview's
// densities): the heat map's blue (core/waves/charts.ts heatMapSvg), its opacity rising with the
// value against the largest in the table, so the same look means the same thing on every tab.
// Empty cells get no colour at all, so "none" stands apart from "a little".

/** The heat map's blue as CSS rgb() channels. */
const BLUE = '31 95 153';
/** Lightest and darkest opacity: as heatMapSvg, 0.15 for a tiny value, 1 for the largest. */
const FLOOR = 0.15;
/** Above this share of the largest, white text reads better on the blue than dark text. */
const INK_TURN = 0.5;

export interface Shade {
  /** CSS background colour. */
  background: string;
  /** CSS text colour that reads on it. */
  ink: string;
}

/** The colour of a value on a scale up to `max`; null for 0, a negative value or an empty scale. */
export function heatShade(value: number, max: number): Shade | null {
  if (!(value > 0) || !(max > 0)) return null;
  const share = Math.min(1, value / max);
  const alpha = FLOOR + (1 - FLOOR) * share;
  return { background: `rgb(${BLUE} / ${alpha.toFixed(2)})`, ink: share > INK_TURN ? '#ffffff' : '#12324f' };
}

/** The largest finite value of a table (0 for an empty one). */
export function tableMax(cells: readonly (readonly number[])[]): number {
  let max = 0;
  for (const row of cells) for (const v of row) if (Number.isFinite(v) && v > max) max = v;
  return max;
}

export interface LegendStep {
  value: number;
  shade: Shade | null;
}

/**
 * The legend: `steps` values from 0 to `max`, evenly spaced, each with its colour. With
 * `whole`, values are rounded to whole numbers (counts), and repeats dropped, so a table whose
 * largest count is 2 shows 0, 1, 2 and not 0, 0.5, 1, 1.5, 2.
 */
export function heatLegend(max: number, steps = 5, whole = false): LegendStep[] {
  if (!(max > 0)) return [{ value: 0, shade: null }];
  const out: LegendStep[] = [];
  for (let i = 0; i < steps; i += 1) {
    const raw = (max * i) / (steps - 1);
    const value = whole ? Math.round(raw) : raw;
    if (out.length && out[out.length - 1]!.value === value) continue;
    out.push({ value, shade: heatShade(value, max) });
  }
  return out;
}
