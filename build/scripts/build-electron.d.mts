/** Types of build-electron.mjs for the TypeScript tests. */
import type { BuildOptions } from 'esbuild';
export declare function electronBundleOptions(entry: string, outfile: string): BuildOptions;
export declare function buildElectron(outRoot?: string): Promise<void>;
export declare const MIGRATE_WORKER_FILE: string;
