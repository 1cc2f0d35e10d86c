import type { BuildOptions } from 'esbuild';

export declare function functionBundleOptions(options: {
  workspaceRoot: string;
  name: string;
  outfile: string;
  envOnlyCredentials?: boolean;
}): BuildOptions;
