// What renderer/io uses of papaparse, for tsconfig.io.json only: @types/papaparse pulls in all of
// Node's types, and io must compile without them. The app's own build (tsconfig.json) checks the
// same calls against the real types, so this file cannot drift unnoticed.
declare const Papa: {
  unparse(rows: string[][], config: { escapeFormulae: boolean; newline: string; quotes?: (value: unknown) => boolean }): string;
  parse<T>(
    text: string,
    config: { skipEmptyLines: 'greedy' | boolean },
  ): { data: T[]; errors: { type: string; code: string; message: string; row?: number }[] };
};
export default Papa;
