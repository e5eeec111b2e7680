// What the co-occurrence section shows and sends out, besides the numbers (codeCooccurrence):
// which codes make the rows and columns, what a cell counts (one line each, above the table, in
// every export and under the chart), how a cell reads, the rows of the CSV/XLSX export, and the
// heat map as SVG text in the style of the wave heat map (core/waves/charts), the same on screen,
// in a saved file and in a test.
import { codePathText } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import { escapeSvg, wrapLines } from '../waves';
import type { Cooccurrence, CooccurrenceMeasure, CooccurrenceUnit } from './cooccurrence';
import { chosenCodes, topLevelCodeIds } from './scope';
import { heatShade } from './heatScale';

/**
 * Which codes make the matrix: the top-level codes (the measures and themes; the default, as
 * 60 codes by 60 do not fit a screen), every codable code, or a list the researcher picks.
 */
export type CooccurrenceCodeChoice = 'top' | 'all' | 'chosen';

/** The rows and columns for a choice: `chosen` is read only for 'chosen' (live codes, each once, in its order). */
export function cooccurrenceCodeIds(project: ProjectSnapshot, choice: CooccurrenceCodeChoice, chosen: readonly string[] = []): string[] {
  if (choice === 'top') return topLevelCodeIds(project);
  if (choice === 'all') return chosenCodes(project);
  return chosenCodes(project, chosen);
}

/** What one meeting of two codes is, as a short phrase ("in the same speaker turn"). */
export function cooccurrenceUnitText(unit: CooccurrenceUnit, window = 0): string {
  switch (unit) {
    case 'overlap':
      return 'passages that overlap';
    case 'turn':
      return 'in the same speaker turn';
    case 'window':
      return `within ${window} ${window === 1 ? 'word' : 'words'} of each other`;
    case 'source':
      return 'in the same transcript';
  }
}

/** What one instance of a code is under the unit: the diagonal's noun. */
function instances(unit: CooccurrenceUnit): string {
  return unit === 'turn' ? 'speaker turns' : unit === 'source' ? 'transcripts' : 'passages';
}

/** The measure's name as a column of settings reads it. */
export function cooccurrenceMeasureLabel(measure: CooccurrenceMeasure): string {
  return measure === 'passages' ? 'counts (passages)' : measure === 'participants' ? 'participants' : 'Jaccard';
}

/** One line saying what the number in a cell means, under this unit. */
export function cooccurrenceMeasureText(measure: CooccurrenceMeasure, unit: CooccurrenceUnit): string {
  const where =
    unit === 'turn'
      ? 'the speaker turns holding both codes'
      : unit === 'source'
        ? 'the transcripts holding both codes'
        : unit === 'overlap'
          ? 'the places where passages of the two codes overlap (a run of overlapping passages is one place)'
          : 'the places where passages of the two codes lie that close (a run of such passages is one place)';
  if (measure === 'passages') return `Each cell counts ${where}.`;
  if (measure === 'participants') return `Each cell counts the participants with at least one of ${where} in their transcripts.`;
  return `Jaccard: ${where}, divided by the ${instances(unit)} holding either code; 0 = never together, 1 = always together.`;
}

/** The note on the diagonal (grey on screen and in the chart), which is no meeting but the code's own count. */
export function cooccurrenceDiagonalText(measure: CooccurrenceMeasure, unit: CooccurrenceUnit): string {
  if (measure === 'participants') return 'The diagonal (grey) is the participants with the code.';
  if (measure === 'jaccard') return 'The diagonal (grey) is 1 wherever the code occurs (a code always meets itself).';
  return `The diagonal (grey) is the ${instances(unit)} of the code itself.`;
}

/** The unit and measure in one line, for the top of an export or a chart. */
export function cooccurrenceSettingsText(measure: CooccurrenceMeasure, unit: CooccurrenceUnit, window = 0): string {
  return `Codes together: ${cooccurrenceUnitText(unit, window)}; cells: ${cooccurrenceMeasureLabel(measure)}`;
}

