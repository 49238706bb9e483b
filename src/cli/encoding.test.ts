import { describe, expect, it } from 'vitest';
import { type EncodingState, utf8Chunks } from './encoding.js';

async function read(chunks: readonly Buffer[]): Promise<{ text: string; state: EncodingState; warnings: number }> {
  const state: EncodingState = { encoding: undefined, invalid: false };
  let warnings = 0;
  async function* source() {
    yield* chunks;
  }
  const out: Buffer[] = [];
  for await (const chunk of utf8Chunks(source(), state, () => warnings++)) out.push(chunk);
  return { text: Buffer.concat(out).toString('utf8'), state, warnings };
}

describe('utf8Chunks', () => {
  it('converts Windows-1252, 0x80–0x9F included, and warns once', async () => {
    const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    const { text, state, warnings } = await read([Buffer.from('a,b\n'), bytes, Buffer.from([0xe9])]);
    expect(state.encoding).toBe('windows-1252');
    expect(warnings).toBe(1);
    expect([...text].slice(4, 4 + 32).join('')).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(4 + 32)).toBe(`${Buffer.from(bytes.subarray(32)).toString('latin1')}é`);
  });

  it('keeps UTF-8 as it is, a character cut between two chunks included', async () => {
    const bytes = Buffer.from('id\nCafé Müller 😀\n');
    const { text, state, warnings } = await read([bytes.subarray(0, 6), bytes.subarray(6, 16), bytes.subarray(16)]);
    expect(text).toBe('id\nCafé Müller 😀\n');
    expect(state).toEqual({ encoding: 'utf-8', invalid: false });
    expect(warnings).toBe(0);
  });

  it('keeps a UTF-8 file with a stray byte as UTF-8 and marks it', async () => {
    const { state, warnings } = await read([Buffer.from('é ü ö '), Buffer.from([0x41, 0xe9, 0x0a])]);
    expect(state).toEqual({ encoding: 'utf-8', invalid: true });
    expect(warnings).toBe(0);
    expect((await read([Buffer.from('é '), Buffer.from([0x41, 0xc3])])).state).toEqual({
      encoding: 'utf-8',
      invalid: true,
    });
    // A character cut at the end of a chunk is decided with the next one; at the end of the file, it is not UTF-8.
    expect((await read([Buffer.from([0x41, 0xc3]), Buffer.from([0xa9, 0x41])])).text).toBe('AéA');
    expect((await read([Buffer.from([0x41, 0xc3])])).text).toBe('AÃ');
  });

  it('leaves ASCII undecided and UTF-16 with its byte-order mark as it is', async () => {
    expect((await read([Buffer.from('a,b\n1,2\n')])).state.encoding).toBeUndefined();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\né\t1\r\n', 'utf16le')]);
    const { state, warnings } = await read([utf16]);
    expect(state.encoding).toBe('utf-16le');
    expect(warnings).toBe(0);
  });
});
