// What each statistic of the agreement tables means: what it corrects for, when to use it, and
// when it is undefined. Shown as the tooltip of each column header and written into the report,
// so a reader of either gets the same explanation.
import type { AgreementUnit } from './compare';

export type StatisticId = 'units' | 'agreement' | 'kappa' | 'pi' | 'ac1' | 'bp' | 'alpha' | 'unitizing' | 'verdict';

export interface StatisticHelp {
  /** The name in files and in the statistics key. */
  name: string;
  /** The column header on screen. */
  short: string;
  text: string;
}

const UNIT_TEXT: Record<AgreementUnit, string> = {
  turn: 'speaker turns (or paragraphs) in the compared transcripts, counted once per code',
  character: 'characters in the compared transcripts, counted once per code (as NVivo)',
  document: 'transcripts, counted once per code: the code is present or not',
  segment: "coded segments: each coder's passages of the code, matched or not by the other coder (as MAXQDA)",
};

const SEGMENT_UNDEFINED =
  ' Undefined at the coded-segment unit: there are no units both coders left uncoded, so chance agreement cannot be estimated.';
const NO_VARIATION =
  ' Undefined (shown as —) when every coder applied the code to every unit: with no variation, chance agreement is 1 and the ratio is 0/0.';

/** The explanation of one statistic, for the unit and number of coders of a report. */
export function statisticHelp(id: StatisticId, unit: AgreementUnit, coders: number): StatisticHelp {
  const segment = unit === 'segment' ? SEGMENT_UNDEFINED : '';
  switch (id) {
    case 'units':
      return { name: 'Units compared', short: 'Units', text: `How many units were compared: ${UNIT_TEXT[unit]}.` };
    case 'agreement':
      return {
        name: 'Percent agreement',
        short: 'Agreement',
        text: `Share of units on which every coder agrees (applied or not applied). Corrects for nothing: a code that is rarely applied is "not applied" by everyone on most units, so agreement looks high by chance alone. Read it beside a chance-corrected coefficient${unit === 'segment' ? '; at the coded-segment unit it is the only statistic defined, and codes are judged on it' : ''}.`,
      };
    case 'kappa':
      return coders === 2
        ? {
            name: "Cohen's kappa",
            short: 'Cohen κ',
            text: `Corrects for the agreement expected by chance from each coder's own rate of applying the code. For two fixed coders. It falls for rare codes even when agreement is high (the prevalence paradox): read it beside AC1.${segment || NO_VARIATION}`,
          }
        : {
            name: "Fleiss' kappa",
            short: 'Fleiss κ',
            text: `Corrects for chance from the rate all coders together applied the code, as Scott's pi does for two. For three or more coders.${segment || NO_VARIATION}`,
          };
    case 'pi':
      return {
        name: "Scott's pi",
        short: 'Scott π',
        text: `Corrects for chance from the two coders' pooled rate of applying the code, as if they shared one way of coding. Close to kappa unless the coders applied the code at very different rates.${coders > 2 ? " With more than two coders it is Fleiss' kappa." : ''}${segment || NO_VARIATION}`,
      };
    case 'ac1':
      return {
        name: "Gwet's AC1",
        short: 'AC1',
        text: `Corrects for chance with an estimate that stays small when a code is rare, so it avoids the kappa paradox. Use it where codes are rare and agreement high but kappa low.${segment}`,
      };
    case 'bp':
      return {
        name: 'Brennan–Prediger',
        short: 'B–P',
        text: `Corrects for chance as if "applied" and "not applied" were equally likely (chance agreement 1/2), ignoring how often the coders applied the code. Use when coders had no reason to prefer either.${segment}`,
      };
    case 'alpha':
      return {
        name: "Krippendorff's alpha",
        short: 'α',
        text: `Krippendorff's alpha (nominal): 1 − observed / expected disagreement, expected from all coders' values pooled; any number of coders, missing data allowed. The usual standard in content analysis; codes are judged on it (reliable ≥ .800, tentative ≥ .667 by default).${segment || NO_VARIATION}`,
      };
    case 'unitizing':
      return {
        name: 'Unitizing alpha',
        short: 'αu',
        text: "Krippendorff's unitizing alpha: compares where each coder's passages begin and end along the text, not only which characters are coded. Use when the extent of passages matters. Undefined when there is nothing to compare.",
      };
    case 'verdict':
      return {
        name: 'Verdict',
        short: 'Verdict',
        text: `${unit === 'segment' ? 'Percent agreement' : 'Alpha'} against the team's thresholds: reliable, tentative or below. No verdict where the statistic is undefined, or for a code not coded by anyone (left out of the pooled figures).`,
      };
  }
}
