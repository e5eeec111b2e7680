// A joint display in words and tables: the rows a CSV, XLSX or DOCX table holds, and a draft
// paragraph for a findings section ("For 'he negotiates during disagreements', 34% of women
// said he did this before the programme compared to 64% at 12 months…"), built from the
// figures only, like the agreement methods paragraph. Quotes come in already formatted and
// redacted by the caller (core/quotes), as they do everywhere a quote leaves the app.
import type { ProjectSnapshot } from '../shared';
import { CONVERGENCE_LABELS, itemText, type JointDisplay, type JointDisplayRow } from './jointDisplay';
import type { MeasureRow, ShareEntry } from './shares';

export type TableCell = string | number;

/** "34%" of a share, '–' where nobody answered. */
export const percentText = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** "34% (n = 94)" */
export const shareText = (entry: ShareEntry): string => (entry.n ? `${percentText(entry.share)} (n = ${entry.n})` : 'no answers');

/** p as journals print it: "p < 0.001", else three decimals ("p = 0.012"), or two above 0.1. */
export function pText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * The paired test of an item, as a table cell and in the paragraph: McNemar's exact test on
 * reporting it for a binary item, Wilcoxon's signed-rank test on the scores for an ordinal,
 * count or numeric one (its exact distribution for small n, the normal one above).
 */
export function pairedText(row: MeasureRow): string {
  if (row.ordinal) {
    const w = row.ordinal.wilcoxon;
    return `Wilcoxon${w.method === 'normal' ? ' (normal approx.)' : ' exact'} ${pText(w.p)}, n = ${row.ordinal.n}`;
  }
  return `McNemar exact ${pText(row.paired.p)}, n = ${row.paired.n}`;
}

const changeText = (change: number | null) =>
  change === null ? '–' : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(Math.round(change * 100))} points`;

/**
 * A time point in a sentence: "before the programme" as it stands when its label says when
 * ("Before the programme", "After 6 weeks"), else "at 12 months".
 */
export function whenText(label: string): string {
  return /^(before|after|during|at|in|on|by|within)\b/i.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : `at ${label}`;
}

function waveLabel(project: ProjectSnapshot, id: string | undefined): string {
  return project.waves.find((w) => w.id === id)?.label ?? id ?? '';
}

/**
 * The table of a display: a header, then one line per survey item (an indicator with two items
 * has two lines, its interview figures on the first), and one line for an indicator with none.
 * `quoteText(id)` gives a chosen basket item's quote as it may leave the app, or null.
 */
export function jointDisplayRows(
  display: JointDisplay,
  project: ProjectSnapshot,
  quoteText: (basketItemId: string) => string | null,
): TableCell[][] {
  const from = display.from?.label ?? 'first';
  const to = display.to?.label ?? 'last';
  const [w1, w2] = (display.pair ?? ['', '']).map((w) => waveLabel(project, w));
  const header = [
    'Indicator',
    'Survey item',
    `Survey: ${from}`,
    `Survey: ${to}`,
    'Change',
    'Paired test',
    `Interviews: ${w1}`,
    `Interviews: ${w2}`,
    'Emerged',
    'Ceased',
    `Quotes: ${w1}`,
    `Quotes: ${w2}`,
    'Survey and interviews',
  ];
  const out: TableCell[][] = [header];
  for (const row of display.rows) {
    const items: (MeasureRow | null)[] = row.survey.length ? row.survey : [null];
    items.forEach((item, i) => {
      const first = i === 0;
      const quotes = (wave: string | undefined) =>
        first && wave
          ? (row.quotes[wave] ?? [])
              .map(quoteText)
              .filter((q): q is string => q !== null)
              .join('\n\n')
          : '';
      out.push([
        first ? `${'  '.repeat(Math.max(0, row.depth - 1))}${row.name}` : '',
        item ? itemText(item.item) : 'no survey item',
        item ? shareText(item.from) : '',
        item ? shareText(item.to) : '',
        item ? changeText(item.change) : '',
        item ? pairedText(item) : '',
        first && row.interview ? `${row.interview.first.participants} of ${row.interview.first.interviewed}` : '',
        first && row.interview ? `${row.interview.second.participants} of ${row.interview.second.interviewed}` : '',
        first && row.interview ? row.interview.paired.secondOnly : '',
        first && row.interview ? row.interview.paired.firstOnly : '',
        quotes(display.pair?.[0]),
        quotes(display.pair?.[1]),
        first ? CONVERGENCE_LABELS[row.convergence] : '',
      ]);
    });
  }
  return out;
}

/** Who the interview counts are about, for the paragraph: "women", "men", "participants". */
export interface ParagraphWords {
  /** e.g. 'women' (the survey's respondents). */
  respondents: string;
  /** e.g. 'women interviewed' */
  interviewees: string;
}

/**
 * A draft paragraph per display: each indicator with survey figures, its change, the paired
 * test, and what the interviews showed, then how many indicators converge. Numbers only; the
 * researcher writes the meaning.
 */
export function jointDisplayParagraph(
  display: JointDisplay,
  project: ProjectSnapshot,
  words: ParagraphWords = { respondents: 'respondents', interviewees: 'participants interviewed' },
): string {
  const from = display.from?.label ?? 'the first time point';
  const to = display.to?.label ?? 'the last';
  const [w1, w2] = (display.pair ?? ['', '']).map((w) => waveLabel(project, w));
  const sentences: string[] = [];
  for (const row of display.rows) {
    for (const item of row.survey) {
      let s = `For '${itemText(item.item)}', ${percentText(item.from.share)} of ${words.respondents} (n = ${item.from.n}) reported this ${whenText(from)} compared to ${percentText(item.to.share)} (n = ${item.to.n}) ${whenText(to)}`;
      const test = item.ordinal ? item.ordinal : item.paired;
      s += test.n ? ` (${pairedText(item)} answering at both).` : '.';
      sentences.push(s);
    }
    if (row.interview && row.survey.length) {
      const i = row.interview;
      sentences.push(
        `In the interviews, ${i.first.participants} of ${i.first.interviewed} ${words.interviewees} at ${w1} and ${i.second.participants} of ${i.second.interviewed} at ${w2} spoke of ${row.name.toLowerCase()} (${i.paired.secondOnly} emerged, ${i.paired.firstOnly} ceased); ${convergenceClause(row)}.`,
      );
    }
  }
  const counted = display.rows.filter((r) => r.convergence !== 'unknown');
  if (counted.length) {
    const same = counted.filter((r) => r.convergence === 'converging' || r.convergence === 'both unchanged').length;
    const diverging = counted.filter((r) => r.convergence === 'diverging').map((r) => r.name);
    let s = `Across ${counted.length} indicator${counted.length === 1 ? '' : 's'} of ${display.measureName.toLowerCase()}, the survey and the interviews agreed on ${same}`;
    s += diverging.length ? ` and diverged on ${diverging.length} (${diverging.join(', ')}).` : '.';
    sentences.push(s);
  }
  return sentences.join(' ');
}

function convergenceClause(row: JointDisplayRow): string {
  switch (row.convergence) {
    case 'converging':
      return `the interviews echoed the survey (both ${row.surveyDirection})`;
    case 'both unchanged':
      return 'neither the survey nor the interviews changed';
    case 'diverging':
      return `the interviews diverged from the survey (survey ${row.surveyDirection}, interviews ${row.interviewDirection})`;
    case 'survey only':
      return `the survey ${row.surveyDirection} while the interviews did not change`;
    case 'interviews only':
      return `the interviews ${row.interviewDirection} while the survey did not change`;
    default:
      return 'there is not enough data to compare them';
  }
}
