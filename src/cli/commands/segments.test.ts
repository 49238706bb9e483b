import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetricError } from '../../index.js';
import type { CommandContext } from '../command.js';
import { InputError, UsageError } from '../errors.js';
import {
  loadSegmentRecords,
  locateSegmented,
  missingSegmentProblem,
  segmentColumn,
  segmentLines,
  segmentOptions,
  segmentOrder,
} from './segments.js';

const context = (values: CommandContext['values']): CommandContext => ({
  values,
  positionals: [],
  progress: undefined,
});

describe('segments of the command line', () => {
  it('reads --by COLUMN and --missing-segment, with the flag as written', () => {
    expect(segmentColumn(context({ by: ['quarter'] }))).toBeUndefined();
    expect(segmentColumn(context({ by: ['plan', 'quarter'] }))).toEqual({
      column: 'plan',
      flag: '--by plan',
      group: false,
    });
    const month = segmentColumn(context({ by: ['column:month'], 'missing-segment': 'group' }));
    expect(month).toEqual({ column: 'month', flag: '--by column:month', group: true });
    expect(segmentOptions(month ?? { column: '', flag: '', group: false })).toEqual({
      segmentBy: 'month',
      missingSegment: 'group',
    });
    expect(() => segmentColumn(context({ 'missing-segment': 'group' }))).toThrow(UsageError);
    expect(() => segmentColumn(context({ by: ['plan'], 'missing-segment': 'skip' }))).toThrow(
      "--missing-segment must be one of error, group, not 'skip'",
    );
  });

  it('orders segments as the library does: by code units, (none) last', () => {
    expect(segmentOrder(['pro', '(none)', 'Basic', 'basic', 'Ölbaum'])).toEqual([
      'Basic',
      'basic',
      'pro',
      'Ölbaum',
      '(none)',
    ]);
  });

  it('prints the total first, then the segments, marking the small ones and leaving no result blank', () => {
    const table = segmentLines(
      'Churn by plan',
      { column: 'plan', flag: '--by plan', group: false },
      'customers',
      { size: 10, result: { rate: 0.1 } },
      [
        { segment: 'basic', size: 8, result: { rate: 0.125 }, smallSample: false },
        { segment: 'pro', size: 2, result: null, smallSample: true },
      ],
      [{ column: { name: 'churn rate', kind: 'percent' }, value: (result) => result.rate }],
    );
    expect(table.columns.map((column) => column.name)).toEqual(['plan', 'customers', 'churn rate', 'small sample']);
    expect(table.rows).toEqual([
      ['(all)', 10, 0.1, ''],
      ['basic', 8, 0.125, ''],
      ['pro', 2, null, '*'],
    ]);
  });

  it('words a missing column and a blank segment cell with the flags that fix them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-metrics-segment-unit-'));
    const file = join(dir, 'customers.csv');
    writeFileSync(file, 'id,start,plan\na,2024-01-01,pro\nb,2024-01-02,\n');
    const segment = { column: 'region', flag: '--by region', group: false };
    const specs = { id: { column: 'id', required: true } } as const;
    await expect(loadSegmentRecords(context({}), file, specs, segment)).rejects.toThrow(
      `${file} has no column 'region' for --by region (its columns: id, start, plan): --by takes month, quarter, year or a column's name`,
    );
    const plan = { column: 'plan', flag: '--by plan', group: false };
    const loaded = await loadSegmentRecords<{ id: string }>(context({}), file, specs, plan);
    expect(loaded.records[0]).toEqual({ id: 'a', attributes: { plan: 'pro' } });
    const error = new MetricError('customerChurn', 'INVALID_INPUT', [
      { code: 'custom', path: ['customers', 1, 'attributes', 'plan'], reason: 'is missing', message: 'is missing' },
    ]);
    let thrown: unknown;
    try {
      locateSegmented(loaded, plan, 'customer', () => {
        throw error;
      });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toBe(
      `${file}, line 3, column plan: ${missingSegmentProblem(plan, 'customer')}`,
    );
    expect(missingSegmentProblem(plan, 'customer')).toBe(
      'plan is blank: --by plan needs a value on every customer; add --missing-segment group to count such customers in (none)',
    );
  });
});
