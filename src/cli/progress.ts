// Progress of long reads, on stderr, only when stderr is a terminal: piped or redirected output stays clean.

/** Reports bytes read against a file's size. */
export interface Progress {
  start(file: string, size: number): void;
  advance(bytes: number): void;
  done(): void;
}

/** A progress line that redraws at most ten times a second, or nothing when stderr is not a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let file = '';
  let size = 0;
  let read = 0;
  let last = 0;
  let shown = false;
  return {
    start(name, bytes) {
      file = name;
      size = bytes;
      read = 0;
    },
    advance(bytes) {
      read += bytes;
      const now = Date.now();
      if (now - last < 100 || size < 4 * 1024 * 1024) return;
      last = now;
      shown = true;
      const percent = size > 0 ? Math.min(100, Math.floor((read / size) * 100)) : 100;
      stream.write(`\r${file}: ${percent} % of ${(size / 1048576).toFixed(0)} MB read`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
