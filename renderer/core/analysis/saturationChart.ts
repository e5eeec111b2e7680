// Saturation per role or per wave, as a table and a chart. Each series is its own run over the
// transcripts in interview order (a code new to the women may be old to the men), with its own
// stopping point; the chart draws each series' cumulative curve over its transcripts 1…n, the
// new codes per transcript as bars when there is one series, and marks each stopping point.
import { chartHeading, escapeSvg } from '../waves';
import { DEFAULT_ROLES, live, type ProjectSnapshot } from '../shared';
import { saturation, saturationPoint, type SaturationOptions, type SaturationStep } from './saturation';

export type SaturationSplit = 'none' | 'role' | 'wave';

export interface SaturationSeries {
  /** '' for the one series of 'none', else the role's or the wave's label. */
  label: string;
  steps: SaturationStep[];
  /** saturationPoint(steps, k): the last transcript that added a code before k added none. */
  point: number | null;
}

/**
 * One series for 'none'; for 'role' or 'wave', one per role (or wave) of the project, in its
 * order, within the filter's own roles (or waves) when it names any; a series with no
 * transcript is left out.
 */
export function saturationSeries(
  project: ProjectSnapshot,
  options: SaturationOptions & { split: SaturationSplit; k: number },
): SaturationSeries[] {
  const run = (label: string, o: SaturationOptions): SaturationSeries => {
    const steps = saturation(project, o);
    return { label, steps, point: saturationPoint(steps, options.k) };
  };
  const within = (ids: readonly string[] | undefined, id: string) => !ids || ids.length === 0 || ids.includes(id);
  if (options.split === 'none') return [run('', options)];
  const groups =
    options.split === 'role'
      ? (project.roles ?? DEFAULT_ROLES).filter((r) => within(options.roles, r.id)).map((r) => ({ id: r.id, label: r.label }))
      : [...project.waves].sort((a, b) => a.order - b.order).filter((w) => within(options.waves, w.id));
  return groups
    .map((g) => run(g.label, options.split === 'role' ? { ...options, roles: [g.id] } : { ...options, waves: [g.id] }))
    .filter((s) => s.steps.length > 0);
}

/** The table for CSV/XLSX: a header, then one line per transcript of each series. */
export function saturationRows(project: ProjectSnapshot, series: readonly SaturationSeries[]): (string | number)[][] {
  const sources = new Map(project.sources.map((s) => [s.id, s]));
  const people = new Map(live(project.participants).map((p) => [p.id, p]));
  const codes = new Map(project.codes.map((c) => [c.id, c.name]));
  const waves = new Map(project.waves.map((w) => [w.id, w.label]));
  const rows: (string | number)[][] = [
    ['Series', 'Order', 'Transcript', 'Participant', 'Wave', 'New codes', 'Cumulative codes', 'Codes first seen here', 'Stopping point'],
  ];
  for (const s of series)
    s.steps.forEach((step, i) => {
      const source = sources.get(step.sourceId);
      const person = source?.participantId ? people.get(source.participantId) : undefined;
      rows.push([
        s.label || 'All transcripts',
        i + 1,
        source?.title ?? '',
        person?.pseudonym ?? '',
        source?.wave ? (waves.get(source.wave) ?? source.wave) : '',
        step.newCodes.length,
        step.cumulative,
        step.newCodes.map((id) => codes.get(id) ?? id).join('; '),
        s.point === i ? 'yes' : '',
      ]);
    });
  return rows;
}

const COLOURS = ['#1f5f99', '#b5542a', '#3a8a4f', '#7a4fa3', '#a88a1f', '#555555'];
const BAR = '#c9d7e6';

export interface SaturationChartOptions {
  k: number;
  /** Written under the title, wrapped: the filters and the order. */
  subtitle?: string;
}

/** The cumulative curves (see the header), sized for a page: 760 px wide. */
export function saturationSvg(series: readonly SaturationSeries[], options: SaturationChartOptions): string {
  const width = 760;
  const head = chartHeading('Saturation: codes found, transcript by transcript', 16, options.subtitle, width);
  const n = Math.max(1, ...series.map((s) => s.steps.length));
  const yMax = Math.max(1, ...series.flatMap((s) => s.steps.map((x) => x.cumulative)));
  const legendY = head.bottom + 24;
  const legendRows = Math.ceil(series.length / 2);
  const [left, right, top] = [56, 24, legendY + (legendRows - 1) * 18 + 20];
  const plotH = 240;
  const height = top + plotH + 56;
  const plotW = width - left - right;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => top + plotH - (plotH * v) / yMax;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<title>Saturation: cumulative codes by transcript in interview order</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...head.svg,
  ];
  // Axes and a few round ticks on the y axis.
  const step = Math.max(1, Math.ceil(yMax / 5));
  for (let v = 0; v <= yMax; v += step)
    out.push(
      `<line x1="${left}" y1="${y(v)}" x2="${width - right}" y2="${y(v)}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#555">${v}</text>`,
    );
  out.push(
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="#999"/>`,
    `<text x="${left + plotW / 2}" y="${top + plotH + 36}" text-anchor="middle" fill="#555">Transcripts in interview order (1–${n})</text>`,
    `<text x="14" y="${top + plotH / 2}" text-anchor="middle" fill="#555" transform="rotate(-90 14 ${top + plotH / 2})">Codes found</text>`,
  );
  const tickEvery = Math.max(1, Math.ceil(n / 20));
  for (let i = 0; i < n; i += tickEvery)
    out.push(`<text x="${x(i)}" y="${top + plotH + 16}" text-anchor="middle" fill="#555">${i + 1}</text>`);
  // With one series the new codes per transcript are bars under the curve.
  if (series.length === 1) {
    const barW = Math.max(2, Math.min(18, plotW / n - 2));
    series[0]!.steps.forEach((s, i) => {
      if (s.newCodes.length === 0) return;
      out.push(
        `<rect x="${x(i) - barW / 2}" y="${y(s.newCodes.length)}" width="${barW}" height="${top + plotH - y(s.newCodes.length)}" fill="${BAR}"><title>Transcript ${i + 1}: ${s.newCodes.length} new</title></rect>`,
      );
    });
  }
  series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    const label = s.label || 'All transcripts';
    const points = s.steps.map((st, i) => `${x(i).toFixed(1)},${y(st.cumulative).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"><title>${escapeSvg(label)}</title></polyline>`);
    if (s.point !== null) {
      const [px, py] = [x(s.point), y(s.steps[s.point]!.cumulative)];
      out.push(
        `<circle cx="${px}" cy="${py}" r="5" fill="#fff" stroke="${colour}" stroke-width="2"><title>${escapeSvg(label)}: no new code after transcript ${s.point + 1} for ${options.k} transcripts</title></circle>`,
      );
    }
    const lx = left + (k % 2) * 340;
    const ly = legendY + Math.floor(k / 2) * 18;
    const stop = s.point === null ? 'not reached' : `after ${s.point + 1}`;
    out.push(
      `<rect x="${lx}" y="${ly - 9}" width="14" height="3" fill="${colour}"/>`,
      `<text x="${lx + 20}" y="${ly - 4}">${escapeSvg(label)} (${s.steps.at(-1)?.cumulative ?? 0} codes; ${escapeSvg(stop)})</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
