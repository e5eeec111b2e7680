// The contract path of core/quotes (named by earlier issues, and imported by code and checks
// outside this folder): the feature's entry file, core/quotes/index.ts, under its old name.
export * from './quotes/index';
