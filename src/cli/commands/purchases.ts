// purchases: "buy till you die" models of customers who buy without a contract, from raw transactions: the
// purchase-count fit, the spend fit, the customers most likely to have lapsed and the value of the base.
import {
  expectedPurchases,
  fitBetaGeometricNbd,
  fitGammaGamma,
  fitParetoNbd,
  type PurchaseTransaction,
  predictCustomerValue,
  probabilityAlive,
  type SummarizePurchasesResult,
  summarizePurchases,
} from '../../purchases/index.js';
import { isMetricError } from '../../index.js';
import {
  type Command,
  choiceOption,
  FILE_OPTIONS,
  type FieldSpecs,
  inputFile,
  type LoadedRecords,
  loadRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { epochOf } from '../dates.js';
import { InputError, UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';

const FIELDS: FieldSpecs<PurchaseTransaction> = {
  customerId: { column: 'customerId', required: true },
  at: { column: 'at', kind: 'date', required: true },
  amount: { column: 'amount', kind: 'money' },
};

const UNITS = ['day', 'week', 'month'] as const;
const MODELS = ['bg-nbd', 'pareto-nbd'] as const;
/** Units in a month of 365/12 days, the library's month. */
const PER_MONTH: Readonly<Record<(typeof UNITS)[number], number>> = { day: 365 / 12, week: 365 / 12 / 7, month: 1 };

/** The fitted purchase-count model's parameters, as printed. */
function parameters(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} ${value.toFixed(3)}`)
    .join(', ');
}

function wholeOption(context: Parameters<Command['run']>[0], name: string, fallback: number): number {
  const value = numberOption(context, name) ?? fallback;
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not ${value}`);
  return value;
}

/**
 * Each customer's summary up to --as-of, the library's errors worded for the command line: a purchase after
 * --as-of is a row of the file, and a file without any customer observed before --as-of is said so.
 */
function summarize(
  file: string,
  loaded: LoadedRecords<PurchaseTransaction>,
  asOf: string,
  unit: (typeof UNITS)[number],
): SummarizePurchasesResult['customers'] {
  const transactions = loaded.records;
  try {
    return locate(file, loaded.locations, loaded.columns, () => summarizePurchases({ transactions }, { asOf, unit }))
      .customers;
  } catch (error) {
    if (error instanceof InputError && error.problem.includes('holdoutEnd')) {
      const customer = /customer (".*?")/.exec(error.problem)?.[1] ?? '';
      throw new InputError(
        file,
        error.location,
        error.column,
        `a purchase of customer ${customer} is after --as-of ${asOf}: choose a later --as-of, or leave later purchases out (--where, or cut the file)`,
      );
    }
    if (isMetricError(error) && error.code === 'NO_DATA') {
      throw new UsageError(`${file} has no customer whose first purchase is before --as-of ${asOf}`);
    }
    throw error;
  }
}

