// Redaction: replacing names (and other identifying words) in what leaves the app, and the
// check an export runs before anything leaves, which also catches what a replacement missed.
import { foldWithOffsets, WORD_CHAR } from './fold';

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

// Unicode-aware word edges: \b knows only ASCII, so "Zoë" would end at "Zo".
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}\p{M}])`;
const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}\p{M}])`;
// Plural and possessive forms: Sarah's, Sarah’s, the Smiths, the Smiths' (longest first).
const SUFFIX = String.raw`(s['’]|['’]s|s)?`;

interface Compiled {
  regex: RegExp;
  replaces: string[];
}

/**
 * One regex for all finds, so a replacement is never matched again by another entry ("Sarah"
 * -> "[Sarah's partner]" is not then hit by a "partner" entry). Longer finds come first in the
 * alternation, so "Sarah Jones" wins over "Sarah" where both could match.
 */
function compile(redactions: readonly Redaction[]): Compiled | null {
  const seen = new Set<string>();
  const entries: { pattern: string; length: number; replace: string }[] = [];
  for (const r of redactions) {
    const words = r.find
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) continue; // an empty find would match everywhere
    const key = words.join(' ').toLowerCase();
    if (seen.has(key)) continue; // the first listed replacement of a find is the one used
    seen.add(key);
    entries.push({ pattern: words.map(escape).join(String.raw`\s+`), length: key.length, replace: r.replace });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => b.length - a.length); // stable: equal lengths keep the list order
  const alternatives = entries.map((e) => `(${e.pattern})`).join('|');
  return {
    regex: new RegExp(`${NOT_AFTER_WORD}(?:${alternatives})${SUFFIX}${NOT_BEFORE_WORD}`, 'giu'),
    replaces: entries.map((e) => e.replace),
  };
}

/** Regex syntax escaped (only what the u flag allows); either apostrophe matches both. */
function escape(word: string): string {
  return word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/['’]/g, "['’]");
}

/** What stays of a matched suffix: a possessive as written; a plain plural s goes with the name. */
function keptSuffix(suffix: string | undefined): string {
  if (!suffix || suffix === 's') return '';
  // "the Smiths' house" -> "[family name]'s house": the possessive, with the apostrophe as typed.
  return suffix[0] === 's' ? `${suffix[1]}s` : suffix;
}

/** The redacted text and where its replacements sit (so a caller can keep each one whole). */
export function redactSpans(text: string, redactions: readonly Redaction[]): { text: string; spans: { start: number; end: number }[] } {
  const compiled = compile(redactions);
  if (!compiled) return { text, spans: [] };
  const { regex, replaces } = compiled;
  const spans: { start: number; end: number }[] = [];
  let out = '';
  let last = 0;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const which = m.findIndex((g, i) => i > 0 && i <= replaces.length && g !== undefined) - 1;
    const replacement = replaces[which]! + keptSuffix(m[replaces.length + 1]);
    out += text.slice(last, m.index);
    spans.push({ start: out.length, end: out.length + replacement.length });
    out += replacement;
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), spans };
}

/**
 * `text` with every listed find replaced: whole words only, any case, a multi-word find across
 * any whitespace, plurals and possessives included. Empty finds are ignored.
 */
export function redact(text: string, redactions: readonly Redaction[]): string {
  return redactSpans(text, redactions).text;
}

/**
 * Every place a listed find still begins a word, compared without case or accents ("SARAH",
 * "Sárah", "Sarahjane"), except inside the replacement strings themselves. An export runs this
 * on what it is about to write: redact() replaces whole words only, so a compound like
 * "Sarahjane" survives it and must be caught here.
 */
export function unredacted(text: string, redactions: readonly Redaction[]): Leak[] {
  const folded = foldWithOffsets(text);
  const keys = new Set<string>();
  const leaks: { leak: Leak; order: number }[] = [];
  const shields = shieldedRanges(text, redactions);
  redactions.forEach((r, order) => {
    const key = foldWithOffsets(r.find.trim()).text;
    if (key === '' || key === ' ' || keys.has(key)) return;
    keys.add(key);
    for (let i = folded.text.indexOf(key); i !== -1; i = folded.text.indexOf(key, i + 1)) {
      if (i > 0 && WORD_CHAR.test(charBefore(folded.text, i))) continue;
      const index = folded.from[i]!;
      if (shields.some((s) => index >= s.start && index < s.end)) continue;
      const end = wordEnd(text, folded.to[i + key.length - 1]!);
      leaks.push({ leak: { find: r.find, found: text.slice(index, end), index }, order });
    }
  });
  return leaks.sort((a, b) => a.leak.index - b.leak.index || a.order - b.order).map((l) => l.leak);
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

/** The whole character before `i`, an astral letter's surrogate pair included. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

/** Where the word running through `from` ends: letters, digits, marks, and ' ’ - inside a word. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (WORD_CHAR.test(ch) || /\p{M}/u.test(ch)) i += ch.length;
    else if (/['’-]/.test(ch) && i + 1 < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i + 1)!))) i += 1;
    else break;
  }
  return i;
}
