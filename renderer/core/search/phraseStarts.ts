// Where a phrase can start, from its words' places: pure number work on ascending ordinal
// lists, apart from the query language (evaluate.ts and evaluatePacked.ts both use it).

/**
 * Memory reused from phrase to phrase (phraseStarts): marks per word of a transcript, all
 * zeros between calls, and the starts found. A new typed array per transcript cost more than
 * finding a phrase in it (measured in Chromium: 14 of 24 ms at ten times the study).
 */
let phraseMarks = new Uint8Array(1 << 14);
let phraseOut = new Int32Array(1024);

/**
 * Where a phrase can start: the first ordinals from which every word of the phrase follows in
 * order; ascending, as the lists are. Each place of every word but the rarest marks where its
 * phrase would start (one bit per word); the rarest word's places are then checked against the
 * marks. The result is good until the next call (it is read at once by every caller).
 */
export function phraseStarts(lists: readonly ArrayLike<number>[]): ArrayLike<number> {
  let driver = 0;
  for (let k = 1; k < lists.length; k += 1) if (lists[k]!.length < lists[driver]!.length) driver = k;
  const lead = lists[driver]!;
  if (lists.length === 1) return lead;
  if (phraseOut.length < lead.length) phraseOut = new Int32Array(Math.max(lead.length, 2 * phraseOut.length));
  // Typed, as the word lists are: the loops that read these see one kind of array.
  const out = phraseOut;
  if (lists.length > 8) return walkedPhraseStarts(lists, driver, out);
  let words = 0;
  for (const list of lists) if (list.length > 0) words = Math.max(words, list[list.length - 1]! + 1);
  if (phraseMarks.length < words) phraseMarks = new Uint8Array(Math.max(words, 2 * phraseMarks.length));
  const marks = phraseMarks;
  let all = 0;
  for (let k = 0; k < lists.length; k += 1) {
    if (k === driver) continue;
    all |= 1 << k;
    markPhraseStarts(marks, lists[k]!, k, 1 << k);
  }
  let found = 0;
  for (let i = 0; i < lead.length; i += 1) {
    const start = lead[i]! - driver;
    if (start >= 0 && marks[start] === all) out[found++] = start;
  }
  for (let k = 0; k < lists.length; k += 1) if (k !== driver) markPhraseStarts(marks, lists[k]!, k, 0);
  return out.subarray(0, found);
}

/** Sets (`bit`) or clears (0) the mark of each start a word's places at `offset` in a phrase imply. */
function markPhraseStarts(marks: Uint8Array, list: ArrayLike<number>, offset: number, bit: number): void {
  for (let i = 0; i < list.length; i += 1) {
    const start = list[i]! - offset;
    if (start < 0) continue;
    if (bit === 0) marks[start] = 0;
    else marks[start]! |= bit;
  }
}

/** phraseStarts for a phrase of more than eight words: each other list walked by its own pointer. */
function walkedPhraseStarts(lists: readonly ArrayLike<number>[], driver: number, out: Int32Array): Int32Array {
  const lead = lists[driver]!;
  const others = lists.map((list, i) => ({ list, offset: i - driver, at: 0 })).filter((_, i) => i !== driver);
  let found = 0;
  for (let i = 0; i < lead.length; i += 1) {
    const first = lead[i]! - driver;
    if (first < 0) continue;
    let all = true;
    for (const other of others) {
      const want = first + driver + other.offset;
      const { list } = other;
      let k = other.at;
      while (k < list.length && list[k]! < want) k += 1;
      other.at = k;
      if (k >= list.length || list[k] !== want) {
        all = false;
        break;
      }
    }
    if (all) out[found++] = first;
  }
  return out.subarray(0, found);
}
