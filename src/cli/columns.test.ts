import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSENT, createColumn, dateNumber, Locations, lazyArray, moneyNumber } from './columns.js';

describe('compact columns', () => {
  it('stores money as a number only when the number is the same decimal', () => {
    expect(moneyNumber('249.00')).toBe(249);
    expect(moneyNumber('007.50')).toBe(7.5);
    expect(moneyNumber('0.1')).toBe(0.1);
    expect(moneyNumber(12.5)).toBe(12.5);
    for (const kept of [
      '1.0000000000000000001',
      '12345678901234567890.5',
      '0.0000001',
      '-5',
      '+5',
      '1e3',
      '.5',
      '5.',
      'x',
      '',
    ]) {
      expect(moneyNumber(kept)).toBeUndefined();
    }
  });

  it('stores money that round-trips through a double, on random decimals', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}(\.\d{1,12})?$/), (text) => {
        const number = moneyNumber(text);
        if (number === undefined) return;
        // The same decimal: equal digit by digit once leading and trailing zeros are dropped.
        const [whole = '', fraction = ''] = text.split('.');
        const canonical = `${whole.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
        expect(String(number)).toBe(canonical);
      }),
    );
  });

  it('stores the usual date forms as epoch milliseconds and keeps the others as written', () => {
    expect(dateNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(dateNumber('2024-03-15T10:20:30Z')).toBe(Date.UTC(2024, 2, 15, 10, 20, 30));
    expect(dateNumber('2024-03-15T10:20:30.123Z')).toBe(Date.UTC(2024, 2, 15, 10, 20, 30, 123));
    expect(dateNumber(1_700_000_000_000)).toBe(1_700_000_000_000);
    for (const kept of [
      '2023-02-29',
      '2024-13-01',
      '2024-03-15T24:00:00Z',
      '2024-03-15T10:60:00Z',
      '2024-03-15 10:20:30Z',
      '2024-03-15T10:20:30+01:00',
      '0999-01-01',
      '2024-3-15',
      'soon',
    ]) {
      expect(dateNumber(kept)).toBeUndefined();
    }
  });

  it('reads every stored date back to the instant it was written for', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (time) => {
        const iso = new Date(time).toISOString();
        expect(dateNumber(iso)).toBe(time);
        expect(dateNumber(`${iso.slice(0, 19)}Z`)).toBe(time - (((time % 1000) + 1000) % 1000));
        expect(dateNumber(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
      }),
    );
  });

  it('gives back every cell as stored, left-out cells as ABSENT', () => {
    const cells: unknown[] = [
      '249.00',
      ABSENT,
      undefined,
      '1.0000000000000000001',
      7,
      '2024-01-01',
      '2024-01-01T10:00:30Z',
      'x',
      '',
      'ñandú',
      '漢字',
      'y'.repeat(300),
      null,
      true,
      -0,
      2 ** 31,
      -(2 ** 31),
      1.5,
      60_000 * 2 ** 31,
    ];
    for (const kind of ['value', 'number', 'money', 'date'] as const) {
      const column = createColumn(kind);
      for (const cell of cells) column.push(cell);
      const back = cells.map((_, i) => column.get(i));
      const expected = cells.map((cell) =>
        kind === 'money' ? (moneyNumber(cell) ?? cell) : kind === 'date' ? (dateNumber(cell) ?? cell) : cell,
      );
      expect(back).toEqual(expected);
      expect(back[1]).toBe(ABSENT);
      expect(back[2]).toBeUndefined();
    }
  });

  it('stops interning a column of many distinct values without losing any', () => {
    const column = createColumn('value');
    const count = 70_000;
    const cell = (i: number) =>
      i % 3 === 0 ? 'USD' : i % 7 === 0 ? `č${i}` : i % 11 === 0 ? ABSENT : i % 13 === 0 ? i : `c${i}`;
    for (let i = 0; i < count; i++) column.push(cell(i));
    for (let i = 0; i < count; i++) if (column.get(i) !== cell(i)) expect(column.get(i)).toBe(cell(i));
  });

  it('keeps ids of one width by their characters, and any other cell in the same chunk as it was', () => {
    const column = createColumn('value');
    const id = (i: number) => `c${String(i).padStart(7, '0')}`;
    const cell = (i: number) =>
      i === 100_000 ? 'c12345678' : i === 110_000 ? ABSENT : i === 120_000 ? 'č0120000' : i === 140_000 ? 7 : id(i);
    const count = 200_000;
    for (let i = 0; i < count; i++) column.push(cell(i));
    for (let i = 0; i < count; i++) if (column.get(i) !== cell(i)) expect(column.get(i)).toBe(cell(i));
  });

  it('widens a chunk from one byte to two, four and eight as larger numbers come, keeping NaN and -0', () => {
    const column = createColumn('number');
    const cell = (i: number) =>
      i % 1000 === 7
        ? Number.NaN
        : i < 10_000
          ? (i % 255) - 127
          : i < 20_000
            ? 32_767 - (i % 3)
            : i === 25_000
              ? -0
              : i < 30_000
                ? -(2 ** 31) + 1 + (i % 5)
                : i === 40_000
                  ? 2 ** 31
                  : i;
    const count = 140_000;
    for (let i = 0; i < count; i++) column.push(cell(i));
    for (let i = 0; i < count; i++) if (!Object.is(column.get(i), cell(i))) expect(column.get(i)).toBe(cell(i));
  });

  it('keeps dates by the day until a time of day comes, then by the minute, then as they are', () => {
    const column = createColumn('date');
    const day = 86_400_000;
    const cell = (i: number) =>
      i % 999 === 5
        ? ABSENT
        : i < 20_000
          ? (i % 20_000) * day
          : i === 20_000
            ? -40_000 * day
            : i === 30_000
              ? 19_000 * day + 600_000
              : i === 40_000
                ? 19_000 * day + 1_500
                : i === 70_000
                  ? 2 ** 40 * 60_000
                  : 19_000 * day + (i % 3) * day;
    const count = 140_000;
    for (let i = 0; i < count; i++) column.push(cell(i));
    for (let i = 0; i < count; i++) if (!Object.is(column.get(i), cell(i))) expect(column.get(i)).toBe(cell(i));
  });

  it('widens a chunk of whole numbers to doubles when a fraction comes, keeping what it held', () => {
    const column = createColumn('number');
    const cells = Array.from({ length: 70_000 }, (_, i) => (i === 40_000 ? 0.5 : i === 50_000 ? -0 : i * 1000));
    for (const cell of cells) column.push(cell);
    for (let i = 0; i < cells.length; i++)
      if (!Object.is(column.get(i), cells[i])) expect(column.get(i)).toBe(cells[i]);
  });

  it('gives back blank cells of chunks that start blank, then hold numbers, text, fractions and NaN', () => {
    const column = createColumn('money');
    const cell = (i: number) =>
      i < 70_000 || i % 5 !== 0
        ? ABSENT
        : i === 140_000
          ? 'n/a'
          : i === 150_000
            ? 0.25
            : i === 160_000
              ? Number.NaN
              : i;
    const count = 200_000;
    for (let i = 0; i < count; i++) column.push(cell(i));
    for (let i = 0; i < count; i++) if (!Object.is(column.get(i), cell(i))) expect(column.get(i)).toBe(cell(i));
  });

  it('keeps locations as numbers and gives them back as written', () => {
    const locations = new Locations();
    for (const location of ['line 2', 'line 3', 'line 70000', 'somewhere']) locations.push(location);
    expect([0, 1, 2, 3, 4, -1].map((i) => locations.at(i))).toEqual([
      'line 2',
      'line 3',
      'line 70000',
      'somewhere',
      undefined,
      undefined,
    ]);
    expect(locations.length).toBe(4);
  });

  it('gives back locations across chunks of consecutive lines, gaps, and locations of another form', () => {
    const locations = new Locations();
    const location = (i: number) =>
      i === 65_536 || i === 140_000
        ? `record ${i}`
        : `line ${i + 2 + (i > 70_000 ? 5 : 0) + (i > 150_000 ? i % 3 : 0)}`;
    const count = 200_000;
    for (let i = 0; i < count; i++) locations.push(location(i));
    for (let i = 0; i < count; i++) if (locations.at(i) !== location(i)) expect(locations.at(i)).toBe(location(i));
    expect(locations.length).toBe(count);
  });

  it('builds the elements of a lazy array when they are read, and looks like an array', () => {
    let built = 0;
    const array = lazyArray(3, (i) => {
      built++;
      return { i };
    });
    expect(Array.isArray(array)).toBe(true);
    expect(array.length).toBe(3);
    expect(built).toBe(0);
    expect(array[2]).toEqual({ i: 2 });
    expect(built).toBe(1);
    expect((array as unknown as Record<string, unknown>)['01']).toBeUndefined();
    expect(array[3]).toBeUndefined();
    expect(1 in array).toBe(true);
    expect(array.map(({ i }) => i)).toEqual([0, 1, 2]);
    expect([...array]).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    // Its iterator builds each element once, in order.
    built = 0;
    const iterator = array[Symbol.iterator]();
    expect(iterator.next()).toEqual({ value: { i: 0 }, done: false });
    expect(built).toBe(1);
    expect([...array].length).toBe(3);
  });
});
