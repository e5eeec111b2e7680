// Survey charts as SVG text (as core/waves/charts.ts: the same on screen, in a file and in a
// test; every label escaped, no DOM): one indicator's share across the time points for the
// programme and the comparison group, and a measure's before/after dumbbells per item.
import { escapeSvg, wrapLines } from '../waves';
import type { Group, ProjectSnapshot } from '../shared';
import { itemText, type JointDisplay } from './jointDisplay';
import { indicatorShares, type ShareEntry } from './shares';

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const GROUP_STYLE: Record<string, { colour: string; label: string; dash: string }> = {
  programme: { colour: '#1f5f99', label: 'Programme', dash: '' },
  comparison: { colour: '#b5542a', label: 'Comparison', dash: ' stroke-dasharray="6 4"' },
  '': { colour: '#555555', label: 'Everyone', dash: '' },
};
const FROM = '#9bb7d4';
const TO = '#1f5f99';

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

function header(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="13">`,
    `<title>${escapeSvg(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
}

function titleLines(text: string, width: number, y: number): { svg: string[]; bottom: number } {
  const lines = wrapLines(text, Math.floor((width - 40) / 10));
  return {
    svg: lines.map((line, i) => `<text x="20" y="${y + i * 20}" font-size="16" font-weight="bold">${escapeSvg(line)}</text>`),
    bottom: y + (lines.length - 1) * 20,
  };
}

/**
 * One item's share reporting it at every time point, a line per group (programme, comparison;
 * 'everyone' when nobody has a group), with each point's share and n. A time point nobody
 * answered leaves a gap in the line.
 */
export function indicatorTrendSvg(project: ProjectSnapshot, itemId: string, options: { subtitle?: string } = {}): string {
  const item = (project.surveyItems ?? []).find((i) => i.id === itemId);
  if (!item) throw new Error('That survey item no longer exists.');
  const timePoints = (project.surveyTimePoints ?? []).filter((t) => t.deletedAt == null).sort((a, b) => a.order - b.order);
  const grouped = project.participants.some((p) => p.deletedAt == null && p.group !== '');
  const groups: Group[] = grouped ? ['programme', 'comparison'] : [''];
  const series = groups.map((group) => ({ group, shares: indicatorShares(project, itemId, grouped ? { group } : {}) }));
  const width = 760;
  // Room either side for the first and last time point's label, centred under its point.
  const left = 110;
  const right = width - 70;
  const head = titleLines(itemText(item), width, 28);
  const subtitle = options.subtitle ? wrapLines(options.subtitle, 100) : [];
  const legendY = head.bottom + 26 + subtitle.length * 16;
  const top = legendY + 24;
  const plotHeight = 260;
  const bottom = top + plotHeight;
  const height = bottom + 70;
  const x = (i: number) => (timePoints.length < 2 ? (left + right) / 2 : left + ((right - left) * i) / (timePoints.length - 1));
  const y = (share: number) => bottom - share * plotHeight;
  const out = header(width, height, `${itemText(item)}: share reporting it at each time point`);
  out.push(...head.svg);
  subtitle.forEach((line, i) => out.push(`<text x="20" y="${head.bottom + 20 + i * 16}" fill="#555">${escapeSvg(line)}</text>`));
  series.forEach(({ group }, i) => {
    const style = GROUP_STYLE[group]!;
    const lx = left + i * 160;
    out.push(
      `<line x1="${lx}" y1="${legendY - 4}" x2="${lx + 28}" y2="${legendY - 4}" stroke="${style.colour}" stroke-width="3"${style.dash}/>`,
      `<text x="${lx + 34}" y="${legendY}">${style.label}</text>`,
    );
  });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(
      `<line x1="${left}" y1="${y(tick)}" x2="${right}" y2="${y(tick)}" stroke="#e3e3e3"/>`,
      `<text x="${left - 40}" y="${y(tick) + 4}" text-anchor="end" font-size="12">${tick * 100}%</text>`,
    );
  }
  timePoints.forEach((t, i) => {
    out.push(`<text x="${x(i)}" y="${bottom + 20}" text-anchor="middle" font-size="12">${escapeSvg(t.label)}</text>`);
  });
  // A point's label goes on the side away from the other line's point there (above when this
  // one is higher), so two close shares do not print over each other.
  const below = (g: number, i: number, share: number) => {
    const other = series[1 - g]?.shares[i]?.share;
    if (other === null || other === undefined) return g === 1;
    return share < other || (share === other && g === 1);
  };
  series.forEach(({ group, shares }, g) => {
    const style = GROUP_STYLE[group]!;
    const points = shares
      .map((s, i) => ({ s, i }))
      .filter((p): p is { s: ShareEntry & { share: number }; i: number } => p.s.share !== null);
    // A gap where a time point has no answers: the line is drawn in runs of neighbours.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${style.colour}" stroke-width="3"${style.dash}/>`);
      run = [];
    };
    points.forEach((p, k) => {
      if (k > 0 && p.i !== points[k - 1]!.i + 1) flush();
      run.push(`${x(p.i).toFixed(1)},${y(p.s.share).toFixed(1)}`);
    });
    flush();
    for (const p of points) {
      const label = `${pct(p.s.share)}`;
      out.push(
        `<circle cx="${x(p.i).toFixed(1)}" cy="${y(p.s.share).toFixed(1)}" r="4.5" fill="${style.colour}"><title>${style.label}, ${escapeSvg(timePoints[p.i]!.label)}: ${p.s.reported} of ${p.s.n}</title></circle>`,
        `<text x="${x(p.i).toFixed(1)}" y="${(y(p.s.share) + (below(g, p.i, p.s.share) ? 18 : -9)).toFixed(1)}" text-anchor="middle" font-size="11" fill="${style.colour}">${label}</text>`,
      );
    }
    out.push(
      `<text x="20" y="${bottom + 42 + g * 16}" font-size="11" fill="#555">${style.label}, n: ${shares.map((s) => s.n).join(' · ')}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/**
 * A measure's items before and after (the display's two time points): a dumbbell per item on a
 * 0–100% scale, the first share light, the second dark, joined by a line.
 */
export function dumbbellSvg(display: JointDisplay, options: { subtitle?: string } = {}): string {
  const items = display.rows.flatMap((r) => r.survey);
  const width = 760;
  const left = 300;
  // Room on the right for "100% → 100%".
  const right = width - 110;
  const rowHeight = 34;
  const head = titleLines(display.measureName, width, 28);
  const subtitle = options.subtitle ? wrapLines(options.subtitle, 100) : [];
  const legendY = head.bottom + 26 + subtitle.length * 16;
  const top = legendY + 30;
  const height = top + Math.max(1, items.length) * rowHeight + 40;
  const x = (share: number) => left + share * (right - left);
  const from = display.from?.label ?? 'first';
  const to = display.to?.label ?? 'last';
  const out = header(width, height, `${display.measureName}: ${from} and ${to}`);
  out.push(...head.svg);
  subtitle.forEach((line, i) => out.push(`<text x="20" y="${head.bottom + 20 + i * 16}" fill="#555">${escapeSvg(line)}</text>`));
  out.push(
    `<circle cx="${left + 6}" cy="${legendY - 4}" r="6" fill="${FROM}"/><text x="${left + 18}" y="${legendY}">${escapeSvg(from)}</text>`,
    `<circle cx="${left + 186}" cy="${legendY - 4}" r="6" fill="${TO}"/><text x="${left + 198}" y="${legendY}">${escapeSvg(to)}</text>`,
  );
  for (const tick of [0, 0.5, 1]) {
    out.push(
      `<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${top + items.length * rowHeight}" stroke="#e3e3e3"/>`,
      `<text x="${x(tick)}" y="${top + items.length * rowHeight + 18}" text-anchor="middle" font-size="12">${tick * 100}%</text>`,
    );
  }
  if (!items.length) out.push(`<text x="${left}" y="${top + 18}" fill="#555">No survey item is linked to this measure.</text>`);
  items.forEach((row, i) => {
    const cy = top + i * rowHeight + rowHeight / 2;
    const label = wrapLines(itemText(row.item), 38);
    out.push(
      `<text x="${left - 14}" y="${cy + 4}" text-anchor="end"><title>${escapeSvg(itemText(row.item))}</title>${escapeSvg(label.length > 1 ? `${label[0]}…` : label[0]!)}</text>`,
    );
    const a = row.from.share;
    const b = row.to.share;
    if (a !== null && b !== null) out.push(`<line x1="${x(a)}" y1="${cy}" x2="${x(b)}" y2="${cy}" stroke="#8a8a8a" stroke-width="3"/>`);
    if (a !== null)
      out.push(
        `<circle cx="${x(a).toFixed(1)}" cy="${cy}" r="7" fill="${FROM}"><title>${escapeSvg(from)}: ${row.from.reported} of ${row.from.n}</title></circle>`,
      );
    if (b !== null)
      out.push(
        `<circle cx="${x(b).toFixed(1)}" cy="${cy}" r="7" fill="${TO}"><title>${escapeSvg(to)}: ${row.to.reported} of ${row.to.n}</title></circle>`,
      );
    out.push(`<text x="${right + 12}" y="${cy + 4}" font-size="11">${pct(a)} → ${pct(b)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
