/** The app's version (package.json), written in by the build (vite.config.ts `define`). */
declare const __APP_VERSION__: string;
