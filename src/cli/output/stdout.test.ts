import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { run } from '../run.js';
import { writePieces } from './stdout.js';

/** A stream whose buffer is always full: each write asks the writer to wait for 'drain', sent a moment later. */
class SlowStream extends EventEmitter {
  readonly written: string[] = [];
  waiting = false;
  early = 0;

  write(text: string): boolean {
    if (this.waiting) this.early++;
    this.written.push(text);
    this.waiting = true;
    setImmediate(() => {
      this.waiting = false;
      this.emit('drain');
    });
    return false;
  }
}

describe('writePieces', () => {
  it("waits for 'drain' before each next piece when the stream asks to", async () => {
    const stream = new SlowStream();
    await writePieces(stream as unknown as NodeJS.WritableStream & EventEmitter, ['a', 'b', 'c']);
    expect(stream.written).toEqual(['a', 'b', 'c']);
    expect(stream.early).toBe(0);
  });

  it('writes to a plain writer without waiting', async () => {
    const written: string[] = [];
    await writePieces({ write: (text: string) => written.push(text) }, ['a', 'b']);
    expect(written).toEqual(['a', 'b']);
  });

  it('stops when the stream fails while it is waited for', async () => {
    const stream = new SlowStream();
    stream.write = (text: string) => {
      stream.written.push(text);
      setImmediate(() => stream.emit('error', new Error('EPIPE')));
      return false;
    };
    const writing = writePieces(stream as unknown as NodeJS.WritableStream & EventEmitter, ['a', 'b']);
    await expect(writing).rejects.toThrow('EPIPE');
    expect(stream.written).toEqual(['a']);
  });

  it('writes a large --json result in pieces, as fast as a slow reader takes them', async () => {
    const stdout = new SlowStream();
    let stderr = '';
    const args = ['report', 'examples/data', '--json'];
    const code = await run(args, {
      stdout: stdout as unknown as NodeJS.WritableStream & EventEmitter,
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      env: {},
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.written.length).toBeGreaterThan(2);
    expect(stdout.early).toBe(0);
    expect(stdout.written.join('')).toBe((await runCli(args)).stdout);
  });
});
