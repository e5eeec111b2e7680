// One sample coding, and the shorthand the sample's coders' files are written in.

export interface SampleCoding {
  file: string;
  code: string;
  quote: string;
  coder: 'ana' | 'ben';
  memo?: string;
}

export type Row = [code: string, quote: string, memo?: string];

export function coded(coder: SampleCoding['coder'], file: string, rows: Row[]): SampleCoding[] {
  return rows.map(([code, quote, memo]) => (memo === undefined ? { file, code, quote, coder } : { file, code, quote, coder, memo }));
}
