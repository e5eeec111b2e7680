// The text a regular expression runs over: accents taken off and quote shapes made straight,
// one UTF-16 unit for one, so a match's offsets are offsets into the text as written.
const CACHE = new Map<string, string>();

function foldUnit(unit: string): string {
  let folded = CACHE.get(unit);
  if (folded === undefined) {
    if (/[‘’‚‛ʼ′]/.test(unit)) folded = "'";
    else if (/[“”„‟«»]/.test(unit)) folded = '"';
    else {
      // The base letter of a decomposed one (é -> e); anything that decomposes into something
      // else than a letter and marks stays as written.
      const parts = unit.normalize('NFD');
      folded = parts.length > 1 && /^\p{M}+$/u.test(parts.slice(1)) && parts[0]!.length === 1 ? parts[0]! : unit;
    }
    CACHE.set(unit, folded);
  }
  return folded;
}

export function foldAccentsSameLength(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, foldUnit);
}
