// The contract path of core/waves (named by earlier issues, and imported by code and checks
// outside this folder): the feature's entry file, core/waves/index.ts, under its old name.
export * from './waves/index';
