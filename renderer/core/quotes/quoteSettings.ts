// The project's quoting style (attribution template, ellipsis, interviewer turns, length) and
// its redaction list, checked before they are saved. Stored as project settings, so every
// author on the project quotes the same way and the same identifiers never leave the app.
import { type ProjectSnapshot, ValidationError } from '../shared';
import { DEFAULT_TEMPLATE, templateProblems, type Ellipsis, type QuoteFormat, type Redaction } from './index';

export interface QuoteSettings {
  template: string;
  ellipsis: Ellipsis;
  interviewer: 'mark' | 'omit';
  /** Longer quotes are trimmed to this many words around an ellipsis; null keeps them whole. */
  maxWords: number | null;
}

export const DEFAULT_QUOTE_SETTINGS: QuoteSettings = { template: DEFAULT_TEMPLATE, ellipsis: '…', interviewer: 'mark', maxWords: null };

/** Reads stored settings leniently: anything missing or malformed falls back to the default. */
export function normaliseQuoteSettings(value: unknown): QuoteSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const maxWords = typeof v.maxWords === 'number' && Number.isInteger(v.maxWords) && v.maxWords >= 2 ? v.maxWords : null;
  return {
    template: typeof v.template === 'string' && v.template.trim() ? v.template : DEFAULT_QUOTE_SETTINGS.template,
    ellipsis: v.ellipsis === '[...]' ? '[...]' : '…',
    interviewer: v.interviewer === 'omit' ? 'omit' : 'mark',
    maxWords,
  };
}

/** Checks settings a researcher typed; throws a ValidationError saying what to fix. */
export function validateQuoteSettings(project: ProjectSnapshot, settings: QuoteSettings): QuoteSettings {
  const template = settings.template.trim();
  if (!template) throw new ValidationError('The attribution template is empty; the default is ({pseudonym}, {wave}).');
  const problems = templateProblems(project, template);
  if (problems.length) throw new ValidationError(problems.join(' '));
  if (settings.maxWords !== null && (!Number.isInteger(settings.maxWords) || settings.maxWords < 2)) {
    throw new ValidationError('The longest quote must be a whole number of words, at least 2 (or left empty to keep quotes whole).');
  }
  return { ...settings, template };
}

/**
 * Cleans the redaction list: trims, drops empty rows, and refuses a row without a
 * replacement or an identifier listed twice (which replacement would win is unclear).
 */
export function validateRedactions(rows: readonly Redaction[]): Redaction[] {
  const out: Redaction[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const find = row.find.trim().replace(/\s+/g, ' ');
    const replace = row.replace.trim();
    if (!find && !replace) return;
    if (!find) throw new ValidationError(`Row ${i + 1} of the redaction list has a replacement (${replace}) but nothing to find.`);
    if (!replace) throw new ValidationError(`Row ${i + 1} of the redaction list: say what replaces "${find}", e.g. [partner's name].`);
    const key = find.toLocaleLowerCase();
    if (seen.has(key))
      throw new ValidationError(`"${find}" is listed twice in the redaction list (rows ${seen.get(key)! + 1} and ${i + 1}).`);
    seen.set(key, i);
    out.push({ find, replace });
  });
  return out;
}

/** The formatting options for one quote under the project's settings. */
export function formatOptions(
  settings: QuoteSettings,
  redactions: readonly Redaction[],
  cuts?: readonly { start: number; end: number }[],
): QuoteFormat {
  return {
    template: settings.template,
    redactions: [...redactions],
    ellipsis: settings.ellipsis,
    interviewer: settings.interviewer,
    ...(settings.maxWords !== null ? { maxWords: settings.maxWords } : {}),
    ...(cuts?.length ? { cuts: cuts.map((c) => ({ ...c })) } : {}),
  };
}
