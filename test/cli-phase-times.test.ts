// Phase timings: on stderr only when ANALYSE_TIMINGS is set (npm run bench sets it), one line a phase.
import { describe, expect, it } from 'vitest';
import { phaseTimer } from '../src/cli/phase-times.js';

describe('phaseTimer', () => {
  it('writes nothing unless ANALYSE_TIMINGS is set', () => {
    const lines: string[] = [];
    const mark = phaseTimer({}, (l) => lines.push(l));
    mark('reports');
    expect(lines).toEqual([]);
  });

  it('writes one line a phase with wall, CPU and resident memory', () => {
    const lines: string[] = [];
    const mark = phaseTimer({ ANALYSE_TIMINGS: '1' }, (l) => lines.push(l));
    mark('reports');
    mark('leak check');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^analyse: phase reports: \d+\.\d\d s wall, \d+\.\d\d s CPU, \d+ MB resident\n$/,
    );
    expect(lines[1]).toMatch(/^analyse: phase leak check: /);
  });
});
