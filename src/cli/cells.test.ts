import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValue, decimalCommaCell, delimiterOption, hasDecimalCommas, sniffDelimiter } from './cells.js';
import { UsageError } from './errors.js';

describe('sniffDelimiter', () => {
  it('finds the one delimiter that splits the header and the lines alike', () => {
    expect(sniffDelimiter('id,comment\n1,fine; thanks\n2,ok\n', true)).toBe(',');
    expect(sniffDelimiter('id;amount\n1;49,00\n2;1.234,56\n', true)).toBe(';');
    expect(sniffDelimiter('id\tname\n1\tAcme, Inc; Ltd\n', true)).toBe('\t');
    expect(sniffDelimiter('id|name\n1|a,b\n', true)).toBe('|');
  });

  it('respects quotes, in the header and in the lines', () => {
    expect(sniffDelimiter('"a;b",c\n"x;y;z",1\n', true)).toBe(',');
    expect(sniffDelimiter('id;note\n1;"a, b, c"\n2;"multi\nline, text"\n', true)).toBe(';');
  });

  it("prefers the header's most frequent candidate when several agree", () => {
    expect(sniffDelimiter('a,b,c;d\n1,2,3;4\n', true)).toBe(',');
    expect(sniffDelimiter('a;b;c,d\n1;2;3,4\n', true)).toBe(';');
  });

  it('ignores a last line cut off by the sample, and falls back to a comma for one column', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4,5;6', false)).toBe(';');
    expect(sniffDelimiter('score\n9\n10\n', true)).toBe(',');
    expect(sniffDelimiter('a;b\n1\n', true)).toBe(';');
    expect(sniffDelimiter('', true)).toBe(',');
  });

  it('reads back any table written with any delimiter, fields quoted as needed', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '.') });
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }))),
        (delimiter, rows) => {
          const width = rows[0]?.length ?? 2;
          const quote = (text: string) =>
            /[,;\t|"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const text = [header, ...rows].map((row) => row.map(quote).join(delimiter)).join('\n');
          expect(sniffDelimiter(text, true)).toBe(delimiter);
        },
      ),
    );
  });
});

describe('delimiterOption', () => {
  it('takes one character or a name', () => {
    expect(delimiterOption(undefined)).toBeUndefined();
    expect(delimiterOption(';')).toBe(';');
    expect(delimiterOption('\\t')).toBe('\t');
    expect(delimiterOption('TAB')).toBe('\t');
    expect(delimiterOption('pipe')).toBe('|');
  });

  it('refuses an empty value, a quote, a line break and several characters', () => {
    for (const bad of ['', '"', '\n', '\r', ',;', 'constructor']) {
      expect(() => delimiterOption(bad)).toThrow(UsageError);
    }
    expect(() => delimiterOption('')).toThrow(
      "--delimiter must be one character other than a quote or a line break (or tab), not ''",
    );
  });
});

describe('decimal commas', () => {
  it('turns numbers written with a decimal comma into exact decimal text', () => {
    expect(decimalCommaCell('49,00')).toBe('49.00');
    expect(decimalCommaCell('1.234,56')).toBe('1234.56');
    expect(decimalCommaCell('-1 234 567,891')).toBe('-1234567.891');
    expect(decimalCommaCell('1.234')).toBe('1234');
    expect(decimalCommaCell('12345678901234567890,01')).toBe('12345678901234567890.01');
  });

  it('leaves every other cell as written', () => {
    for (const cell of ['c0001', '7.36', '2024-01-05', '24.12.2024', '1,2,3', '', '12', 'Acme, Inc', '1.23,4.5']) {
      expect(decimalCommaCell(cell)).toBe(cell);
    }
  });

  it('is detected only when the sampled cells leave no doubt', () => {
    expect(hasDecimalCommas('id;amount\n1;49,00\n2;12\n', ';', true)).toBe(true);
    expect(hasDecimalCommas('id;amount\n1;49,00\n2;7.36\n', ';', true)).toBe(false);
    expect(hasDecimalCommas('id;amount\n1;1,234\n', ';', true)).toBe(false);
    expect(hasDecimalCommas('id;amount\n1;12\n', ';', true)).toBe(false);
  });
});

describe('cellValue', () => {
  it('reads numeric cells as numbers and leaves the rest', () => {
    expect(cellValue(' 9 ')).toBe(9);
    expect(cellValue('.5')).toBe(0.5);
    expect(cellValue('nine')).toBe('nine');
    expect(cellValue(7)).toBe(7);
  });
});
