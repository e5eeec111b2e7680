// Charts as SVG text, built here so they are the same on screen, in an exported file and in a
// test: for a measure of success, the share of participants with each indicator at the first
// and second wave ("from 34% to 64%"), and a participant-by-code heat map for one wave.
// Plain strings with every label escaped; no DOM, so no charting library is needed.
import { childrenOf } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import { passagesByParticipant, type WaveMatrix, type WaveMatrixOptions } from './waves';

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

// An SVG shown as an image cannot measure its text, so widths are estimated from the number of
// characters: a generous average advance of DejaVu Sans (the font named first; about 0.55 em
// for English text), so an estimate errs towards a line too short rather than one running off.
const ADVANCE = 0.6;
const BOLD_ADVANCE = 0.66;
/** How many characters of this size fit in `width` pixels. */
const charsIn = (width: number, fontSize: number, bold = false) =>
  Math.max(8, Math.floor(width / (fontSize * (bold ? BOLD_ADVANCE : ADVANCE))));
/** About how wide `chars` characters of this size are, in pixels. */
const widthOf = (chars: number, fontSize: number, bold = false) => Math.ceil(chars * fontSize * (bold ? BOLD_ADVANCE : ADVANCE));
const length = (text: string) => [...text].length;

/**
 * Text broken into lines of at most `max` characters (code points), so nothing has to be cut
 * off. Lines break after a "; " where they can (the filter line is a list of "name: value;"),
 * else between words; a word longer than a line is split where the line ends. Joining the lines
 * with single spaces gives the text back, except where a word had to be split.
 */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const add = (piece: string) => {
    if (!line) line = piece;
    else if (length(line) + 1 + length(piece) <= max) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const part of text.split(/(?<=;) /).filter(Boolean)) {
    if (length(part) <= max) {
      add(part);
      continue;
    }
    for (const word of part.split(' ').filter(Boolean)) {
      const chars = [...word];
      if (chars.length <= max) add(word);
      else for (let i = 0; i < chars.length; i += max) add(chars.slice(i, i + max).join(''));
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text at x, the first baseline at y, `step` apart. */
function textLines(lines: readonly string[], x: number, y: number, step: number, attributes: string): string[] {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * step}" ${attributes}>${escapeSvg(line)}</text>`);
}

/**
 * The heading of a chart: its title (16–17 px, bold) and the filters (11 px) wrapped to the
 * chart's width. Returns the SVG lines and the y below them.
 */
export function chartHeading(
  title: string,
  titleSize: number,
  subtitle: string | undefined,
  width: number,
): { svg: string[]; bottom: number } {
  const titleLines = wrapLines(title, charsIn(width - 32, titleSize, true));
  const svg = textLines(titleLines, 16, 8 + titleSize, titleSize + 4, `font-size="${titleSize}" font-weight="bold"`);
  let bottom = 8 + titleSize + (titleLines.length - 1) * (titleSize + 4);
  if (subtitle) {
    const lines = wrapLines(subtitle, charsIn(width - 32, 11));
    for (const line of textLines(lines, 16, bottom + 20, 14, 'font-size="11" fill="#555"')) svg.push(line);
    bottom += 20 + (lines.length - 1) * 14;
  }
  return { svg, bottom };
}

export interface MeasureChartOptions {
  pair: [string, string];
  /** Written under the title, wrapped: the filters the numbers were counted with. */
  subtitle?: string;
}

/**
 * One measure: a pair of bars per indicator (its sub-codes, or the measure itself when it has
 * none), first wave light, second dark, each labelled with its share and count. Indicator names
 * take up to two lines beside their bars.
 */
export function measureChartSvg(project: ProjectSnapshot, matrix: WaveMatrix, measureId: string, options: MeasureChartOptions): string {
  const measure = project.codes.find((c) => c.id === measureId);
  if (!measure) throw new Error('That code no longer exists.');
  const kids = childrenOf(
    project.codes.filter((c) => c.deletedAt == null),
    measureId,
  );
  const indicators = kids.length ? kids : [measure];
  const rows = new Map(matrix.rows.map((r) => [r.codeId, r]));
  const [a, b] = options.pair;
  const waveLabel = (id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
  const width = 760;
  const left = 260;
  const labelChars = charsIn(left - 26, 13);
  const barMax = width - left - 120;
  const rowHeight = 46;
  const head = chartHeading(measure.name, 17, options.subtitle, width);
  const legendY = head.bottom + 22;
  const top = legendY + 14;
  const height = top + indicators.length * rowHeight + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="13">`,
    `<title>${escapeSvg(measure.name)}: ${escapeSvg(waveLabel(a))} and ${escapeSvg(waveLabel(b))}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...head.svg,
  ];
  out.push(
    `<rect x="${left}" y="${legendY - 10}" width="12" height="12" fill="${FIRST}"/><text x="${left + 18}" y="${legendY}">${escapeSvg(clip(waveLabel(a), 14))}</text>`,
    `<rect x="${left + 140}" y="${legendY - 10}" width="12" height="12" fill="${SECOND}"/><text x="${left + 158}" y="${legendY}">${escapeSvg(clip(waveLabel(b), 14))}</text>`,
  );
  indicators.forEach((code, i) => {
    const row = rows.get(code.id);
    const y = top + i * rowHeight;
    const label = wrapLines(code.name, labelChars);
    const shown = label.length > 2 ? [label[0]!, clip(label.slice(1).join(' '), labelChars)] : label;
    const firstBaseline = shown.length === 1 ? y + 22 : y + 15;
    shown.forEach((line, k) => {
      out.push(
        `<text x="${left - 10}" y="${firstBaseline + k * 15}" text-anchor="end"><title>${escapeSvg(code.name)}</title>${escapeSvg(line)}</text>`,
      );
    });
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

/** How the heat map counts: as the wave matrix does with these options. */
export type HeatCountOptions = Pick<WaveMatrixOptions, 'coderIds' | 'includeChildren' | 'ignoreInterviewer'>;

/**
 * Coded passages per participant (rows) and code (columns) at one wave: the numbers behind the
 * heat map. They are the wave matrix's passages (passagesByParticipant): two coders on the same
 * words count once, and with includeChildren a parent's column counts its subtree.
 */
export function heatCounts(
  project: ProjectSnapshot,
  waveId: string,
  codeIds: readonly string[],
  participantIds: readonly string[],
  options: HeatCountOptions = {},
): number[][] {
  const counts = passagesByParticipant(project, options);
  return participantIds.map((p) => codeIds.map((c) => counts.get(c)?.get(p)?.get(waveId) ?? 0));
}

export interface HeatMapOptions extends HeatCountOptions {
  waveId: string;
  codeIds: readonly string[];
  participantIds: readonly string[];
  subtitle?: string;
}

/**
 * Participants (rows) by codes (columns) at one wave; darker means more coded passages. Sized to
 * hold its labels: the names on the left, the code names rising at 60° above the grid (and
 * reaching past its right edge), the title and the wrapped filters above them.
 */
export function heatMapSvg(project: ProjectSnapshot, options: HeatMapOptions): string {
  const counts = heatCounts(project, options.waveId, options.codeIds, options.participantIds, options);
  const max = counts.flat().reduce((m, n) => Math.max(m, n), 1);
  const cell = 26;
  const name = (id: string) => project.codes.find((c) => c.id === id)?.name ?? '';
  const person = (id: string) => project.participants.find((p) => p.id === id)?.pseudonym ?? '';
  const wave = project.waves.find((w) => w.id === options.waveId)?.label ?? options.waveId;
  const rowLabels = options.participantIds.map((id) => clip(person(id), 20));
  const columnLabels = options.codeIds.map((id) => clip(name(id), 32));
  const left =
    24 +
    Math.max(
      40,
      widthOf(
        rowLabels.reduce((m, label) => Math.max(m, length(label)), 0),
        12,
      ),
    );
  const labelRun = widthOf(
    columnLabels.reduce((m, label) => Math.max(m, length(label)), 0),
    12,
  );
  const width = Math.max(left + options.codeIds.length * cell + Math.ceil(labelRun / 2) + 16, 600);
  const head = chartHeading(`${wave}: coded passages by participant and code`, 16, options.subtitle, width);
  const top = head.bottom + 22 + Math.ceil(labelRun * Math.sin(Math.PI / 3));
  const height = top + options.participantIds.length * cell + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<title>Coded passages by participant and code: ${escapeSvg(wave)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...head.svg,
  ];
  options.codeIds.forEach((id, k) => {
    const x = left + k * cell + cell / 2;
    out.push(
      `<text transform="translate(${x + 4} ${top - 6}) rotate(-60)"><title>${escapeSvg(name(id))}</title>${escapeSvg(columnLabels[k]!)}</text>`,
    );
  });
  options.participantIds.forEach((id, r) => {
    const y = top + r * cell;
    out.push(`<text x="${left - 8}" y="${y + cell / 2 + 4}" text-anchor="end">${escapeSvg(rowLabels[r]!)}</text>`);
    counts[r]!.forEach((n, k) => {
      const shade = n === 0 ? '#f4f4f4' : `rgb(31 95 153 / ${(0.15 + (0.85 * n) / max).toFixed(2)})`;
      out.push(
        `<rect x="${left + k * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${shade}"><title>${escapeSvg(person(id))} · ${escapeSvg(name(options.codeIds[k]!))}: ${n}</title></rect>`,
      );
      if (n)
        out.push(
          `<text x="${left + k * cell + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" font-size="10" fill="${n / max > 0.5 ? '#fff' : '#123'}">${n}</text>`,
        );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