export const purchases: Command = {
  name: 'purchases',
  summary: 'purchase models without a contract (BG/NBD, Pareto/NBD, Gamma-Gamma): lapsed customers, value of the base',
  usage:
    'cs-metrics purchases <transactions file> --as-of 2024-12-31 [--unit week] [--model bg-nbd|pareto-nbd] [--months 12] [--discount-rate 0.01] [--top 10]',
  description:
    "Reads transactions (customerId, at, amount), summarises each customer's purchases up to --as-of (repeat purchases, recency and age in --unit; the purchases of one day count as one), fits a BG/NBD model (or Pareto/NBD with --model pareto-nbd) and, when the file has amounts, a Gamma-Gamma model of the repeat buyers' mean spend. It lists the customers with repeat purchases most likely to have lapsed (lowest probability of being alive) and the purchases and discounted value the base is expected to bring over --months, at --discount-rate a month. A transaction after --as-of is an error: cut the file, or choose a later date.",
  options: {
    'as-of': { type: 'string', value: 'date', description: 'the end of observation (required)' },
    unit: { type: 'string', value: 'day|week|month', default: 'week', description: 'time unit of the model' },
    model: { type: 'string', value: 'bg-nbd|pareto-nbd', default: 'bg-nbd', description: 'purchase-count model' },
    months: { type: 'string', value: 'n', default: '12', description: 'horizon of the predictions, in months' },
    'discount-rate': { type: 'string', value: 'rate', default: '0.01', description: 'monthly discount rate' },
    top: { type: 'string', value: 'n', default: '10', description: 'customers listed as most likely lapsed' },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { asOf: '--as-of', unit: '--unit', months: '--months', discountRate: '--discount-rate' },
  examples: [
    'cs-metrics purchases examples/data/transactions.csv --as-of 2024-12-31',
    'cs-metrics purchases orders.csv --as-of 2024-06-30 --model pareto-nbd --months 24 --json',
    'cs-metrics purchases orders.csv --as-of 2024-06-30 --map customerId=account_id --map at=ordered_at',
  ],
  async run(context) {
    const file = inputFile(context);
    const asOf = stringOption(context, 'as-of');
    if (asOf === undefined) throw new UsageError('--as-of is required: the end of observation, such as 2024-12-31');
    if (Number.isNaN(epochOf(asOf))) throw new UsageError(`--as-of must be a date such as 2024-12-31, not '${asOf}'`);
    const unit = choiceOption(context, 'unit', UNITS) ?? 'week';
    const model = choiceOption(context, 'model', MODELS) ?? 'bg-nbd';
    const months = wholeOption(context, 'months', 12);
    const top = wholeOption(context, 'top', 10);
    const discountRate = numberOption(context, 'discount-rate') ?? 0.01;
    if (discountRate < 0) throw new UsageError('--discount-rate must not be negative');

    const loaded = await loadRecords<PurchaseTransaction>(context, file, FIELDS);
    if (loaded.length === 0) throw new UsageError(`${file} has no transactions`);
    const customers = summarize(file, loaded, asOf, unit);
    const repeat: number[] = [];
    for (let i = 0; i < customers.length; i++) if ((customers[i]?.frequency ?? 0) > 0) repeat.push(i);
    if (repeat.length === 0) {
      throw new UsageError(
        `no customer of ${file} has a repeat purchase (a second day with a purchase) up to --as-of ${asOf}: the models cannot be fitted`,
      );
    }
    const fit = model === 'pareto-nbd' ? fitParetoNbd({ customers }) : fitBetaGeometricNbd({ customers });
    const fitted =
      fit.model === 'pareto-nbd'
        ? { r: fit.r, α: fit.alpha, s: fit.s, β: fit.beta }
        : { r: fit.r, α: fit.alpha, a: fit.a, b: fit.b };
    const hasAmounts = customers.length > 0 && customers[0]?.monetaryValue !== undefined;
    const spend = hasAmounts ? fitGammaGamma({ customers }) : undefined;

    const periods = months * PER_MONTH[unit];
    const alive = probabilityAlive({ model: fit, customers });
    const expected = expectedPurchases({ model: fit, periods, customers });
    let basePurchases = 0;
    for (const value of expected) basePurchases += value;
    // The value of a customer without repeat purchases is infinite unless q > 1.
    const valued = spend?.converged === true && spend.q > 1;
    const value = valued
      ? predictCustomerValue({ purchaseModel: fit, valueModel: spend, customers, months, discountRate }, { unit })
      : undefined;

    repeat.sort((i, j) => (alive[i] as number) - (alive[j] as number) || i - j);
    const lapsed = repeat.slice(0, top).map((i) => {
      const customer = customers[i] as (typeof customers)[number];
      return {
        customerId: customer.customerId,
        frequency: customer.frequency,
        sinceLastPurchase: customer.age - customer.recency,
        probabilityAlive: alive[i] as number,
        expectedPurchases: expected[i] as number,
      };
    });

    const warnings: string[] = [];
    const label = model === 'pareto-nbd' ? 'Pareto/NBD' : 'BG/NBD';
    if (!fit.converged)
      warnings.push(`the ${label} fit did not converge: its parameters and predictions are uncertain`);
    if (spend !== undefined && !valued) {
      warnings.push(
        spend.converged
          ? `the Gamma-Gamma fit has q ${spend.q.toFixed(3)} ≤ 1: the expected spend of a customer without repeat purchases is infinite, so the value of the base is not computed`
          : 'the Gamma-Gamma fit did not converge: the value of the base is not computed',
      );
    }

    const rows: unknown[][] = [
      ['transactions', cell(loaded.length, 'integer')],
      ['customers (first purchase before --as-of)', cell(customers.length, 'integer')],
      ['customers with repeat purchases', cell(repeat.length, 'integer')],
      [`${label} fit (${unit}s)`, `${parameters(fitted)}${fit.converged ? '' : ' (did not converge)'}`],
      [`${label} log-likelihood`, cell(fit.logLikelihood, 'number')],
    ];
    if (spend !== undefined) {
      rows.push(
        [
          `Gamma-Gamma spend fit (${spend.customers} repeat buyers)`,
          `${parameters({ p: spend.p, q: spend.q, v: spend.v })}${spend.converged ? '' : ' (did not converge)'}`,
        ],
        [
          'correlation of frequency and spend (the model assumes none)',
          spend.frequencyValueCorrelation === null ? null : cell(spend.frequencyValueCorrelation, 'number'),
        ],
      );
    }
    rows.push([`expected purchases of the base, next ${months} months`, cell(basePurchases, 'number')]);
    if (value !== undefined) {
      rows.push([
        `expected value of the base, next ${months} months (${discountRate * 100} % a month)`,
        cell(value.total, 'money'),
      ]);
    }
    const tables: Table[] = [
      { title: `Purchases — ${file}, as of ${asOf}`, columns: [{ name: 'measure' }, { name: 'value' }], rows },
      {
        title: `Customers most likely to have lapsed (of those with repeat purchases)`,
        columns: [
          { name: 'customer' },
          { name: 'repeat purchases', kind: 'integer' },
          { name: `${unit}s since last purchase`, kind: 'number' },
          { name: 'P(alive)', kind: 'percent' },
          { name: `expected purchases, next ${months} months`, kind: 'number' },
        ],
        rows: lapsed.map((c) => [
          c.customerId,
          c.frequency,
          c.sinceLastPurchase,
          c.probabilityAlive,
          c.expectedPurchases,
        ]),
      },
    ];
    const json = {
      asOf,
      unit,
      transactions: loaded.length,
      customers: customers.length,
      repeatCustomers: repeat.length,
      fit,
      spendFit: spend ?? null,
      lapsed,
      base: {
        months,
        discountRate,
        expectedPurchases: basePurchases,
        value: value === undefined ? null : value.total,
      },
    };
    return { json, tables, warnings, money: [{ currency: undefined, fields: ['base.value'] }] } satisfies Output;
  },
};
