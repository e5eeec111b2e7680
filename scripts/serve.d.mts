// Types for serve.mjs (plain JavaScript so `node scripts/start.mjs` needs no build step).
export declare const PROJECT_DIR: string;
export declare function buildRenderer(options?: { projectDir?: string; logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<void>;
export declare function distIsBuilt(projectDir?: string): boolean;
export declare function serveDist(options?: {
  /** 0 picks any free port; a busy port throws a PortBusyError (browserMode.mjs), never moves on. Default 4173. */
  port?: number;
  projectDir?: string;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}): Promise<{ url: string; close(): Promise<void> }>;
export declare function securityHeaders(projectDir?: string): Record<string, string>;
