/** Types of renderer-build.mjs for the TypeScript callers (db/harness.ts). */
export declare const PROJECT_ROOT: string;
export declare const RENDERER_INPUTS: readonly string[];
export declare function newestMtime(target: string): number;
export declare function isStale(output: string, inputs: readonly string[], root?: string): boolean;
export declare function rendererIsStale(root?: string): boolean;
export declare function ensureRendererBuilt(
  log?: (line: string) => void,
  options?: { force?: boolean; root?: string },
): Promise<boolean>;
