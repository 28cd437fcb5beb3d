// Where a run's time goes, phase by phase, on stderr when ANALYSE_TIMINGS is set (npm run bench sets it):
// wall and CPU seconds of each phase and the resident memory at its end. Talk, not data: stderr only.
import { cpuUsage, memoryUsage } from 'node:process';

export type PhaseMark = (phase: string) => void;

export function phaseTimer(env: NodeJS.ProcessEnv, write: (line: string) => void): PhaseMark {
  if (!env.ANALYSE_TIMINGS) return () => {};
  let wall = performance.now();
  let cpu = cpuUsage();
  return (phase) => {
    const nowWall = performance.now();
    const used = cpuUsage(cpu);
    const rss = memoryUsage.rss() / 2 ** 20;
    write(
      `analyse: phase ${phase}: ${((nowWall - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${rss.toFixed(0)} MB resident\n`,
    );
    wall = nowWall;
    cpu = cpuUsage();
  };
}
