// The Analysis tab's colour scale: the heat map's blue, from 0.15 to 1 opacity, no colour for none.
import { describe, expect, it } from 'vitest';
import { heatLegend, heatShade, tableMax } from '../../../../renderer/core/analysis';

describe('heatShade', () => {
  it('rises from 0.15 to full opacity, text turning white past half the largest', () => {
    expect(heatShade(0, 10)).toBeNull();
    expect(heatShade(-1, 10)).toBeNull();
    expect(heatShade(3, 0)).toBeNull();
    expect(heatShade(10, 10)).toEqual({ background: 'rgb(31 95 153 / 1.00)', ink: '#ffffff' });
    // 0.15 + 0.85 × 0.5 = 0.575, dark text at exactly half.
    expect(heatShade(5, 10)).toEqual({ background: 'rgb(31 95 153 / 0.57)', ink: '#12324f' });
    expect(heatShade(1, 10)).toEqual({ background: 'rgb(31 95 153 / 0.23)', ink: '#12324f' });
    // Above the largest (a total, say) it stays at the darkest.
    expect(heatShade(20, 10)!.background).toBe('rgb(31 95 153 / 1.00)');
  });
});

describe('tableMax', () => {
  it('is the largest finite value, 0 when empty', () => {
    expect(tableMax([[1, 4], [NaN, 2], []])).toBe(4);
    expect(tableMax([])).toBe(0);
    expect(tableMax([[Infinity, 0]])).toBe(0);
  });
});

describe('heatLegend', () => {
  it('spaces five steps from 0 to the largest', () => {
    expect(heatLegend(0.4).map((s) => s.value)).toEqual([0, 0.1, 0.2, 0.30000000000000004, 0.4]);
    expect(heatLegend(0.4)[0]!.shade).toBeNull();
    expect(heatLegend(0.4)[4]!.shade!.background).toBe('rgb(31 95 153 / 1.00)');
  });

  it('rounds counts and drops repeats', () => {
    expect(heatLegend(2, 5, true).map((s) => s.value)).toEqual([0, 1, 2]);
    expect(heatLegend(18, 5, true).map((s) => s.value)).toEqual([0, 5, 9, 14, 18]);
    expect(heatLegend(0)).toEqual([{ value: 0, shade: null }]);
  });
});
