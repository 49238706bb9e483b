import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from './errors.js';
import { formatOf, type InputRecord, readRecords } from './records.js';

const DIR = '.cache/records-test';
mkdirSync(DIR, { recursive: true });
function file(name: string, text: string): string {
  writeFileSync(`${DIR}/${name}`, text);
  return `${DIR}/${name}`;
}
async function all(path: string, options: { format?: string } = {}): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const record of readRecords(path, options)) out.push(record);
  return out;
}
async function failure(path: string, options: { format?: string } = {}): Promise<Error> {
  try {
    await all(path, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readRecords', () => {
  it('reads CSV with its line numbers, trimming cells and skipping blank lines', async () => {
    const path = file('a.csv', '\ufeffid, score\n1, 9\n\n2,10\n');
    expect(await all(path)).toEqual([
      { location: 'line 2', fields: { id: '1', score: '9' } },
      { location: 'line 4', fields: { id: '2', score: '10' } },
    ]);
  });

  it('reads JSON Lines and JSON arrays', async () => {
    expect(await all(file('a.jsonl', '{"a":1}\n\n{"a":2}\n'))).toEqual([
      { location: 'line 1', fields: { a: 1 } },
      { location: 'line 3', fields: { a: 2 } },
    ]);
    expect(await all(file('a.json', '[{"a":1},{"a":2}]'))).toEqual([
      { location: 'record 1', fields: { a: 1 } },
      { location: 'record 2', fields: { a: 2 } },
    ]);
    expect(await all(file('data.txt', '{"a":1}\n'), { format: 'jsonl' })).toHaveLength(1);
  });

  it('locates malformed input', async () => {
    const csv = await failure(file('bad.csv', 'a,b\n1,2\n3\n'));
    expect(csv).toBeInstanceOf(InputError);
    expect(csv.message).toMatch(/bad\.csv, line 3: is not valid CSV/);
    expect((await failure(file('bad.jsonl', '{"a":1}\n{oops\n'))).message).toMatch(
      /bad\.jsonl, line 2: is not valid JSON/,
    );
    expect((await failure(file('list.jsonl', '[1]\n'))).message).toContain('one JSON object per line');
    expect((await failure(file('bad.json', '{"a":'))).message).toMatch(/bad\.json: is not valid JSON/);
    expect((await failure(file('object.json', '{"a":1}'))).message).toContain('must hold a JSON array');
    expect((await failure(file('items.json', '[1]'))).message).toBe(
      `${DIR}/items.json, record 1: must be a JSON object`,
    );
  });

  it('rejects a missing file and an unknown format', async () => {
    expect(await failure(`${DIR}/missing.csv`)).toBeInstanceOf(UsageError);
    expect(() => formatOf('data.xlsx', undefined)).toThrow(UsageError);
    expect(formatOf('data.tsv', undefined)).toBe('csv');
    expect(formatOf('data', 'NDJSON')).toBe('jsonl');
  });
});
