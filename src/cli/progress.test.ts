import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
}

describe('terminalProgress', () => {
  it('stays silent when stderr is not a terminal', () => {
    expect(terminalProgress(stream(false).stream)).toBeUndefined();
  });

  it('reports large reads on a terminal and clears its line at the end', () => {
    const { writes, stream: tty } = stream(true);
    const progress = terminalProgress(tty);
    progress?.start('big.csv', 10 * 1024 * 1024);
    progress?.advance(5 * 1024 * 1024);
    progress?.done();
    expect(writes[0]).toBe('\rbig.csv: 50 % of 10 MB read');
    expect(writes[1]).toBe('\r\u001b[2K');
  });

  it('says nothing about small files', () => {
    const { writes, stream: tty } = stream(true);
    const progress = terminalProgress(tty);
    progress?.start('small.csv', 1000);
    progress?.advance(1000);
    progress?.done();
    expect(writes).toEqual([]);
  });
});
