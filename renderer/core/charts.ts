// Charts as SVG text, built here so they are the same on screen, in an exported file and in a
// test: for a measure of success, the share of participants with each indicator at the first
// and second wave ("from 34% to 64%"), and a participant-by-code heat map for one wave.
// Plain strings with every label escaped; no DOM, so no charting library is needed.
import { childrenOf } from './codebookOps';
import type { ProjectSnapshot } from './model';
import type { WaveMatrix } from './waves';

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const FIRST = '#9bb7d4';
const SECOND = '#1f5f99';

export function escapeSvg(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const percent = (n: number, of: number) => (of ? Math.round((100 * n) / of) : 0);

/** Labels longer than `max` characters are cut with an ellipsis (the full name is in a <title>). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export interface MeasureChartOptions {
  pair: [string, string];
  /** Written under the title: the filters the numbers were counted with. */
  subtitle?: string;
}

/**
 * One measure: a pair of bars per indicator (its sub-codes, or the measure itself when it has
 * none), first wave light, second dark, each labelled with its share and count.
 */
export function measureChartSvg(project: ProjectSnapshot, matrix: WaveMatrix, measureId: string, options: MeasureChartOptions): string {
  const measure = project.codes.find((c) => c.id === measureId);
  if (!measure) throw new Error('That code no longer exists.');
  const kids = childrenOf(project.codes.filter((c) => c.deletedAt == null), measureId);
  const indicators = kids.length ? kids : [measure];
  const rows = new Map(matrix.rows.map((r) => [r.codeId, r]));
  const [a, b] = options.pair;
  const waveLabel = (id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
  const width = 760;
  const left = 260;
  const barMax = width - left - 120;
  const rowHeight = 46;
  const top = options.subtitle ? 78 : 60;
  const height = top + indicators.length * rowHeight + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="13">`,
    `<title>${escapeSvg(measure.name)}: ${escapeSvg(waveLabel(a))} and ${escapeSvg(waveLabel(b))}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="17" font-weight="bold">${escapeSvg(clip(measure.name, 70))}</text>`,
  ];
  if (options.subtitle) out.push(`<text x="16" y="46" font-size="11" fill="#555">${escapeSvg(clip(options.subtitle, 130))}</text>`);
  const legendY = top - 14;
  out.push(
    `<rect x="${left}" y="${legendY - 10}" width="12" height="12" fill="${FIRST}"/><text x="${left + 18}" y="${legendY}">${escapeSvg(waveLabel(a))}</text>`,
    `<rect x="${left + 140}" y="${legendY - 10}" width="12" height="12" fill="${SECOND}"/><text x="${left + 158}" y="${legendY}">${escapeSvg(waveLabel(b))}</text>`,
  );
  indicators.forEach((code, i) => {
    const row = rows.get(code.id);
    const y = top + i * rowHeight;
    out.push(`<text x="${left - 10}" y="${y + 22}" text-anchor="end"><title>${escapeSvg(code.name)}</title>${escapeSvg(clip(code.name, 36))}</text>`);
    [a, b].forEach((wave, j) => {
      const cell = row?.byWave[wave] ?? { participants: 0, interviewed: 0 };
      const share = percent(cell.participants, cell.interviewed);
      const w = Math.round((barMax * share) / 100);
      const by = y + 4 + j * 18;
      out.push(
        `<rect x="${left}" y="${by}" width="${Math.max(w, 1)}" height="15" fill="${j ? SECOND : FIRST}"><title>${escapeSvg(waveLabel(wave))}: ${cell.participants} of ${cell.interviewed}</title></rect>`,
        `<text x="${left + w + 6}" y="${by + 12}" font-size="12">${share}% (${cell.participants}/${cell.interviewed})</text>`,
      );
    });
  });
  out.push(`<line x1="${left}" y1="${top - 2}" x2="${left}" y2="${top + indicators.length * rowHeight}" stroke="#999"/>`, '</svg>');
  return out.join('\n');
}

/** Coded passages per participant and code at one wave: the numbers behind the heat map. */
export function heatCounts(project: ProjectSnapshot, waveId: string, codeIds: readonly string[], participantIds: readonly string[], coderIds?: readonly string[]): number[][] {
  const sources = new Map(project.sources.filter((s) => s.deletedAt == null && s.wave === waveId && s.participantId).map((s) => [s.id, s.participantId!]));
  const row = new Map(participantIds.map((id, i) => [id, i]));
  const col = new Map(codeIds.map((id, i) => [id, i]));
  const counts = participantIds.map(() => codeIds.map(() => 0));
  const coders = coderIds ? new Set(coderIds) : null;
  for (const c of project.codings) {
    if (c.deletedAt != null || (coders && !coders.has(c.coderId))) continue;
    const person = sources.get(c.sourceId);
    const r = person === undefined ? undefined : row.get(person);
    const k = col.get(c.codeId);
    if (r !== undefined && k !== undefined) counts[r]![k]! += 1;
  }
  return counts;
}

export interface HeatMapOptions {
  waveId: string;
  codeIds: readonly string[];
  participantIds: readonly string[];
  coderIds?: readonly string[];
  subtitle?: string;
}

/** Participants (rows) by codes (columns) at one wave; darker means more coded passages. */
export function heatMapSvg(project: ProjectSnapshot, options: HeatMapOptions): string {
  const counts = heatCounts(project, options.waveId, options.codeIds, options.participantIds, options.coderIds);
  const max = Math.max(1, ...counts.flat());
  const cell = 26;
  const left = 150;
  const top = 190;
  const width = left + options.codeIds.length * cell + 20;
  const height = top + options.participantIds.length * cell + 20;
  const name = (id: string) => project.codes.find((c) => c.id === id)?.name ?? '';
  const person = (id: string) => project.participants.find((p) => p.id === id)?.pseudonym ?? '';
  const wave = project.waves.find((w) => w.id === options.waveId)?.label ?? options.waveId;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<title>Coded passages by participant and code: ${escapeSvg(wave)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="bold">${escapeSvg(wave)}: coded passages by participant and code</text>`,
  ];
  if (options.subtitle) out.push(`<text x="16" y="42" font-size="11" fill="#555">${escapeSvg(clip(options.subtitle, 120))}</text>`);
  options.codeIds.forEach((id, k) => {
    const x = left + k * cell + cell / 2;
    out.push(`<text transform="translate(${x + 4} ${top - 6}) rotate(-60)"><title>${escapeSvg(name(id))}</title>${escapeSvg(clip(name(id), 24))}</text>`);
  });
  options.participantIds.forEach((id, r) => {
    const y = top + r * cell;
    out.push(`<text x="${left - 8}" y="${y + cell / 2 + 4}" text-anchor="end">${escapeSvg(clip(person(id), 20))}</text>`);
    counts[r]!.forEach((n, k) => {
      const shade = n === 0 ? '#f4f4f4' : `rgb(31 95 153 / ${(0.15 + (0.85 * n) / max).toFixed(2)})`;
      out.push(`<rect x="${left + k * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${shade}"><title>${escapeSvg(person(id))} · ${escapeSvg(name(options.codeIds[k]!))}: ${n}</title></rect>`);
      if (n) out.push(`<text x="${left + k * cell + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" font-size="10" fill="${n / max > 0.5 ? '#fff' : '#123'}">${n}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