/** A cell as the screen shows it: Jaccard to two decimals, counts as whole numbers. */
export function formatCooccurrence(value: number, measure: CooccurrenceMeasure): string {
  return measure === 'jaccard' ? value.toFixed(2) : String(value);
}

export interface CooccurrenceRowsOptions {
  unit: CooccurrenceUnit;
  window?: number;
  measure: CooccurrenceMeasure;
  filtersText: string;
}

/**
 * The export: a first line with the unit, the measure and the filters, a header of code paths,
 * then a row per code. Numbers stay numbers (a spreadsheet can sum them); Jaccard keeps three
 * decimals, one more than the screen.
 */
export function cooccurrenceRows(project: ProjectSnapshot, matrix: Cooccurrence, options: CooccurrenceRowsOptions): (string | number)[][] {
  const path = (id: string) => codePathText(project.codes, id);
  const value = (v: number) => (options.measure === 'jaccard' ? Number(v.toFixed(3)) : v);
  return [
    [`${cooccurrenceSettingsText(options.measure, options.unit, options.window)}. Filters: ${options.filtersText}`],
    ['Code', ...matrix.codeIds.map(path)],
    ...matrix.codeIds.map((id, i) => [path(id), ...matrix.cells[i]!.map(value)]),
  ];
}

/**
 * The text of one meeting as a drill-down lists it: whole up to `max` characters, else cut after
 * the last whole word within them, with how many characters were left out (a meeting in the
 * same transcript spans the whole interview, too long to list).
 */
export function meetingText(text: string, start: number, end: number, max = 600): { text: string; more: number } {
  const whole = text.slice(start, end);
  if (whole.length <= max) return { text: whole, more: 0 };
  const space = whole.lastIndexOf(' ', max);
  const cut = space > max / 2 ? space : max;
  return { text: whole.slice(0, cut).trimEnd(), more: whole.length - cut };
}

// ---- the heat map -------------------------------------------------------------------------------
// Codes by codes, darker where they meet more; the diagonal, the code's own count, is grey so it
// does not swamp the scale. The layout is returned beside the text so the screen can tell which
// cell a click on the image fell in.

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const EMPTY = '#f4f4f4';
const DIAGONAL = '#e2e2e2';

/** The largest cell off the diagonal (0 when there is none): the darkest shade of the scale. */
export function cooccurrenceScaleMax(matrix: Cooccurrence): number {
  let max = 0;
  matrix.cells.forEach((row, i) => {
    row.forEach((v, j) => {
      if (i !== j) max = Math.max(max, v);
    });
  });
  return max;
}

/**
 * A cell's fill and ink: empty grey at 0, else the heat colour from 15% to full strength in
 * proportion to the largest cell off the diagonal, with white ink once the fill is dark. The
 * diagonal is plain grey.
 */
export function cooccurrenceShade(value: number, max: number, diagonal = false): { fill: string; ink: string } {
  if (diagonal) return { fill: DIAGONAL, ink: '#444' };
  const shade = heatShade(value, max);
  return shade ? { fill: shade.background, ink: shade.ink } : { fill: EMPTY, ink: '#777' };
}

/** Where the grid sits in the chart, in the SVG's own pixels. */
export interface HeatLayout {
  width: number;
  height: number;
  /** The grid's left and top edges and the side of a cell. */
  left: number;
  top: number;
  cell: number;
  /** The number of codes (rows = columns). */
  size: number;
}

/** The cell [row, column] under a point of the chart, or null off the grid. */
export function heatCellAt(layout: HeatLayout, x: number, y: number): [number, number] | null {
  const column = Math.floor((x - layout.left) / layout.cell);
  const row = Math.floor((y - layout.top) / layout.cell);
  if (x < layout.left || y < layout.top || row >= layout.size || column >= layout.size) return null;
  return [row, column];
}

