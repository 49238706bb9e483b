import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}
function clock() {
  let time = 0;
  return { now: () => time, tick: (ms: number) => (time += ms) };
}

describe('terminalProgress', () => {
  it('stays silent when stderr is not a terminal', () => {
    expect(terminalProgress(stream(false).stream)).toBeUndefined();
  });

  it('shows rows, rows a second and the share of bytes once a read lasts, then clears its line', () => {
    const { writes, stream: tty } = stream(true);
    const { now, tick } = clock();
    const progress = terminalProgress(tty, now);
    progress?.start('big.csv', 10 * 1024 * 1024);
    for (let i = 0; i < 1000; i++) progress?.record();
    tick(500);
    progress?.advance(1024 * 1024);
    expect(writes).toEqual([]);
    for (let i = 0; i < 1000; i++) progress?.record();
    tick(500);
    progress?.advance(4 * 1024 * 1024);
    tick(50);
    progress?.advance(1024);
    progress?.done();
    expect(writes).toEqual(['\r\u001b[2Kbig.csv: 2,000 rows, 2,000 rows/s, 50 %', '\r\u001b[2K']);
  });

  it('says nothing about short reads', () => {
    const { writes, stream: tty } = stream(true);
    const progress = terminalProgress(tty, clock().now);
    progress?.start('small.csv', 1000);
    progress?.advance(1000);
    progress?.done();
    expect(writes).toEqual([]);
  });

  it('shows a short read when asked, and leaves its last figures on screen', () => {
    const { writes, stream: tty } = stream(true);
    const { now, tick } = clock();
    const progress = terminalProgress(tty, now);
    progress?.start('small.csv', 1000, true);
    tick(200);
    progress?.advance(500);
    for (let i = 0; i < 10; i++) progress?.record();
    tick(50);
    progress?.done();
    expect(writes).toEqual([
      '\r\u001b[2Ksmall.csv: 0 rows, 0 rows/s, 50 %',
      '\r\u001b[2Ksmall.csv: 10 rows, 40 rows/s, 50 %\n',
    ]);
  });

  it('moves with the rows of a file read whole, and leaves out the share of an unknown size', () => {
    const { writes, stream: tty } = stream(true);
    const { now, tick } = clock();
    const progress = terminalProgress(tty, now);
    progress?.start('pipe', 0);
    tick(2000);
    for (let i = 0; i < 8192; i++) progress?.record();
    expect(writes).toEqual(['\r\u001b[2Kpipe: 8,192 rows, 4,096 rows/s']);
  });
});
