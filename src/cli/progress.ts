// A one-line progress bar on stderr-like streams: drawn only on a TTY and only once a run has taken longer
// than a second (short runs stay quiet); without a TTY it writes nothing at all, so logs and pipes stay clean.

export interface Progress {
  /** One item done; `name` is shown after the bar (e.g. the report just read). */
  tick(name?: string): void;
  /** Clears the bar, if one was drawn. */
  done(): void;
}

export interface ProgressOptions {
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** Milliseconds before the first draw. */
  delayMs?: number;
  /** Minimum milliseconds between redraws. */
  intervalMs?: number;
  /** Draw once the delay has passed even if no item finished (a slow first report); default true. */
  timer?: boolean;
}

const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(
  stream: NodeJS.WriteStream,
  total: number,
  label: string,
  options: ProgressOptions = {},
): Progress {
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? 1000;
  const intervalMs = options.intervalMs ?? 100;
  const started = now();
  let count = 0;
  let drawn = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;

  if (!stream.isTTY) return { tick() {}, done() {} };

  const draw = (name: string | undefined): void => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const ratio = total > 0 ? Math.min(1, count / total) : 1;
    const counter = `${count}/${total}`;
    const barWidth = Math.max(10, Math.min(30, width - label.length - counter.length - 12));
    const filled = Math.round(ratio * barWidth);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
    let line = `${label} ${bar} ${String(Math.round(ratio * 100)).padStart(3)} % ${counter}`;
    if (name) line += ` ${name}`;
    const chars = [...line];
    if (chars.length > width) line = `${chars.slice(0, width - 1).join('')}…`;
    stream.write(`${CLEAR_LINE}${line}`);
    drawn = true;
  };

  let lastName: string | undefined;
  // unref: a pending first draw must never keep the process alive.
  const firstDraw =
    options.timer === false
      ? undefined
      : setTimeout(() => {
          if (!finished && !drawn) draw(lastName);
        }, delayMs).unref();

  return {
    tick(name?: string) {
      if (finished) return;
      count++;
      lastName = name;
      const t = now();
      if (t - started < delayMs) return;
      if (t - lastDraw < intervalMs && count < total) return;
      lastDraw = t;
      draw(name);
    },
    done() {
      if (finished) return;
      finished = true;
      if (firstDraw) clearTimeout(firstDraw);
      if (drawn) stream.write(CLEAR_LINE);
    },
  };
}
