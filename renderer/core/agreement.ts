// The contract path of core/agreement (named by earlier issues, and imported by code and checks
// outside this folder): the feature's entry file, core/agreement/index.ts, under its old name.
export * from './agreement/index';
