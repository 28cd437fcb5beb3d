// Where the launch bundle lives and how it is wrapped: shared by the loader (load-bundle.ts) and the build
// step that makes it (scripts/build-bundle.mjs), so the two cannot disagree.
//
// The bundle sits two levels under the package root (dist/bundle/), like the compiled modules
// (dist/cli/, dist/io/), so every `new URL('../../codebooks/…', import.meta.url)` and every
// `new URL('../anonymise/data/…', import.meta.url)` of the sources resolves to the same file from the
// bundle as from dist/. A worker's `new URL('./report-worker.js', import.meta.url)` finds the small
// launcher the build writes beside the bundle for every src/app/*-worker.ts.

/** The bundle's folder, relative to this module (dist/launch/). */
export const BUNDLE_DIR_URL = new URL('../bundle/', import.meta.url);

/** The bundle itself: CommonJS, one script, compiled through node:vm with a code cache. */
export const BUNDLE_FILE = 'analyse.cjs';

/** The V8 code cache of the bundle, made by the build after a warm-up run (code-cache.ts has its format). */
export const CACHE_FILE = 'analyse.v8-cache';

/**
 * The name that stands for `import.meta.url` in the bundle (esbuild `define`): the wrapper passes the
 * bundle's own file URL under it, which is what import.meta.url was for the modules it came from, up to
 * the folder (dist/bundle/ for dist/cli/), and the layout above makes that difference vanish.
 */
export const META_URL_NAME = '__analyse_bundle_url';

/**
 * The function the bundle's text is wrapped in, as Node wraps a CommonJS module, plus the stand-in for
 * import.meta.url. The text must be the same at build time and at run time, or V8 rejects the cache.
 */
export const WRAPPER_HEAD = `(function (exports, require, module, __filename, __dirname, ${META_URL_NAME}) {`;
export const WRAPPER_TAIL = '\n})';

/** What the bundle exports: the CLI's main and each worker thread's entry, by file name without .js. */
export interface BundleExports {
  main: (argv: string[]) => Promise<number>;
  workers: Record<string, () => Promise<unknown>>;
}
