// Types for electronegativity.mjs.
export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}
export declare const ACCEPTED: { check: string; file: RegExp; why: string }[];
export declare function parseReport(csv: string): Finding[];
export declare function unaccepted(findings: Finding[]): Finding[];
export declare function scan(input: string, electronVersion: string): Finding[];
