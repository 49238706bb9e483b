// Writing the result to standard output piece by piece, as fast as the reader takes it: when the stream's
// buffer is full, the next piece waits for 'drain', so that a slow pipe never makes the whole result pile up in
// memory.
import { once } from 'node:events';
import type { EventEmitter } from 'node:events';

/** Standard output, or a test double: `write` returns false when the caller should wait for 'drain'. */
export type Stdout = { write(text: string): unknown } | (NodeJS.WritableStream & EventEmitter);

/**
 * Writes the pieces in order, waiting for 'drain' whenever the stream asks to. A failing stream (a closed
 * pipe, a full disk) is reported by its 'error' event, which the executable handles; the wait then ends too.
 */
export async function writePieces(stdout: Stdout, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (stdout.write(piece) === false && 'once' in stdout) await once(stdout, 'drain');
  }
}
