// Types for browserMode.mjs (plain JavaScript so `node scripts/start.mjs` needs no build step).
export declare const DEFAULT_PORT: number;
export declare function parseStartArgs(
  argv: string[],
  env?: Record<string, string | undefined>,
): { port: number; build: boolean; chosen: boolean };
export declare function portBusyMessage(port: number, workbench?: boolean): string;
export declare function otherPortWarning(port: number): string;
export declare class PortBusyError extends Error {
  constructor(port: number, workbench?: boolean);
  readonly code: 'EADDRINUSE';
  readonly port: number;
}
export declare function workbenchAnswersAt(port: number): Promise<boolean>;
export declare function assertPortFree(port: number): Promise<void>;
