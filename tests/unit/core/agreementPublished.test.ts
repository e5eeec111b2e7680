// Every coefficient held to worked examples with published figures. Each test names where the
// data and the figure were published; where a publication uses another convention than ours,
// the test says which and checks our figure under our convention.
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  percentAgreement,
  scottPi,
  type Rating,
} from '../../../renderer/core/agreement';
import { fromCounts, fromTable } from '../../fixtures/ratings';

const _ = null;

describe("Cohen (1960): Cohen's kappa", () => {
  // Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
  // Measurement 20(1), 37-46: the worked example, two judges, three categories, N = 200, given as
  // proportions (rows judge B, columns judge A):
  //            A1    A2    A3   | B
  //   B1      .44   .07   .09   | .60
  //   B2      .05   .20   .05   | .30
  //   B3      .01   .03   .06   | .10
  //   A       .50   .30   .20
  // Published: p_o = .70, p_c = .41, kappa = .492. The table was checked against two independent
  // quotations (the examples of R psych::cohen.kappa, "cohen reports .492", as proportions; and
  // a MATLAB reproduction as counts 88 14 18 / 10 40 10 / 2 6 12 citing p. 45 of the paper), and
  // Cohen (1968, Psychological Bulletin 70(4), Table 1) reuses it; I did not read the 1960 page.
  const [judgeB, judgeA] = fromTable(
    [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ],
    ['1', '2', '3'],
  );

  it('reproduces p_o = .70 and kappa = .492 (p_c = .41)', () => {
    expect(judgeA).toHaveLength(200);
    expect(percentAgreement([judgeA, judgeB])).toBeCloseTo(0.7, 12);
    // Exactly (p_o - p_c) / (1 - p_c) with the published p_c = .41: pins chance agreement too.
    expect(cohenKappa(judgeA, judgeB)).toBeCloseTo((0.7 - 0.41) / (1 - 0.41), 12);
    expect(cohenKappa(judgeA, judgeB)).toBeCloseTo(0.492, 3);
  });
});

describe('Gwet (2014), two raters, three categories: every two-coder coefficient', () => {
  // Gwet, K. L. (2014). Handbook of Inter-Rater Reliability, 4th ed., Advanced Analytics: the
  // "cont3x3abstractors" table (100 pregnant women classified by two abstractors as Ectopic,
  // AIU, NIU), shipped with Gwet's R package irrCAC, whose README and "overview" vignette print
  // the coefficients (to 7 digits) computed by Gwet's functions:
  //              Ectopic  AIU  NIU
  //   Ectopic       13     0    0
  //   AIU            0    20    7
  //   NIU            0     4   56
  // Published: Cohen's kappa 0.7964094, Scott's pi 0.7962397, Gwet's AC1 0.8493305,
  // Brennan-Prediger 0.835, Krippendorff's alpha 0.7972585, percent agreement 0.89.
  const [first, second] = fromTable(
    [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ],
    ['Ectopic', 'AIU', 'NIU'],
  );

  it('reproduces kappa, pi, AC1, Brennan-Prediger, alpha and percent agreement to the printed digits', () => {
    expect(percentAgreement([first, second])).toBeCloseTo(0.89, 12);
    expect(cohenKappa(first, second)).toBeCloseTo(0.7964094, 7);
    expect(scottPi(first, second)).toBeCloseTo(0.7962397, 7);
    expect(gwetAC1(first, second)).toBeCloseTo(0.8493305, 7);
    expect(brennanPrediger(first, second)).toBeCloseTo(0.835, 12);
    expect(krippendorffAlpha([first, second])).toBeCloseTo(0.7972585, 7);
  });

  it('is the same whichever abstractor is "first" (the table transposed)', () => {
    for (const f of [cohenKappa, scottPi, gwetAC1, brennanPrediger]) expect(f(second, first)).toBeCloseTo(f(first, second)!, 12);
  });
});

describe('Gwet (2014) / irrCAC: six raters, five categories (Fleiss 1971 data)', () => {
  // irrCAC's "distrib.6raters": 15 patients, each classified by 6 psychiatrists into Depression,
  // Personality Disorder, Schizophrenia, Neurosis, Other (counts per patient; source of the data:
  // Fleiss 1971, Psychological Bulletin 76, 378-382). Published in the irrCAC README by Gwet:
  // Fleiss' kappa 0.4139265 (pa 0.5511111, pe 0.2340741), Krippendorff's alpha 0.4204384.
  const counts = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
  ];

  it("reproduces Fleiss' kappa = 0.4139265", () => {
    expect(fleissKappa(counts)).toBeCloseTo(0.4139265, 7);
  });

  it("reproduces Krippendorff's alpha = 0.4204384 from the same ratings laid out per rater", () => {
    // Alpha does not depend on which rater gave which value within a unit, only on the values.
    expect(krippendorffAlpha(fromCounts(counts, ['Dep', 'PD', 'Sch', 'Neu', 'Oth']))).toBeCloseTo(0.4204384, 7);
  });
});

describe('Gwet (2014) pp. 55-56: four raters, five categories, missing ratings', () => {
  // irrCAC's "cac.raw4raters" (Gwet 2014, Handbook 4th ed., pp. 55-56 with its errata; the same
  // data as Krippendorff 2011, tested in agreement.test.ts): 12 units, raters transposed to rows.
  // Published by Gwet (irrCAC README): Krippendorff's alpha 0.74342 (pa 0.805, pe 0.24).
  const raw: Rating[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, _],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it("reproduces Krippendorff's alpha = 0.74342", () => {
    expect(krippendorffAlpha(raw)).toBeCloseTo(0.74342, 5);
  });

  it("percent agreement: ours is the strict all-raters share, not Gwet's pairwise pa = 0.8181818", () => {
    // A different convention, not an error: Gwet's pa averages, over the 11 units rated at least
    // twice, the share of agreeing rater pairs; percentAgreement counts units where every present
    // value is equal (stats.ts). Units 2, 6 and 8 have a dissenting rater: 8 of 11 agree fully.
    expect(percentAgreement(raw)).toBeCloseTo(8 / 11, 12);
  });
});
