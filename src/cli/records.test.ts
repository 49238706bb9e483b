import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from './errors.js';
import { fileError, formatOf, type InputRecord, type ReadOptions, readRecords } from './records.js';

const DIR = '.cache/records-test';
mkdirSync(DIR, { recursive: true });
function file(name: string, text: string | Buffer): string {
  writeFileSync(`${DIR}/${name}`, text);
  return `${DIR}/${name}`;
}
async function all(path: string, options: ReadOptions = {}): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const record of readRecords(path, options)) out.push(record);
  return out;
}
async function failure(path: string, options: ReadOptions = {}): Promise<Error> {
  try {
    await all(path, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
/** Records as plain objects, to compare with `toEqual`. */
async function plain(path: string, options: ReadOptions = {}) {
  return (await all(path, options)).map(({ location, fields }) => ({ location, fields: { ...fields } }));
}

describe('readRecords', () => {
  it('reads CSV with its line numbers, trimming cells and skipping blank lines', async () => {
    const path = file('a.csv', '\ufeffid, score\n1, 9\n\n2,10\n');
    expect(await plain(path)).toEqual([
      { location: 'line 2', fields: { id: '1', score: '9' } },
      { location: 'line 4', fields: { id: '2', score: '10' } },
    ]);
  });

  it('reports the line a record starts on, after quoted fields holding CRLF or LF', async () => {
    const crlf = '\ufeffid,comment,score\r\n1,"first\r\nsecond\r\nthird",9\r\n\r\n2,"a\r\nb",10\r\n3,ok,7\r\n';
    expect((await all(file('crlf.csv', crlf))).map((record) => record.location)).toEqual([
      'line 2',
      'line 6',
      'line 8',
    ]);
    const lf = 'id,comment,score\n\n1,"x\ny",9\n2,z,8\n';
    expect((await all(file('lf.csv', lf))).map((record) => record.location)).toEqual(['line 3', 'line 5']);
    const bad = await failure(file('crlf-bad.csv', 'id,comment\r\n1,"a\r\nb"\r\n2,"never closed\r\n'));
    expect(bad.message).toBe(`${DIR}/crlf-bad.csv, line 4: a quoted field is never closed: add the missing quote`);
  });

  it('reads a delimiter inside a field of another delimiter, quotes inside unquoted fields and Excel rows', async () => {
    const path = file('mixed.csv', 'id,company,note\n1,Müller; Söhne\tGmbH,a 5" screen\n,,\n2,"Acme, Inc",\n,,\n\n');
    expect((await plain(path)).map((record) => record.fields)).toEqual([
      { id: '1', company: 'Müller; Söhne\tGmbH', note: 'a 5" screen' },
      { id: '2', company: 'Acme, Inc', note: '' },
    ]);
  });

  it('reads semicolon files with decimal commas, detected or asked for', async () => {
    const path = file('semi.csv', 'id;amount\n1;49,00\n2;1.234,56\n3;12\n');
    expect((await all(path)).map((record) => record.fields.amount)).toEqual(['49.00', '1234.56', '12']);
    expect((await all(path, { decimalComma: false })).map((record) => record.fields.amount)).toEqual([
      '49,00',
      '1.234,56',
      '12',
    ]);
    const given = file('given.csv', 'id|amount\n1|1.234\n');
    expect((await all(given, { decimalComma: true }))[0]?.fields.amount).toBe('1234');
    // A comma file or a given delimiter is never read with decimal commas unless asked.
    const comma = file('comma.csv', 'id,amount\n1,"49,00"\n');
    expect((await all(comma))[0]?.fields.amount).toBe('49,00');
    expect((await all(path, { delimiter: ';' }))[0]?.fields.amount).toBe('49,00');
  });

  it('reads UTF-16 exports with their byte-order mark', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tscore\r\n1\t9\r\n', 'utf16le')]);
    expect((await plain(file('utf16.txt', text))).map((record) => record.fields)).toEqual([{ id: '1', score: '9' }]);
  });

  it('reads a Windows-1252 file as such, with one warning, even when its first accent is past the first chunk', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `c${i},Acme ${i},SMB\r\n`).join('');
    const tail = Buffer.from([...'c9,Caf\xe9 \x80 M\xfcller,Entreprise \x96 PME\r\n'].map((c) => c.charCodeAt(0)));
    const path = file('windows.csv', Buffer.concat([Buffer.from(`id,name,segment\r\n${rows}`), tail]));
    expect(rows.length).toBeGreaterThan(64 * 1024);
    const warnings: string[] = [];
    const records = await all(path, { warn: (message) => warnings.push(message) });
    expect(records).toHaveLength(4001);
    expect({ ...records[4000]?.fields }).toEqual({ id: 'c9', name: 'Café € Müller', segment: 'Entreprise – PME' });
    expect(warnings).toEqual([
      `${path} is not UTF-8: read as Windows-1252, the encoding of Excel's "CSV" on Western Windows`,
    ]);
  });

  it('reads UTF-8 without a warning, and names the first line of a UTF-8 file holding bytes that are not', async () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const utf8 = await all(file('utf8.csv', 'id,name\n1,Café Müller\n2,€ 😀\n'), { warn });
    expect(utf8.map((record) => record.fields.name)).toEqual(['Café Müller', '€ 😀']);
    expect(warnings).toEqual([]);
    const stray = Buffer.concat([
      Buffer.from('id,name\n1,Café\n2,ok\n3,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n4,x\xff\n'),
    ]);
    const mixed = await all(file('mixed-utf8.csv', stray), { warn });
    expect(mixed.map((record) => record.fields.name)).toEqual(['Café', 'ok', 'Caf\ufffd', 'x\u00ff']);
    expect(warnings).toEqual([
      `${DIR}/mixed-utf8.csv, line 4: bytes that are not UTF-8 are read as '\ufffd': save the file as UTF-8`,
    ]);
  });

  it('gives records without a prototype', async () => {
    const [csv] = await all(file('proto.csv', 'id,__proto__\n1,x\n'));
    expect(Object.getPrototypeOf(csv?.fields)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(csv?.fields, '__proto__')?.value).toBe('x');
    expect(csv?.fields.constructor).toBeUndefined();
    const [json] = await all(file('proto.json', '[{"a":1,"__proto__":{"b":2}}]'));
    expect(Object.getPrototypeOf(json?.fields)).toBeNull();
    expect(Object.keys(json?.fields ?? {})).toEqual(['a', '__proto__']);
    const [line] = await all(file('proto.jsonl', '{"a":1}\n'));
    expect(line?.fields.toString).toBeUndefined();
  });

  it('refuses a repeated column name, naming it', async () => {
    const error = await failure(file('twice.csv', 'id,score,id\n1,9,2\n'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`${DIR}/twice.csv has the column 'id' twice (columns 1 and 3): rename one`);
  });

  it('reads JSON Lines and JSON arrays', async () => {
    expect(await plain(file('a.jsonl', '\ufeff{"a":1}\r\n\n{"a":2}'))).toEqual([
      { location: 'line 1', fields: { a: 1 } },
      { location: 'line 3', fields: { a: 2 } },
    ]);
    expect(await plain(file('a.json', '[{"a":1},{"a":2}]'))).toEqual([
      { location: 'record 1', fields: { a: 1 } },
      { location: 'record 2', fields: { a: 2 } },
    ]);
    expect(await all(file('data.txt', '{"a":1}\n'), { format: 'jsonl' })).toHaveLength(1);
  });

  it('locates malformed input', async () => {
    const csv = await failure(file('bad.csv', 'a,b\n1,2\n3\n'));
    expect(csv).toBeInstanceOf(InputError);
    expect(csv.message).toBe(
      `${DIR}/bad.csv, line 3: has 1 field where the header has 2: a field holding the delimiter ',' must be quoted ("…"), or give --delimiter`,
    );
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

  it('turns a missing file, a folder and an unreadable file into one line', async () => {
    for (const format of ['csv', 'json', 'jsonl']) {
      const missing = await failure(`${DIR}/missing.${format}`);
      expect(missing).toBeInstanceOf(UsageError);
      expect(missing.message).toBe(`cannot read ${DIR}/missing.${format}: no such file`);
      const folder = await failure(DIR, { format });
      expect(folder).toBeInstanceOf(UsageError);
      expect(folder.message).toBe(`cannot read ${DIR}: it is a folder; give the path of a file`);
    }
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(fileError('x.csv', denied).message).toBe('cannot read x.csv: permission denied');
    const full = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    expect(fileError('x.csv', full).message).toBe('cannot read x.csv: EIO: i/o error, read');
    const other = new Error('other');
    expect(fileError('x.csv', other)).toBe(other);
  });

  it('rejects an unknown format', () => {
    expect(() => formatOf('data.xlsx', undefined)).toThrow(UsageError);
    expect(formatOf('data.tsv', undefined)).toBe('csv');
    expect(formatOf('data', 'NDJSON')).toBe('jsonl');
  });

  it('reads back any table written with any delimiter and line ending, with the line each record starts on', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', 'é') });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc
          .integer({ min: 2, max: 4 })
          .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }))),
        async (delimiter, newline, rows) => {
          const width = rows[0]?.length ?? 2;
          const quote = (text: string) =>
            /[,;\t|"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const text = `${[header, ...rows].map((row) => row.map(quote).join(delimiter)).join(newline)}${newline}`;
          const path = file(`property-${run++ % 4}.csv`, text);
          const expected: { location: string; fields: Record<string, string> }[] = [];
          let line = 2;
          for (const row of rows) {
            if (row.some((value) => value !== '')) {
              expected.push({ location: `line ${line}`, fields: Object.fromEntries(row.map((v, i) => [`c${i}`, v])) });
            }
            line += 1 + row.join('').split(/\r\n|\n/).length - 1;
          }
          expect(await plain(path, { decimalComma: false })).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
