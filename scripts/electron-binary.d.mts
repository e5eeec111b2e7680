// Types for electron-binary.mjs.
export declare function electronBinaryPath(projectDir: string, env?: Record<string, string | undefined>): string | null;
