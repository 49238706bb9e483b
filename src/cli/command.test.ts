import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentKeyReader } from '../internal/segments.js';
import { tallyScores } from '../survey/tallyScores.js';
import {
  type CommandContext,
  cellValue,
  choiceOption,
  type FieldSpecs,
  inputFile,
  loadRecords,
  locate,
  numberOption,
  stringOption,
  whereFilters,
} from './command.js';
import { InputError, UsageError } from './errors.js';

const context = (values: CommandContext['values'], positionals: string[] = []): CommandContext => ({
  values,
  positionals,
  progress: undefined,
});

describe('command helpers', () => {
  it('reads numeric cells as numbers and leaves the rest to the library', () => {
    expect(cellValue(' 9 ')).toBe(9);
    expect(cellValue('-1.50')).toBe(-1.5);
    expect(cellValue('.5')).toBe(0.5);
    expect(cellValue('nine')).toBe('nine');
    expect(cellValue('1e3')).toBe('1e3');
    expect(cellValue(7)).toBe(7);
  });

  it('reads options and positionals', () => {
    expect(stringOption(context({ a: 'x' }), 'a')).toBe('x');
    expect(stringOption(context({}), 'a', 'd')).toBe('d');
    expect(numberOption(context({ n: '0.9' }), 'n')).toBe(0.9);
    expect(numberOption(context({}), 'n')).toBeUndefined();
    expect(() => numberOption(context({ n: ' ' }), 'n')).toThrow(UsageError);
    expect(inputFile(context({}, ['a.csv']))).toBe('a.csv');
    expect(() => inputFile(context({}))).toThrow('an input file is required');
    expect(() => inputFile(context({}, ['a', 'b']))).toThrow('one input file is expected, not 2');
  });

  it('reads an option with a fixed set of values', () => {
    expect(choiceOption(context({ p: 'week' }), 'p', ['month', 'week'])).toBe('week');
    expect(choiceOption(context({}), 'p', ['month', 'week'])).toBeUndefined();
    expect(() => choiceOption(context({ p: 'year' }), 'p', ['month', 'week'])).toThrow(
      "--p must be one of month, week, not 'year'",
    );
  });

  it('parses --where filters', () => {
    expect(whereFilters(context({ where: ['survey=nps', 'tier=a=b'] }))).toEqual([
      ['survey', 'nps'],
      ['tier', 'a=b'],
    ]);
    expect(whereFilters(context({ where: 'x=1' }))).toEqual([['x', '1']]);
    expect(() => whereFilters(context({ where: ['=1'] }))).toThrow(UsageError);
  });

  it('turns an error about element i into its file, location and column', () => {
    let error: unknown;
    try {
      locate('a.csv', ['line 2', 'line 3'], { '': 'score' }, () => tallyScores([9, 11], { min: 0, max: 10 }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('a.csv, line 3, column score: score must be at most 10');
    // Errors that are not about an element pass through.
    expect(() => locate('a.csv', [], {}, () => tallyScores([9], { min: 3, max: 1 }))).toThrow('tallyScores: scale.max');
    expect(() =>
      locate('a.csv', [], {}, () => {
        throw new TypeError('x');
      }),
    ).toThrow(TypeError);
  });
});

describe('segment columns', () => {
  it('reads the --by column into each record’s attributes, leaving a blank cell out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segments-'));
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'id,start,plan\na,2024-01-01,pro\nb,2024-02-01,\n');
    const specs: FieldSpecs<{ id: string; start: string }> = {
      id: { column: 'id', required: true },
      start: { column: 'start', required: true },
    };
    const loaded = await loadRecords(context({}), file, specs, undefined, ['plan']);
    expect(loaded.record(0)).toEqual({ id: 'a', start: '2024-01-01', attributes: { plan: 'pro' } });
    expect(loaded.record(1)).toEqual({ id: 'b', start: '2024-02-01', attributes: {} });
    expect(loaded.record(0, new Set(['attributes']))).toEqual({ id: 'a', start: '2024-01-01' });
    const plain = await loadRecords(context({}), file, specs);
    expect(plain.record(0)).toEqual({ id: 'a', start: '2024-01-01' });
    // The column must exist.
    await expect(loadRecords(context({}), file, specs, undefined, ['region'])).rejects.toThrow(
      "has no column 'region' (its columns: id, start, plan)",
    );
    // A record without the attribute is reported at the attribute's column.
    const key = segmentKeyReader('m', 'customers', 'plan');
    expect(() =>
      locate(file, loaded.locations, loaded.columns, () => [0, 1].map((i) => key(loaded.record(i), i))),
    ).toThrow(`${file}, line 3, column plan: plan is missing`);
  });
});
