#!/usr/bin/env node
// Thin launcher: the CLI from the launch bundle with its code cache (dist/bundle/), else from the compiled
// modules in dist/ (src/launch/load-bundle.ts). Both are built by `npm ci` through the prepare script.
import { loadMain } from '../dist/launch/load-bundle.js';

const main = await loadMain(process.argv);
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`analyse: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
