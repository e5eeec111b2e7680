// Listed finds as patterns over leakFold()ed text: redact() replaces what they match and
// unredacted() reports what they still match, so a disguise the check sees is also one redacting
// removes.
import { INVISIBLE, leakFold, SEAM } from './leakFold';

/** A find folded as the text is, without its soft units ("Mary-Jane" -> "maryjane"); '' if empty. */
export function leakKey(find: string): string {
  return leakFold(find.trim())
    .text.replace(/[\u0001\u0002]/g, '')
    .trim();
}

/** The start of a word in folded text: not after a letter or digit (a soft unit is a word edge). */
export const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
export const WORD_END = String.raw`(?![\p{L}\p{N}])`;
// Plural and possessive forms in folded text (’ is folded to '), longest first.
export const SUFFIX = String.raw`(s'|'s|s)?`;

const SOFT = String.raw`[\u0001\u0002]`;

/**
 * The regex source of a folded find: one soft unit allowed between two of its characters, a space
 * matching a space or a soft unit. leakFold() leaves at most one unit between two letters, so
 * nothing here can backtrack more than one step.
 */
export function keyPattern(key: string): string {
  const chars = [...key];
  return chars
    .map((c, i) => {
      if (c === ' ') return String.raw`[ \u0001\u0002]`;
      const glue = i > 0 && chars[i - 1] !== ' ' ? `${SOFT}?` : '';
      return glue + c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    })
    .join('');
}

/**
 * Whether `match` (of keyPattern(key)) crossed a SEAM inside a word of the find: a hyphen, a line
 * break or spaced letters. Such a match counts only where the word then ends ("Sa-rah", not
 * "to-morrow" for "Tom"): an ordinary hyphen or line break between two words is no disguise.
 */
export function seamInWord(match: string, key: string): boolean {
  let k = 0;
  let previous = ' ';
  for (const c of key) {
    if (c === ' ') k += 1;
    else {
      if (previous !== ' ' && (match[k] === SEAM || match[k] === INVISIBLE)) {
        if (match[k] === SEAM) return true;
        k += 1;
      }
      k += c.length;
    }
    previous = c;
  }
  return false;
}

const ENDS_WORD = new RegExp(`${SUFFIX}${WORD_END}`, 'uy');

/** Whether a word ends at `index` of folded text, after a plural or possessive. */
export function endsWord(folded: string, index: number): boolean {
  ENDS_WORD.lastIndex = index;
  return ENDS_WORD.test(folded);
}
