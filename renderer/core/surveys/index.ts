// core/surveys: the surveys beside the interviews (issue 19): reading survey tables into
// time points, items and answers; the statistics per indicator and measure; joint displays.
// The entry file: views, store and other features import from here, never a file inside.
export * from '../shared/surveyModel';
export * from './answerSets';
export * from './stats';
export * from './shares';
export * from './jointDisplay';
export * from './surveyImport';
export * from './itemSheet';
export * from './jointDisplayText';
export * from './surveyCharts';
export * from './surveySetup';
export * from './caseView';
