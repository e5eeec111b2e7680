// Types for electron-install.mjs.
export declare function electronVersion(projectDir: string): string | null;
export declare function installElectron(options: {
  projectDir: string;
  env?: Record<string, string | undefined>;
  stdio?: 'inherit' | 'ignore' | 'pipe';
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export declare function failureReason(report: string, exitCode?: number): string;
export declare function findOrInstallElectron(options: {
  projectDir: string;
  env?: Record<string, string | undefined>;
  stdio?: 'inherit' | 'ignore' | 'pipe';
  log?: (line: string) => void;
}): Promise<{ binary: string; reason?: undefined } | { binary?: undefined; reason: string }>;