export interface CooccurrenceChartOptions {
  unit: CooccurrenceUnit;
  window?: number;
  measure: CooccurrenceMeasure;
  /** The filters in words, written under the title. */
  filtersText: string;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

// An image cannot measure its text: widths are estimated as waves/charts does (0.6 em a character).
const widthOf = (chars: number, fontSize: number) => Math.ceil(chars * fontSize * 0.6);
const charsIn = (width: number, fontSize: number) => Math.max(8, Math.floor(width / (fontSize * 0.6)));

/** The heat map of a co-occurrence matrix, with the layout of its grid. */
export function cooccurrenceHeatMap(
  project: ProjectSnapshot,
  matrix: Cooccurrence,
  options: CooccurrenceChartOptions,
): { svg: string; layout: HeatLayout } {
  const n = matrix.codeIds.length;
  const cell = 30;
  const max = cooccurrenceScaleMax(matrix);
  const name = (id: string) => project.codes.find((c) => c.id === id)?.name ?? '';
  const labels = matrix.codeIds.map((id) => clip(name(id), 32));
  const run = widthOf(
    labels.reduce((m, l) => Math.max(m, [...l].length), 0),
    12,
  );
  const left = 24 + Math.max(40, run);
  const width = Math.max(left + n * cell + Math.ceil(run / 2) + 16, 640);
  const wrap = (text: string, size: number) => wrapLines(text, charsIn(width - 32, size));

  const out: string[] = [];
  const title = wrap('Code co-occurrence', 16);
  const notes = wrap(`${cooccurrenceSettingsText(options.measure, options.unit, options.window)}. Filters: ${options.filtersText}`, 11);
  let y = 24;
  for (const line of title) {
    out.push(`<text x="16" y="${y}" font-size="16" font-weight="bold">${escapeSvg(line)}</text>`);
    y += 20;
  }
  for (const line of notes) {
    out.push(`<text x="16" y="${y}" font-size="11" fill="#555">${escapeSvg(line)}</text>`);
    y += 14;
  }
  const top = y + 16 + Math.ceil(run * Math.sin(Math.PI / 3));

  matrix.codeIds.forEach((id, k) => {
    const x = left + k * cell + cell / 2;
    out.push(
      `<text transform="translate(${x + 4} ${top - 6}) rotate(-60)"><title>${escapeSvg(name(id))}</title>${escapeSvg(labels[k]!)}</text>`,
    );
  });
  matrix.codeIds.forEach((rowId, r) => {
    const cy = top + r * cell;
    out.push(
      `<text x="${left - 8}" y="${cy + cell / 2 + 4}" text-anchor="end"><title>${escapeSvg(codePathText(project.codes, rowId))}</title>${escapeSvg(labels[r]!)}</text>`,
    );
    matrix.cells[r]!.forEach((v, k) => {
      const { fill, ink } = cooccurrenceShade(v, max, r === k);
      const shown = formatCooccurrence(v, options.measure);
      const about = `${name(rowId)} × ${name(matrix.codeIds[k]!)}: ${shown}`;
      out.push(
        `<rect x="${left + k * cell}" y="${cy}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"><title>${escapeSvg(about)}</title></rect>`,
      );
      if (v > 0)
        out.push(
          `<text x="${left + k * cell + (cell - 2) / 2}" y="${cy + cell / 2 + 3}" text-anchor="middle" font-size="10" fill="${ink}">${escapeSvg(options.measure === 'jaccard' ? shown.replace(/^0/, '') : shown)}</text>`,
        );
    });
  });

  // What the numbers and the shades mean, under the grid.
  let below = top + n * cell + 20;
  const scale =
    max > 0 ? `Darker is more (the darkest, ${formatCooccurrence(max, options.measure)}, is the largest cell off the diagonal).` : '';
  const legend = [
    cooccurrenceMeasureText(options.measure, options.unit),
    `${cooccurrenceDiagonalText(options.measure, options.unit)} ${scale}`,
  ];
  for (const line of legend.flatMap((l) => wrap(l, 11))) {
    out.push(`<text x="16" y="${below}" font-size="11" fill="#555">${escapeSvg(line)}</text>`);
    below += 14;
  }
  const height = below + 6;

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    '<title>Code co-occurrence</title>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...out,
    '</svg>',
  ].join('\n');
  return { svg, layout: { width, height, left, top, cell, size: n } };
}
