import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsOnSmallHeap } from '../../test/support/cli.js';
import { InputError } from './errors.js';
import { jsonArrayElements } from './jsonArray.js';
import { readRecords } from './records.js';

const DIR = '.cache/json-array-test';
mkdirSync(DIR, { recursive: true });

/** The bytes in pieces of the given sizes (the last piece holds the rest). */
async function* pieces(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) return;
    yield bytes.subarray(at, at + size);
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function elements(text: string | Buffer, sizes: readonly number[] = []): Promise<unknown[]> {
  const out: unknown[] = [];
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for await (const { value } of jsonArrayElements('data.json', pieces(bytes, sizes))) out.push(value);
  return out;
}

/** The one-line message a file's text is refused with (the file is written, for the line and character). */
async function refusal(name: string, text: string | Buffer): Promise<string> {
  const path = `${DIR}/${name}`;
  writeFileSync(path, text);
  try {
    for await (const _ of readRecords(path)) {
      // Read to the end.
    }
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.replace(`${DIR}/`, '');
  }
  throw new Error(`${name} was read without an error`);
}

describe('jsonArrayElements', () => {
  it('reads every array of objects as JSON.parse does, in pieces of any size (inside characters too)', async () => {
    const record = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 }), {
      maxKeys: 4,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 6 }),
        fc.constantFrom(undefined, 2, '\t'),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }),
        fc.boolean(),
        async (records, indent, sizes, bom) => {
          const text = `${bom ? '\ufeff' : ''}${JSON.stringify(records, null, indent)}\n`;
          expect(await elements(text, sizes)).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps a __proto__ field as a field', async () => {
    const [value] = await elements('[{"__proto__":{"polluted":true},"a":1}]');
    expect(Object.keys(value as object)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands on the records before a mistake, as it reads them', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `t${i}`, contacts: i % 5 }));
    const path = `${DIR}/late-mistake.json`;
    writeFileSync(path, `[\n${records.join(',\n')},\n{"id": oops}\n]\n`);
    let bytes = 0;
    let bytesAtFirst: number | undefined;
    const progress = {
      start: () => undefined,
      advance: (n: number) => {
        bytes += n;
      },
      record: () => undefined,
      done: () => undefined,
    };
    let read = 0;
    let failure: unknown;
    try {
      for await (const _ of readRecords(path, { progress })) {
        bytesAtFirst ??= bytes;
        read++;
      }
    } catch (error) {
      failure = error;
    }
    expect(read).toBe(20_000);
    expect(bytesAtFirst).toBeLessThan(bytes / 4);
    expect((failure as Error).message).toBe(
      `${path}, record 20001 (line 20002, character 8): is not valid JSON: unexpected 'o'`,
    );
  });

  it('reads a large array with a heap too small for its text, end to end', async () => {
    const path = `${DIR}/large-nps.json`;
    const rows = 1_000_000;
    // A 32 MB heap cannot hold this text and the array parsed from it at once (JSON.parse runs out of memory);
    // the streamed read keeps a few thousand records at a time, with room to spare on a loaded machine.
    const { code, stdout, stderr } = await npsOnSmallHeap(
      path,
      rows,
      { head: '[\n', line: (j) => `${j === 0 ? '' : ','}{"score": ${j % 11}}\n`, tail: ']\n' },
      32,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(rows);
  }, 120_000);

  it('refuses a file that is not one array of objects in one line naming the record, line and character', async () => {
    const cases: [string, string, string][] = [
      ['object.json', '{"tickets": [{"a": 1}]}', 'must hold a JSON array of records ([{…}, {…}]), not an object'],
      ['lines.json', '{"a":1}\n{"a":2}\n', 'must hold a JSON array of records ([{…}, {…}]), not an object'],
      ['number.json', '42', 'must hold a JSON array of records ([{…}, {…}]), not a single value'],
      ['empty.json', '', 'empty.json: is empty: a JSON array of records is expected ([] for none)'],
      ['blank.json', ' \r\n', 'blank.json: is empty: a JSON array of records is expected ([] for none)'],
      ['element.json', '[\n{"a":1},\n"b"\n]', 'element.json, record 2: must be a JSON object'],
      ['nested.json', '[{"a":1},[{"a":2}]]', 'nested.json, record 2: must be a JSON object'],
      [
        'cut.json',
        '[\n  {"a": 1},\n  {"a": 2, "b": "text',
        'cut.json, record 2: is not valid JSON: the file ends inside this record: it is cut short, or a closing } ] or " is missing',
      ],
      [
        'cut-number.json',
        '[{"a": 1}, {"a": 1.',
        'cut-number.json, record 2: is not valid JSON: the file ends inside this record',
      ],
      [
        'unclosed.json',
        '[\n  {"a": 1},\n  {"a": 2}\n',
        "unclosed.json: is not valid JSON: the file ends after 2 records without the array's closing ']': it is cut short",
      ],
      ['open.json', '[', "open.json: is not valid JSON: the file ends without the array's closing ']'"],
      ['cut-object.json', '{"a":', 'cut-object.json: is not valid JSON: the file ends inside a value'],
      [
        'trailing-comma.json',
        '[\n  {"a": 1},\n  {"a": 2},\n]',
        "trailing-comma.json, line 4, character 1: is not valid JSON: a comma before ']': remove it (JSON allows no comma after the last item)",
      ],
      [
        'no-comma.json',
        '[\n  {"a": 1}\n  {"a": 2}\n]',
        "no-comma.json, record 2 (line 3, character 3): is not valid JSON: a record follows another without a comma: separate the records with ','",
      ],
      [
        'single-quotes.json',
        "[{'a': 1}]",
        'single-quotes.json, record 1 (line 1, character 3): is not valid JSON: a single quote: JSON strings need double quotes',
      ],
      [
        'no-colon.json',
        '[{"a": 1}, {"é" 2}]',
        "no-colon.json, record 2 (line 1, character 17): is not valid JSON: unexpected '2' where ':' is expected",
      ],
      [
        'after.json',
        '[{"a": 1}]\n[{"a": 2}]',
        "after.json, line 2, character 1: has more after the array's closing ']': a JSON file holds one array of records",
      ],
      ['after-text.json', '[{"a": 1}] x', "after-text.json, line 1, character 12: has more after the array's"],
      [
        'control.json',
        '[{"a": 1}, {"a": \u0001}]',
        'control.json, record 2 (line 1, character 18): is not valid JSON: unexpected the byte 0x01',
      ],
    ];
    for (const [name, text, message] of cases) expect(await refusal(name, text)).toContain(message);
  });

  it('counts the line and character after a byte-order mark and multi-byte characters', async () => {
    expect(await refusal('bom.json', '\ufeff[{"é": "ü"},\r\n  {"b": ]')).toBe(
      "bom.json, record 2 (line 2, character 9): is not valid JSON: unexpected ']' where a value is expected",
    );
  });

  it('refuses text that is not UTF-8, naming the record', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('[{"a": "ok"},\n{"name": "Ren'),
      Buffer.from([0xe9]),
      Buffer.from('"}]'),
    ]);
    expect(await refusal('latin1.json', latin1)).toBe(
      'latin1.json, record 2: is not valid UTF-8 text: save the file as UTF-8 (JSON files are UTF-8)',
    );
  });
});
