// Types for licences.mjs.
import type { Plugin } from 'vite';

export interface PackageLicence {
  name: string;
  version: string;
  licence: string;
  text: string;
}
export declare function packageDirOf(moduleId: string): string | null;
export declare function packageLicence(dir: string): PackageLicence;
export declare function licences(): { page: Plugin; worker: Plugin };
