import { describe, expect, it } from 'vitest';
import { type Column, cell, type Output, render } from './output.js';
import { minorUnit, plainNumber, roundMoney } from './output/money.js';
import { TEXT_WIDTH, truncate } from './output/table.js';

const output = {
  json: { nps: 30 },
  tables: [
    {
      title: 'Scores',
      columns: [
        { name: 'name' },
        { name: 'share', kind: 'percent' as const },
        { name: 'money', kind: 'money' as const },
      ],
      rows: [
        ['a, "b"', 0.1234, 1234.5],
        ['c', null, 2],
      ],
    },
  ],
  notes: ['A note.'],
};

describe('render', () => {
  it('aligns a table, right-aligning numbers and showing missing values as a dash', () => {
    expect(render(output, 'table')).toBe(
      [
        'Scores',
        'name     share     money',
        '──────  ──────  ────────',
        'a, "b"  12.3 %  1,234.50',
        'c            —      2.00',
        '',
        'A note.',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV, quoting where needed, with money in its minor unit', () => {
    expect(render(output, 'csv')).toBe('name,share,money\n"a, ""b""",0.1234,1234.50\nc,,2.00\n');
  });

  it('writes the full result as JSON', () => {
    expect(render(output, 'json')).toBe('{\n  "nps": 30\n}\n');
  });

  it('shows a cell in its own kind in a key/value table, and its raw value in CSV', () => {
    const kv = {
      json: {},
      tables: [
        {
          columns: [{ name: 'measure' }, { name: 'value' }],
          rows: [
            ['rate', cell(0.5, 'percent')],
            ['count', cell(12345, 'integer')],
            ['mean', cell(1.23456, 'number')],
            ['label', cell('x', 'text')],
            ['object', { a: 1 }],
          ],
        },
      ],
    };
    const table = render(kv, 'table');
    expect(table.split('\n')).toEqual([
      'measure    value',
      '───────  ───────',
      'rate      50.0 %',
      'count     12,345',
      'mean        1.23',
      'label          x',
      'object   {"a":1}',
      '',
    ]);
    expect(render(kv, 'csv')).toBe('measure,value\nrate,0.5\ncount,12345\nmean,1.23456\nlabel,x\nobject,"{""a"":1}"\n');
  });
});

const table = (columns: Column[], rows: unknown[][]): Output => ({ json: {}, tables: [{ columns, rows }] });

describe('money', () => {
  it('keeps the minor unit of each currency, rounding decimally', () => {
    expect(minorUnit('JPY')).toBe(0);
    expect(minorUnit('USD')).toBe(2);
    expect(minorUnit('BHD')).toBe(3);
    expect(minorUnit('KWD')).toBe(3);
    expect(minorUnit(undefined)).toBe(2);
    expect(minorUnit('not a code')).toBe(2);
    // 1.005 is stored as 1.00499999999999989…: a binary toFixed gives 1.00.
    expect(roundMoney(1.005, 'USD', 'half-up')).toBe('1.01');
    expect(roundMoney(1.005, 'USD', 'half-even')).toBe('1.00');
    expect(roundMoney(1.015, 'USD', 'half-even')).toBe('1.02');
    expect(roundMoney(2.5, 'JPY', 'half-even')).toBe('2');
    expect(roundMoney(2.5, 'JPY', 'half-up')).toBe('3');
    expect(roundMoney(-2.5, 'JPY', 'half-up')).toBe('-3');
    expect(roundMoney(1.0005, 'BHD', 'half-up')).toBe('1.001');
    expect(roundMoney(-0.001, 'USD', 'half-even')).toBe('0.00');
    expect(plainNumber(0.1 + 0.2)).toBe(0.3);
    expect(plainNumber(2 ** 60)).toBe(2 ** 60);
  });

  it('shows the currency in the header and rounds to its minor unit in every view', () => {
    const output: Output = {
      json: [{ month: '2024-01', mrr: 2080.1022693333334, customers: 3, share: 0.30000000000000004 }],
      money: [{ currency: 'USD', fields: ['mrr'] }],
      tables: [
        {
          columns: [
            { name: 'month' },
            { name: 'MRR', kind: 'money', currency: 'USD' },
            { name: 'yen', kind: 'money', currency: 'JPY' },
          ],
          rows: [['2024-01', 2080.1022693333334, 1234.5]],
        },
      ],
    };
    expect(render(output, 'table').split('\n')).toEqual([
      'month    MRR (USD)  yen (JPY)',
      '───────  ─────────  ─────────',
      '2024-01   2,080.10      1,234',
      '',
    ]);
    expect(render(output, 'table', 'half-up')).toContain('1,235');
    expect(render(output, 'csv')).toBe('month,MRR (USD),yen (JPY)\n2024-01,2080.10,1234\n');
    expect(JSON.parse(render(output, 'json'))).toEqual([
      { month: '2024-01', mrr: 2080.1, customers: 3, share: 0.3, currency: 'USD' },
    ]);
    expect(render(output, 'json')).not.toContain('0000');
  });

  it('names the currency of a money cell in its row label', () => {
    const output = table(
      [{ name: 'measure' }, { name: 'value' }],
      [
        ['ARR', cell(12_345.675, 'money', 'EUR')],
        ['churn', cell(0.05, 'percent')],
      ],
    );
    expect(render(output, 'table')).toContain('ARR (EUR)  12,345.68');
    expect(render(output, 'csv')).toBe('measure,value\nARR (EUR),12345.68\nchurn,0.05\n');
  });

  it('rounds money fields named by a path in JSON, and states their currency beside them', () => {
    const json = { fit: { alpha: 1 / 3 }, lifetimeValue: { arpa: 210, simple: 1.005, margin: 0.7 }, simple: 1.005 };
    const text = render({ json, tables: [], money: [{ currency: 'BHD', fields: ['lifetimeValue.simple'] }] }, 'json');
    expect(JSON.parse(text)).toEqual({
      fit: { alpha: 0.333333333333333 },
      lifetimeValue: { arpa: 210, simple: 1.005, margin: 0.7, currency: 'BHD' },
      simple: 1.005,
    });
    const cents = render(
      { json, tables: [], money: [{ currency: 'USD', fields: ['lifetimeValue.simple'] }] },
      'json',
      'half-up',
    );
    expect(JSON.parse(cents).lifetimeValue.simple).toBe(1.01);
  });
});

describe('CSV injection', () => {
  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const output = table(
      [{ name: 'id' }, { name: 'amount', kind: 'number' }],
      [
        ["=cmd|' /C calc'!A0", -5],
        ['+1', 1],
        ['-x', 2],
        ['@SUM(A1)', 3],
        ['\tx', 4],
        ['plain', cell(-5, 'integer')],
      ],
    );
    expect(render(output, 'csv').split('\n')).toEqual([
      'id,amount',
      "'=cmd|' /C calc'!A0,-5",
      "'+1,1",
      "'-x,2",
      "'@SUM(A1),3",
      "'\tx,4",
      'plain,-5',
      '',
    ]);
  });
});

describe('table view', () => {
  it('cuts long text at the column width, counting wide and combining characters', () => {
    const long = 'x'.repeat(100);
    const output = table(
      [{ name: 'name' }, { name: 'n', kind: 'integer' }],
      [
        [long, 1],
        ['日本語の会社', 2],
        ['e\u0301', 3],
      ],
    );
    const lines = render(output, 'table').split('\n');
    expect(lines[2]).toBe(`${'x'.repeat(TEXT_WIDTH - 1)}…  1`);
    expect(lines[3]).toBe(`日本語の会社${' '.repeat(TEXT_WIDTH - 12)}  2`);
    expect(lines[4]).toBe(`e\u0301${' '.repeat(TEXT_WIDTH - 1)}  3`);
    expect(truncate('日本語の会社', 5)).toBe('日本…');
    expect(render(output, 'csv')).toContain(long);
  });
});
