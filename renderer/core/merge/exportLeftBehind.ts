// What a .qdpx export carries and what stays behind. REFI-QDA has a place for transcripts,
// the codebook, codings with their coder, cases with variables and notes, but none for the
// work only this workbench does: change-matrix cells, the quote basket, the redaction list,
// the consensus decision log, the quote style and the survey beside the interviews. The project archive (.mirabal) carries
// them; the .qdpx export says which of them stay behind, with counts, before the file is
// saved: a colleague who opens the file must not be the first to find out.
import { isEmptyCell } from '../waves';
import { live, type BasketItem, type Decision, type FrameworkCell, type ProjectSnapshot } from '../shared';
import { type Redaction, DEFAULT_QUOTE_SETTINGS, type QuoteSettings } from '../quotes';

/** The project's app-only records, as the store holds them. */
export interface AppOnlyWork {
  frameworkCells: readonly FrameworkCell[];
  decisions: readonly Decision[];
  basketItems: readonly BasketItem[];
  redactions: readonly Redaction[];
  quoteSettings: QuoteSettings;
  /** The survey's size (schema 10): its answers, the people who gave them, items, time points. */
  survey?: { answers: number; people: number; items: number; timePoints: number };
}

export type LeftBehindKind = 'changeMatrix' | 'basket' | 'redactions' | 'decisions' | 'quoteStyle' | 'survey';

export interface LeftBehind {
  kind: LeftBehindKind;
  count: number;
  /** In words, with the count: "2 quotes in the basket (…)". */
  label: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A quote style worth naming: only what differs from the default is lost. */
function quoteStyleLabel(settings: QuoteSettings): string | null {
  const d = DEFAULT_QUOTE_SETTINGS;
  const same =
    settings.template === d.template &&
    settings.ellipsis === d.ellipsis &&
    settings.interviewer === d.interviewer &&
    settings.maxWords === d.maxWords;
  if (same) return null;
  const parts = [`attribution "${settings.template}"`, `ellipsis ${settings.ellipsis}`];
  if (settings.interviewer === 'omit') parts.push('interviewer turns left out');
  if (settings.maxWords !== null) parts.push(`quotes up to ${settings.maxWords} words`);
  return `the quote style (${parts.join(', ')})`;
}

/** The app-only work a .qdpx does not carry, in the order the app's tabs show it; empty when none. */
export function leftBehindByQdpx(work: AppOnlyWork): LeftBehind[] {
  const out: LeftBehind[] = [];
  const add = (kind: LeftBehindKind, n: number, label: string) => {
    if (n > 0) out.push({ kind, count: n, label });
  };
  // A cell emptied by the researcher is soft-deleted; one with only blanks holds nothing.
  const cells = live(work.frameworkCells).filter((c) => !isEmptyCell(c)).length;
  add('changeMatrix', cells, `${count(cells, 'change-matrix cell')} (summaries and judgements)`);
  const quotes = live(work.basketItems).length;
  add('basket', quotes, `${count(quotes, 'quote')} in the basket (with their labels, cuts and papers)`);
  add('redactions', work.redactions.length, count(work.redactions.length, 'redaction list entry', 'redaction list entries'));
  const decisions = live(work.decisions).length;
  add('decisions', decisions, `${count(decisions, 'consensus decision')} in the decision log (who, when, why)`);
  const style = quoteStyleLabel(work.quoteSettings);
  if (style) out.push({ kind: 'quoteStyle', count: 1, label: style });
  const survey = work.survey;
  if (survey && (survey.answers > 0 || survey.items > 0))
    add(
      'survey',
      Math.max(1, survey.answers),
      `the survey: ${count(survey.answers, 'answer')} from ${count(survey.people, 'person', 'people')} to ${count(survey.items, 'item')} at ${count(survey.timePoints, 'time point')} (the survey-only participants go as cases)`,
    );
  return out;
}

/**
 * Transcripts holding characters outside the Basic Multilingual Plane (emoji, some CJK and
 * historic scripts). The standard counts each as one position, NVivo (UTF-16) as two, so in
 * NVivo a standard file's codings after one would drift: the preview says so, by title.
 */
export function sourcesBeyondBmp(project: ProjectSnapshot): string[] {
  return live(project.sources)
    .filter((s) => /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(s.text))
    .map((s) => s.title);
}

/** What the file carries, in words, for the same preview. */
export function carriedByQdpx(project: ProjectSnapshot): string[] {
  const coders = project.coders.filter((c) => !c.consensus).length;
  const layer = project.coders.some((c) => c.consensus) ? ' and the consensus layer' : '';
  return [
    count(live(project.sources).length, 'transcript'),
    count(live(project.participants).length, 'participant'),
    count(live(project.codes).length, 'code'),
    `${count(live(project.codings).length, 'coding')} by ${count(coders, 'coder')}${layer}`,
    count(live(project.memos ?? []).length, 'memo'),
    // A recording's file is not put in the .qdpx (gigabytes of video); its name and times are.
    ...(project.media?.length
      ? [`${count(project.media.length, 'recording')} by name, with the times in the text (not the sound files)`]
      : []),
  ];
}
