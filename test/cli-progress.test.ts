import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns,
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createProgress', () => {
  it('writes nothing without a TTY, however long the run', () => {
    const { stream, writes } = fakeStream(false);
    const clock = fakeClock();
    const progress = createProgress(stream, 3, 'Luetaan', { now: clock.now, timer: false });
    for (let i = 0; i < 3; i++) {
      clock.advance(5000);
      progress.tick(`r${i}`);
    }
    progress.done();
    expect(writes).toEqual([]);
  });

  it('stays silent on a TTY during the first second', () => {
    const { stream, writes } = fakeStream(true);
    const clock = fakeClock();
    const progress = createProgress(stream, 10, 'Luetaan', { now: clock.now, timer: false });
    for (let i = 0; i < 10; i++) {
      clock.advance(50);
      progress.tick();
    }
    progress.done();
    expect(writes).toEqual([]);
  });

  it('draws a bar after a second and clears it when done', () => {
    const { stream, writes } = fakeStream(true);
    const clock = fakeClock();
    const progress = createProgress(stream, 4, 'Luetaan', { now: clock.now, timer: false });
    clock.advance(200);
    progress.tick('a');
    clock.advance(1000);
    progress.tick('b.docx');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('Luetaan');
    expect(writes[0]).toContain('50 % 2/4 b.docx');
    expect(writes[0]?.startsWith('\r\u001b[2K')).toBe(true);
    clock.advance(10);
    progress.tick('c'); // throttled: under 100 ms since the last draw
    expect(writes).toHaveLength(1);
    clock.advance(10);
    progress.tick('d'); // the last item is always drawn
    expect(writes[1]).toContain('100 % 4/4 d');
    progress.done();
    expect(writes[2]).toBe('\r\u001b[2K');
    progress.done();
    expect(writes).toHaveLength(3);
  });

  it('draws once after the delay even before the first item finishes', async () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, 5, 'Luetaan', { delayMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('0/5');
    progress.done();
    expect(writes).toHaveLength(2);
  });

  it('fits the line to the terminal width', () => {
    const { stream, writes } = fakeStream(true, 40);
    const clock = fakeClock();
    const progress = createProgress(stream, 2, 'Luetaan', { now: clock.now, timer: false });
    clock.advance(2000);
    progress.tick('hyvin-pitka-raportin-nimi-joka-ei-mahdu-riville.docx');
    const visible = (writes[0] ?? '').replace('\r\u001b[2K', '');
    expect([...visible].length).toBeLessThanOrEqual(39);
    expect(visible.endsWith('…')).toBe(true);
  });
});
