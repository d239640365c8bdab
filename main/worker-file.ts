/**
 * Where a worker's entry is: from the sources (tests, the CLI under tsx) the
 * TypeScript file, run through tsx; in the built app the `.js` file that
 * main/build.config.ts writes next to main's bundle. Both URLs are written out
 * by the caller, relative to its own module, so the bundler leaves them alone.
 */
export function workerEntry(fromSource: URL, fromBuild: URL): { url: URL; execArgv: string[] } {
  return import.meta.url.endsWith('.ts') ? { url: fromSource, execArgv: ['--import', 'tsx'] } : { url: fromBuild, execArgv: [] };
}
