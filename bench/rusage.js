// Preloaded into each benchmarked run (node --import): on exit, writes the process's own CPU time and peak
// memory to the file named by BENCH_RUSAGE, so the harness measures the run and nothing else.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RUSAGE;
if (file) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        code,
        userSeconds: u.userCPUTime / 1e6,
        systemSeconds: u.systemCPUTime / 1e6,
        maxRSSKB: u.maxRSS,
      }),
    );
  });
}
