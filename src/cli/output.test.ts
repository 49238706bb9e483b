import { describe, expect, it } from 'vitest';
import { cell, render } from './output.js';

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

  it('writes raw values as CSV, quoting where needed', () => {
    expect(render(output, 'csv')).toBe('name,share,money\n"a, ""b""",0.1234,1234.5\nc,,2\n');
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
