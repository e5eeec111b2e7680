// A word cloud as a standalone SVG string: pure, so the same words give the same picture in the
// app, in an exported report and in a test. d3-cloud was rejected because it measures text on a
// canvas (DOM), which core cannot touch; here a word's box is estimated from its length instead
// (characters × font size × 0.55 wide, one font size high), which holds for ordinary sans-serif
// fonts. Layout: largest word first, each along an Archimedean spiral out from the centre to the
// first spot where its box meets no placed box and stays inside the canvas.

export interface WordCloudOptions {
  /** Canvas size in px. Defaults 800 × 500. */
  width?: number;
  height?: number;
  /** The most frequent words drawn. Default 100; never more than 200 (the layout is quadratic). */
  maxWords?: number;
  /** Fills, given in turn from the largest word down. Default: Okabe–Ito colours (colour-blind safe). */
  colours?: string[];
  fontFamily?: string;
}

/** A word's box: (x, y) its top-left corner, in px from the canvas's top-left. */
export interface PlacedWord {
  word: string;
  x: number;
  y: number;
  fontSize: number;
  width: number;
  height: number;
}

export interface WordCloud {
  svg: string;
  placed: PlacedWord[];
  /** Words among the `maxWords` most frequent that fit nowhere on the canvas, largest first. */
  omitted: string[];
}

const MAX_WORDS = 200;
const CHAR_WIDTH = 0.55;
const MIN_FONT = 10;
// Spiral: each turn moves out by 1/60 of the canvas height, in steps of 0.1 radian, and it stops
// once it is wholly outside the canvas, so every word tries the same bounded number of spots
// (about 2,700) whatever the canvas size.
const TURNS_PER_HEIGHT = 60;
const STEP = 0.1;
// Boxes keep this gap, so that glyphs a little wider than estimated still do not touch.
const GAP = 1;
// The Okabe–Ito colours (told apart with any colour vision) but their yellow and sky blue,
// too pale to read on white.
const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000'];

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Text and attribute values escaped for XML (both are quoted with "). Characters XML cannot
 * hold at all (control characters, lone surrogates) are dropped: the file must still open.
 */
function xml(text: string): string {
  return text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\p{Cs}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function overlaps(a: PlacedWord, b: PlacedWord): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/**
 * The words laid out as a cloud: font size by the square root of the count (so area follows
 * count) between 10 px and a fifth of the height; words tried largest first; the same input
 * always gives the same SVG. Words with an empty spelling or a count that is not positive are
 * skipped, as are words past `maxWords` (these are not listed in `omitted`).
 */
export function wordCloudSvg(words: { word: string; count: number }[], options: WordCloudOptions = {}): WordCloud {
  const width = Math.max(1, options.width ?? 800) || 800; // || : NaN
  const height = Math.max(1, options.height ?? 500) || 500;
  const maxWords = Math.max(0, Math.min(MAX_WORDS, Math.floor(options.maxWords ?? 100)));
  const colours = options.colours && options.colours.length > 0 ? options.colours : OKABE_ITO;
  const fontFamily = options.fontFamily ?? 'Helvetica, Arial, sans-serif';

  // Largest first; equal counts in code-unit order of the word, so input order never matters.
  const chosen = words
    .filter((w) => w.word !== '' && Number.isFinite(w.count) && w.count > 0)
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, maxWords);
  const maxFont = Math.max(MIN_FONT, height / 5);
  const rootMax = Math.sqrt(chosen[0]?.count ?? 1);
  const rootMin = Math.sqrt(chosen[chosen.length - 1]?.count ?? 1);
  const fontOf = (count: number) =>
    // All counts equal: every word at the middle size rather than all at the largest.
    round1(
      rootMax === rootMin
        ? (MIN_FONT + maxFont) / 2
        : MIN_FONT + ((maxFont - MIN_FONT) * (Math.sqrt(count) - rootMin)) / (rootMax - rootMin),
    );

  const cx = width / 2;
  const cy = height / 2;
  const spacing = height / TURNS_PER_HEIGHT / (2 * Math.PI);
  // The spiral is stretched to the canvas's shape; past radius height/√2 it is outside on every side.
  const stretch = width / height;
  const lastTheta = (height / Math.SQRT2 + spacing) / spacing;

  const placed: PlacedWord[] = [];
  const omitted: string[] = [];
  for (const { word, count } of chosen) {
    const fontSize = fontOf(count);
    const box: PlacedWord = { word, x: 0, y: 0, fontSize, width: [...word].length * fontSize * CHAR_WIDTH, height: fontSize };
    if (box.width > width || box.height > height) {
      omitted.push(word);
      continue;
    }
    // The word that blocked the last spot is the likeliest to block the next: asked first.
    let blocker: PlacedWord | undefined;
    let found = false;
    for (let theta = 0; theta <= lastTheta && !found; theta += STEP) {
      const r = spacing * theta;
      box.x = round1(cx + stretch * r * Math.cos(theta) - box.width / 2);
      box.y = round1(cy + r * Math.sin(theta) - box.height / 2);
      if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) continue;
      if (blocker && overlaps(box, blocker)) continue;
      blocker = placed.find((p) => overlaps(box, p));
      found = blocker === undefined;
    }
    if (found) placed.push(box);
    else omitted.push(word);
  }

  // Text is anchored at the middle of its box, on a baseline 0.8 of the font size down (about
  // where the ascenders end), so the glyphs fill the box the layout reserved.
  const texts = placed.map(
    (p, i) =>
      `<text x="${round1(p.x + p.width / 2)}" y="${round1(p.y + p.fontSize * 0.8)}" font-size="${p.fontSize}" ` +
      `fill="${xml(colours[i % colours.length]!)}" text-anchor="middle" data-word="${xml(p.word)}">${xml(p.word)}</text>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xml(fontFamily)}" role="img">` +
    `<title>Word cloud of ${placed.length} ${placed.length === 1 ? 'word' : 'words'}</title>` +
    texts.join('') +
    '</svg>';
  return { svg, placed, omitted };
}
