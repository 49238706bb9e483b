// Progress of long reads, on stderr, only when stderr is a terminal: piped or redirected output stays clean.

/** Reports the rows and bytes of a file as they are read. */
export interface Progress {
  /** A file starts; `always` shows its progress however short the read (`--progress`). */
  start(file: string, size: number, always?: boolean): void;
  /** Bytes read from the file. */
  advance(bytes: number): void;
  /** One record read. */
  record(): void;
  done(): void;
}

/** How long a read lasts before its progress is shown, and how often the line is redrawn (ms). */
const SHOW_AFTER = 1000;
const REDRAW_EVERY = 100;

/**
 * A progress line (rows read, rows a second, percent of the file's bytes) that appears once a read has
 * lasted a second and redraws at most ten times a second; nothing when stderr is not a terminal.
 *
 * @param now - the clock, in milliseconds (tests pass their own).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean },
  now: () => number = Date.now,
): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let file = '';
  let size = 0;
  let read = 0;
  let rows = 0;
  let started = 0;
  let last = 0;
  let always = false;
  let shown = false;
  const line = (time: number) => {
    const seconds = (time - started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
    const percent = size > 0 ? `, ${Math.min(100, Math.floor((read / size) * 100))} %` : '';
    return `\r\x1b[2K${file}: ${rows.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s${percent}`;
  };
  const progress: Progress = {
    start(name, bytes, force = false) {
      file = name;
      size = bytes;
      read = 0;
      rows = 0;
      started = now();
      last = started;
      always = force;
      shown = false;
    },
    advance(bytes) {
      read += bytes;
      const time = now();
      if (time - last < REDRAW_EVERY || (!always && time - started < SHOW_AFTER)) return;
      last = time;
      shown = true;
      stream.write(line(time));
    },
    record() {
      // A JSON array is parsed whole before its records are counted: the line also moves with the rows.
      if ((++rows & 8191) === 0) progress.advance(0);
    },
    done() {
      // Asked for, the last figures stay on screen; otherwise the line is cleared before the result.
      if (always) stream.write(`${line(now())}\n`);
      else if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
  return progress;
}
