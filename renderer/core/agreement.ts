// Inter-coder agreement: the coefficients live in ./agreement/ (coding statistics in stats.ts,
// the same from unit tables in counted.ts, compareCoders in compare.ts,
// Krippendorff's unitizing alpha in unitizing.ts); this entry re-exports them.
export {
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
export { binaryStats, multiStats, type AgreementStats, type BinaryTable } from './agreement/counted';
export { compareCoders, type AgreementReport, type AgreementUnit, type CodeAgreement, type CompareOptions } from './agreement/compare';
