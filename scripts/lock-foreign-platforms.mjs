#!/usr/bin/env node
// Completes package-lock.json with the optional, platform-specific packages of other systems
// (@rollup/rollup-darwin-x64, @biomejs/cli-win32-x64, fsevents...) that the package registry reachable
// here does not carry. npm writes no lock entry for an optional package it cannot fetch, and `npm ci`
// then refuses the lock as out of sync. Each added entry names its os/cpu/libc, so npm never tries to
// install it on a machine it does not fit — as a lock made where the registry has them would.
// Run after `npm install`:  node scripts/lock-foreign-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const n = name.toLowerCase();
  const os = [
    'darwin',
    'win32',
    'android',
    'freebsd',
    'openbsd',
    'openharmony',
    'linux',
    'netbsd',
    'sunos',
    'aix',
  ].find((o) => n.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'riscv64', 'ppc64', 's390x', 'mips64el'].find((c) =>
    new RegExp(`(^|[-/])${c}([-.]|$)`).test(n.replace(/-(gnu|musl|msvc|eabi|gnueabihf|musleabihf)\b/g, '')),
  );
  if (n === 'fsevents') return { os: ['darwin'] };
  const out = {};
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu === 'arm' && /eabi/.test(n) ? 'arm' : cpu];
  if (/musl/.test(n)) out.libc = ['musl'];
  else if (os === 'linux' && /gnu/.test(n)) out.libc = ['glibc'];
  return out;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === '' ? 'node_modules' : `${path}/node_modules`;
    if (packages[`${base}/${dep}`] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    // Only packages bound to another platform: anything else missing is a real problem to see.
    if (!platform.os) continue;
    const version = String(range).replace(/^[~^=]/, '');
    packages[`node_modules/${dep}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-foreign-platforms: ${added} entries added`);
