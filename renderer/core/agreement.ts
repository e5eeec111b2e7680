// Inter-coder agreement: the coefficients live in ./agreement/ (coding statistics in stats.ts,
// Krippendorff's unitizing alpha in unitizing.ts); this entry re-exports them.
export {
  NO_VARIATION_AGREEMENT,
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  pairableUnits,
  percentAgreement,
  scottPi,
  type AlphaLevel,
  type Rating,
} from './agreement/stats';
export {
  unitizingAlpha,
  unitizingDisagreements,
  type CodedUnit,
  type Continuum,
  type UnitizingAlpha,
  type UnitizingDisagreement,
} from './agreement/unitizing';
