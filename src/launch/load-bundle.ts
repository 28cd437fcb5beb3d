// Starts the CLI, and each worker thread, from the launch bundle (dist/bundle/, made by
// scripts/build-bundle.mjs): one CommonJS script compiled through node:vm with V8's code cache, so a run
// neither resolves, reads and compiles some 230 modules and their libraries one by one nor compiles again
// the functions the build's warm-up run compiled (README, Performance). Whatever is wrong with the bundle
// or its cache costs time, never the run: no bundle, or one older than dist/ (a `tsc` since the last
// `npm run build`) → the compiled modules of dist/; no cache, a damaged one, or one V8 rejects (another
// Node, other flags) → the bundle compiled afresh.
// The lowest layer of the tool: plain Node and its siblings here, no module of the tool's own but the
// list of the program's own flags.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { HELP_OR_VERSION } from '../cli/help-or-version.js';
import {
  BUNDLE_DIR_URL,
  BUNDLE_FILE,
  type BundleExports,
  CACHE_FILE,
  WRAPPER_HEAD,
  WRAPPER_TAIL,
} from './bundle-layout.js';
import { openCodeCache, sealCodeCache } from './code-cache.js';

type CacheState = 'used' | 'rejected by V8' | 'damaged or of another bundle' | 'absent';

interface LoadedBundle {
  exports: BundleExports;
  script: vm.Script;
  bytes: Buffer;
  cache: CacheState;
}

const bundleUrl = new URL(BUNDLE_FILE, BUNDLE_DIR_URL);
const bundlePath = fileURLToPath(bundleUrl);
const cachePath = fileURLToPath(new URL(CACHE_FILE, BUNDLE_DIR_URL));
/** tsc rewrites every module of dist/ on each build, this one among them. */
const compiledEntry = fileURLToPath(new URL('../cli/main.js', import.meta.url));

/** Set by the build's warm-up run: write the code cache once the CLI is done. */
export const WRITE_CACHE_ENV = 'ANALYSE_WRITE_CODE_CACHE';

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function olderThanDist(): boolean {
  try {
    return statSync(compiledEntry).mtimeMs > statSync(bundlePath).mtimeMs;
  } catch {
    return false;
  }
}

function note(line: string): void {
  if (process.env.ANALYSE_TIMINGS) process.stderr.write(`analyse: launch: ${line}\n`);
}

/**
 * Node shows DEP0005 (`new Buffer()`) only for code outside node_modules. In the bundle every library is
 * outside, so archiver's `new Buffer(0)` under exceljs would warn on every workbook, which it does not from
 * dist/. That one warning is dropped; every other passes.
 */
function dropLibraryBufferWarning(): void {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0] as { code?: unknown } | string | undefined;
    const code = typeof options === 'object' && options !== null ? options.code : rest[1];
    if (code === 'DEP0005') return;
    Reflect.apply(emit, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
}

function loadBundle(): LoadedBundle | undefined {
  const bytes = readOrUndefined(bundlePath);
  if (bytes === undefined) return undefined;
  if (olderThanDist()) {
    note('the bundle is older than dist/ (run `npm run build`); running dist/');
    return undefined;
  }
  const cacheFile = readOrUndefined(cachePath);
  const cachedData = cacheFile && openCodeCache(bytes, cacheFile);
  try {
    const script = new vm.Script(WRAPPER_HEAD + bytes.toString('utf8') + WRAPPER_TAIL, {
      filename: bundlePath,
      ...(cachedData ? { cachedData } : {}),
    });
    const module = { exports: {} as BundleExports };
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper(
      module.exports,
      createRequire(bundlePath),
      module,
      bundlePath,
      dirname(bundlePath),
      bundleUrl.href,
    );
    // A bundle cut short can still parse (cut after a name in a `var` list) and run without exporting.
    if (typeof module.exports.main !== 'function') throw new Error('the bundle exports no main');
    dropLibraryBufferWarning();
    const cache: CacheState = cachedData
      ? script.cachedDataRejected
        ? 'rejected by V8'
        : 'used'
      : cacheFile
        ? 'damaged or of another bundle'
        : 'absent';
    note(`bundle, code cache ${cache}`);
    return { exports: module.exports, script, bytes, cache };
  } catch (error) {
    // A truncated or broken bundle (an interrupted build): dist/ has the same code.
    process.stderr.write(
      `analyse: the launch bundle ${bundlePath} could not be loaded (${(error as Error).message}); running dist/ instead (run \`npm run build\`)\n`,
    );
    return undefined;
  }
}

/** Writes the code cache of the bundle as it stands now: with every function compiled so far. */
function writeCodeCache(loaded: LoadedBundle): void {
  const tmp = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, sealCodeCache(loaded.bytes, loaded.script.createCachedData()));
    renameSync(tmp, cachePath);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {}
    throw error;
  }
}

/**
 * The CLI's main for these arguments: the bundle's, else that of dist/cli/main.js. The program's own
 * --version and --help need only main.js and commander, less than reading the bundle and its cache
 * (0.18 s against 0.26 s): they start from dist/.
 */
export async function loadMain(argv: readonly string[]): Promise<BundleExports['main']> {
  const args = argv.slice(2);
  const onlyTheProgram = args.length === 1 && HELP_OR_VERSION.includes(args[0] as string);
  const loaded = onlyTheProgram ? undefined : loadBundle();
  if (!loaded) return (await import('../cli/main.js')).main;
  if (!process.env[WRITE_CACHE_ENV]) return loaded.exports.main;
  return async (argv) => {
    const code = await loaded.exports.main(argv);
    writeCodeCache(loaded);
    return code;
  };
}

/** A worker thread's start (dist/bundle/<name>.js): the bundle's worker, else dist/app/<name>.js. */
export async function startWorker(name: string): Promise<void> {
  const start = loadBundle()?.exports.workers[name];
  if (start) await start();
  else await import(new URL(`../app/${name}.js`, import.meta.url).href);
}
