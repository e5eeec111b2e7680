// Code colours. Highlights sit behind dark transcript text, so every colour is light; codes
// that sit side by side in the codebook (siblings) often overlap in a passage, so each takes
// a clearly different hue. Hues are spread in OKLCH, where equal steps look equally different
// (in HSL, greens crowd and blues blur together).

type Lab = [number, number, number];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** #rrggbb to OKLab. */
export function hexToOklab(hex: string): Lab {
  const [r, g, b] = [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab to linear sRGB, possibly out of gamut. */
function oklabToLinear([L, a, b]: Lab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** OKLCH (hue in degrees) to #rrggbb, lowering the chroma until the colour fits in sRGB. */
export function oklchToHex(L: number, C: number, hueDegrees: number): string {
  const h = (hueDegrees * Math.PI) / 180;
  for (let c = C; ; c -= 0.005) {
    const rgb = oklabToLinear([L, Math.max(0, c) * Math.cos(h), Math.max(0, c) * Math.sin(h)]);
    if (c <= 0 || rgb.every((v) => v >= -1e-4 && v <= 1 + 1e-4)) {
      return `#${rgb
        .map((v) =>
          Math.round(fromLinear(Math.min(1, Math.max(0, v))) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
    }
  }
}

/** Hue of a colour in OKLCH, in degrees [0, 360). */
export function hueOf(hex: string): number {
  const [, a, b] = hexToOklab(hex);
  return ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
}

/** Perceptual distance between two colours (OKLab ΔE; about 0.02 is just noticeable). */
export function colourDistance(x: string, y: string): number {
  const [p, q] = [hexToOklab(x), hexToOklab(y)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// Consecutive steps land far apart, and no two of the parent and its first seven children
// (a large family) within 30° of each other.
const GOLDEN_ANGLE = 137.508;

/**
 * The colour of `parent`'s index-th child: a hue turned by golden-angle steps from the
 * parent's (so siblings, and parent and child, differ plainly), light enough for dark text,
 * alternating two lightness levels so even neighbours in a long list stay apart.
 */
export function childColour(parent: string, index: number): string {
  const hue = hueOf(parent) + GOLDEN_ANGLE * (index + 1);
  return oklchToHex(index % 2 === 0 ? 0.86 : 0.8, 0.1, hue % 360);
}
