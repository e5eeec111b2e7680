// Redaction: replacing names (and other identifying words) in what leaves the app, and the
// check an export runs before anything leaves, which also catches what a replacement missed.
import { WORD_CHAR } from './fold';
import { leakFold } from './leakFold';
import { endsWord, keyPattern, leakKey, seamInWord, SUFFIX, WORD_END, WORD_START } from './leakMatch';

export interface Redaction {
  find: string;
  replace: string;
}
export interface Leak {
  /** The redaction's find, as listed. */
  find: string;
  /** The whole word (or words) as written in the text, e.g. "Sarahjane" for the find "Sarah". */
  found: string;
  /** UTF-16 offset of `found` in the text. */
  index: number;
}

interface Compiled {
  regex: RegExp;
  replaces: string[];
}

/**
 * One regex over the leak-folded text for all finds, so a replacement is never matched again by
 * another entry ("Sarah" -> "[Sarah's partner]" is not then hit by a "partner" entry). Longer
 * finds come first in the alternation, so "Sarah Jones" wins over "Sarah" where both could match.
 * Folded, a find also matches its disguises (look-alike letters, invisible characters, a hyphen
 * or line break inside it, spaced letters): what the leak check refuses, redacting removes.
 */
function compile(redactions: readonly Redaction[]): Compiled | null {
  const seen = new Set<string>();
  const entries: { pattern: string; length: number; replace: string }[] = [];
  for (const r of redactions) {
    const key = leakKey(r.find);
    if (key === '') continue; // an empty find would match everywhere
    if (seen.has(key)) continue; // the first listed replacement of a find is the one used
    seen.add(key);
    entries.push({ pattern: keyPattern(key), length: key.length, replace: r.replace });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => b.length - a.length); // stable: equal lengths keep the list order
  const alternatives = entries.map((e) => `(${e.pattern})`).join('|');
  return {
    regex: new RegExp(`${WORD_START}(?:${alternatives})${SUFFIX}${WORD_END}`, 'gu'),
    replaces: entries.map((e) => e.replace),
  };
}

/** What stays of a matched suffix: a possessive as written; a plain plural s goes with the name. */
function keptSuffix(written: string): string {
  const lower = written.toLowerCase();
  if (lower === '' || lower === 's') return '';
  // "the Smiths' house" -> "[family name]'s house": the possessive, with the apostrophe as typed.
  return lower[0] === 's' ? `${written[1]}${written[0]}` : written;
}

/** The redacted text and where its replacements sit (so a caller can keep each one whole). */
export function redactSpans(text: string, redactions: readonly Redaction[]): { text: string; spans: { start: number; end: number }[] } {
  const compiled = compile(redactions);
  if (!compiled) return { text, spans: [] };
  const { regex, replaces } = compiled;
  const folded = leakFold(text);
  const spans: { start: number; end: number }[] = [];
  let out = '';
  let last = 0;
  regex.lastIndex = 0;
  for (let m = regex.exec(folded.text); m; m = regex.exec(folded.text)) {
    const which = m.findIndex((g, i) => i > 0 && i <= replaces.length && g !== undefined) - 1;
    const suffix = m[replaces.length + 1] ?? '';
    const lastUnit = m.index + m[0].length - 1;
    const start = folded.from[m.index]!;
    // Two matches inside one source character that folds to several (rare: "½"): keep the first.
    if (start < last) continue;
    const nameEnd = folded.to[lastUnit - suffix.length]!;
    const end = suffix ? folded.to[lastUnit]! : nameEnd;
    const replacement = replaces[which]! + keptSuffix(text.slice(nameEnd, end));
    out += text.slice(last, start);
    spans.push({ start: out.length, end: out.length + replacement.length });
    out += replacement;
    last = end;
  }
  return { text: out + text.slice(last), spans };
}

/**
 * `text` with every listed find replaced: whole words only, any case, accent or look-alike
 * letters, a multi-word find across any whitespace, plurals and possessives included, and the
 * disguises the leak check sees (a hyphen, line break or invisible character inside a name, its
 * letters spaced out): the whole span as written is replaced. Empty finds are ignored.
 */
export function redact(text: string, redactions: readonly Redaction[]): string {
  return redactSpans(text, redactions).text;
}

/**
 * Every place a listed find still begins a word, compared after leakFold() ("SARAH", "Sárah",
 * "Ѕаrаh", "Sa\u200Brah", "Sa-\nrah", "S. a. r. a. h.", "Sarahjane"), except inside the
 * replacement strings themselves. An export runs this on what it is about to write: redact()
 * replaces whole words only, so a compound like "Sarahjane" survives it and must be caught here.
 * A match through a hyphen, line break or spaced letters inside the find's word counts only where
 * that word ends: "to-morrow" is no disguise of "Tom".
 */
export function unredacted(text: string, redactions: readonly Redaction[]): Leak[] {
  return leakChecker(redactions)(text);
}

/**
 * unredacted() with the finds compiled once, for checking many texts against one list (every
 * cell of a table that is about to leave the app).
 */
export function leakChecker(redactions: readonly Redaction[]): (text: string) => Leak[] {
  const keys = new Set<string>();
  const finds: { find: string; key: string; regex: RegExp; order: number }[] = [];
  redactions.forEach((r, order) => {
    const key = leakKey(r.find);
    if (key === '' || keys.has(key)) return;
    keys.add(key);
    finds.push({ find: r.find, key, regex: new RegExp(WORD_START + keyPattern(key), 'gu'), order });
  });
  return (text) => {
    if (finds.length === 0 || text === '') return [];
    const folded = leakFold(text);
    const leaks: { leak: Leak; order: number }[] = [];
    const shields = shieldedRanges(text, redactions);
    for (const { find, key, regex, order } of finds) {
      regex.lastIndex = 0;
      for (let m = regex.exec(folded.text); m; m = regex.exec(folded.text)) {
        const after = m.index + m[0].length;
        if (seamInWord(m[0], key) && !endsWord(folded.text, after)) continue;
        const index = folded.from[m.index]!;
        if (shields.some((s) => index >= s.start && index < s.end)) continue;
        const end = wordEnd(text, folded.to[after - 1]!);
        leaks.push({ leak: { find, found: text.slice(index, end), index }, order });
      }
    }
    return leaks.sort((a, b) => a.leak.index - b.leak.index || a.order - b.order).map((l) => l.leak);
  };
}

/** Where the replacement strings occur as written: words inside them are not leaks. */
function shieldedRanges(text: string, redactions: readonly Redaction[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const replace of new Set(redactions.map((r) => r.replace))) {
    if (replace === '') continue;
    for (let i = text.indexOf(replace); i !== -1; i = text.indexOf(replace, i + 1)) out.push({ start: i, end: i + replace.length });
  }
  return out;
}

/** Where the word running through `from` ends: letters, digits, marks, and ' ’ - or an invisible character inside a word. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (WORD_CHAR.test(ch) || /\p{M}/u.test(ch)) i += ch.length;
    else if (/['’\-\p{Cf}]/u.test(ch) && i + 1 < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i + 1)!))) i += 1;
    else break;
  }
  return i;
}
