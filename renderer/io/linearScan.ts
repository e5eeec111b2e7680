// Hand-written scanners for the patterns whose regexes backtrack quadratically on hostile
// input (a 2 MB line of "**a " or "<v " hung the window for over a minute). Each helper
// gives exactly what its regex gave, in time linear in the input: the "next closing
// delimiter" is found once and reused by every later start, instead of rescanned from each.

/**
 * A cached search for the first index >= from whose character passes `test`, for calls
 * with non-decreasing `from`; s.length when there is none. Amortised linear in s.length.
 */
export function nextWhere(s: string, test: (ch: string) => boolean): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found >= from) return found;
    let i = Math.max(from, found + 1);
    while (i < s.length && !test(s[i]!)) i++;
    found = i;
    return i;
  };
}

/** The same as nextWhere, for the next occurrence of `needle`. */
export function nextIndexOf(s: string, needle: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found >= from) return found;
    const at = s.indexOf(needle, from);
    found = at === -1 ? s.length : at;
    return found;
  };
}

const isSpace = (ch: string): boolean => /\s/.test(ch);

/**
 * s.replace(/(D1|D2|…)(?=\S)([\s\S]*?\S)\1/g, '$2') for delimiters of two characters such as
 * "**", "__" and "~~".
 */
export function stripPaired(s: string, delimiters: string[]): string {
  // For each delimiter, the first close at or after a position: the delimiter preceded by a
  // non-space. Starts only move right, so each search resumes where the last one ended.
  const closes = new Map<string, (from: number) => number>();
  for (const d of delimiters) {
    let found = -1;
    closes.set(d, (from) => {
      if (found >= from) return found;
      let j = s.indexOf(d, Math.max(from, found + 1));
      while (j !== -1 && isSpace(s[j - 1]!)) j = s.indexOf(d, j + 1);
      found = j === -1 ? s.length : j;
      return found;
    });
  }
  let out = '';
  let kept = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const d = delimiters.find((x) => s.startsWith(x, i));
    if (d === undefined) continue;
    const a = i + d.length;
    if (a >= s.length || isSpace(s[a]!)) continue;
    const j = closes.get(d)!(a + 1);
    if (j >= s.length) continue;
    out += s.slice(kept, i) + s.slice(a, j);
    kept = j + d.length;
    i = kept - 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/**
 * The bracket forms of Markdown links, each replaced by its text:
 *   image  = /!\[([^\]]*)\]\([^)]*\)/g
 *   inline = /\[([^\]]+)\]\([^)]*\)/g
 *   ref    = /\[([^\]]+)\]\[[^\]]*\]/g
 */
export function stripBracketed(s: string, form: 'image' | 'inline' | 'ref'): string {
  const open = form === 'image' ? '![' : '[';
  const minText = form === 'image' ? 0 : 1;
  const tailOpen = form === 'ref' ? '[' : '(';
  const tailClose = form === 'ref' ? ']' : ')';
  const nextBracket = nextIndexOf(s, ']');
  const nextTail = nextIndexOf(s, tailClose);
  let out = '';
  let kept = 0;
  let i = s.indexOf(open);
  while (i !== -1) {
    const a = i + open.length;
    const rb = nextBracket(a);
    if (rb >= s.length) break; // no "]" after here: no later start can match either
    let next = i + 1;
    if (rb - a >= minText && s[rb + 1] === tailOpen) {
      const close = nextTail(rb + 2);
      if (close < s.length) {
        out += s.slice(kept, i) + s.slice(a, rb);
        kept = close + 1;
        next = kept;
      }
    }
    i = s.indexOf(open, next);
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1'): autolinks. */
export function stripAutolinks(s: string): string {
  const stop = nextWhere(s, (ch) => ch === '>' || isSpace(ch));
  let out = '';
  let kept = 0;
  for (let i = s.indexOf('<'); i !== -1; i = s.indexOf('<', i + 1)) {
    const scheme = /^(?:https?|mailto):/.exec(s.slice(i + 1, i + 9));
    if (!scheme) continue;
    const a = i + 1 + scheme[0].length;
    const end = stop(a);
    if (end === a || s[end] !== '>') continue;
    out += s.slice(kept, i) + s.slice(i + 1, end);
    kept = end + 1;
    i = end;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** s.replace(/<open>[^<close>]*<close>/g, '') for a close of one character, e.g. tags "<…>". */
export function removeSpans(s: string, open: string, close: string): string {
  let out = '';
  let kept = 0;
  for (let i = s.indexOf(open); i !== -1; i = s.indexOf(open, kept)) {
    const end = s.indexOf(close, i + open.length);
    if (end === -1) break;
    out += s.slice(kept, i);
    kept = end + 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

export interface VoiceTag {
  index: number;
  end: number;
  /** The text after "<v" and its spaces, untrimmed; undefined for a bare "<v>" or "<v.class>". */
  name: string | undefined;
}

/** The matches of /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g, in order. */
export function voiceTags(s: string): VoiceTag[] {
  const tags: VoiceTag[] = [];
  const classEnd = nextWhere(s, (ch) => ch === '>' || isSpace(ch));
  const nameEnd = nextIndexOf(s, '>');
  for (let i = s.indexOf('<v'); i !== -1; i = s.indexOf('<v', i + 1)) {
    let q = i + 2;
    if (s[q] === '.') q = classEnd(q + 1);
    if (s[q] === '>') {
      tags.push({ index: i, end: q + 1, name: undefined });
      i = q;
      continue;
    }
    if (s[q] !== ' ' && s[q] !== '\t') continue;
    let r = q;
    while (s[r] === ' ' || s[r] === '\t') r++;
    const k = nameEnd(r);
    if (k >= s.length) continue;
    tags.push({ index: i, end: k + 1, name: s.slice(r, k) });
    i = k;
  }
  return tags;
}
