import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../../renderer/core/codebook/codebook';
import { childColour, colourDistance, hexToOklab, hueOf, oklchToHex } from '../../../renderer/core/codebook/colours';

const gap = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
};
const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`);

describe('code colours', () => {
  it('converts known colours to OKLab (white, black, sRGB red from the OKLab paper)', () => {
    expect(hexToOklab('#ffffff').map((v) => Number(v.toFixed(3)))).toEqual([1, 0, 0]);
    expect(hexToOklab('#000000').map((v) => Number(v.toFixed(3)))).toEqual([0, 0, 0]);
    const [L, a, b] = hexToOklab('#ff0000');
    expect([L, a, b].map((v) => Number(v.toFixed(3)))).toEqual([0.628, 0.225, 0.126]);
  });

  it('round-trips a colour through OKLCH within a unit of rounding', () => {
    fc.assert(
      fc.property(hex, (c) => {
        const [L, a, b] = hexToOklab(c);
        const back = oklchToHex(L, Math.hypot(a, b), (Math.atan2(b, a) * 180) / Math.PI);
        expect(colourDistance(c, back)).toBeLessThan(0.01);
      }),
    );
  });

  it('gives the first seven children of any colour (a large family) hues at least 25° from each other and from the parent', () => {
    fc.assert(
      fc.property(hex, (parent) => {
        const kids = Array.from({ length: 7 }, (_, i) => childColour(parent, i));
        const hues = [hueOf(parent), ...kids.map(hueOf)];
        // A grey parent has no hue of its own: only its children must differ.
        const from = Math.hypot(...hexToOklab(parent).slice(1)) < 0.02 ? 1 : 0;
        for (let i = from; i < hues.length; i++)
          for (let j = i + 1; j < hues.length; j++) expect(gap(hues[i]!, hues[j]!)).toBeGreaterThanOrEqual(25);
      }),
    );
  });

  it('keeps every highlight light enough for dark text', () => {
    const lightness = (c: string) => hexToOklab(c)[0];
    for (const c of PALETTE) expect(lightness(c), c).toBeGreaterThanOrEqual(0.78);
    fc.assert(
      fc.property(hex, fc.integer({ min: 0, max: 30 }), (parent, i) => {
        expect(lightness(childColour(parent, i))).toBeGreaterThanOrEqual(0.78);
      }),
    );
  });

  it('spreads the top-level palette: no two of its hues within 25°', () => {
    const hues = PALETTE.map(hueOf);
    for (let i = 0; i < hues.length; i++)
      for (let j = i + 1; j < hues.length; j++) expect(gap(hues[i]!, hues[j]!)).toBeGreaterThanOrEqual(25);
  });
});
