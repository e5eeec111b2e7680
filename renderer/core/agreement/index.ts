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
} from './stats';
export {
  unitizingAlpha,
  unitizingDisagreements,
  type CodedUnit,
  type Continuum,
  type UnitizingAlpha,
  type UnitizingDisagreement,
} from './unitizing';
export { binaryStats, multiStats, type AgreementStats, type BinaryTable } from './counted';
export { compareCoders, type AgreementReport, type AgreementUnit, type CodeAgreement, type CompareOptions } from './compare';

// Everything else of the feature, for views and store (they import only this entry file).
export * from './compare';
export { turnBounds } from './unitCells';
export * from './consensus';
export * from './counted';
export * from './decisionLog';
export * from './disagreements';
export * from './document';
export * from './help';
export * from './plan';
export * from './report';
export * from './stats';
export * from './tables';
export * from './unitizing';
export * from './verdict';
export * from './exportLayout';
