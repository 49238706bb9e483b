// The options the revenue commands share: the target currency and its exchange rates (a JSON object, a table
// of dated rates, or rates one by one), the MRR policies, and how an amount is written in a note.
import { isMetricError } from '../../index.js';
import type { ExchangeRates } from '../../revenue/index.js';
import { type CommandContext, choiceOption, type LoadedRecords, numberOption, stringOption } from '../command.js';
import { InputError, UsageError } from '../errors.js';
import { DEFAULT_ROUNDING, ROUNDINGS } from '../output.js';
import { roundMoney } from '../output/money.js';
import { ratesFormat, readDatedRates, readRatesObject } from '../rates.js';

/** The target currency and the rates to it, and whether any of them is dated. */
export interface CurrencyOptions {
  readonly currency?: string;
  readonly exchangeRates?: ExchangeRates;
  /** The rates file when it is a table of dated rates. */
  readonly datedRates?: string;
}

/**
 * The target currency and exchange rates from `--rates` (a `.json` object, or a `currency,from,rate` table of
 * dated rates, whose target currency is `--currency`), or `--currency` and `--rate`.
 */
export async function currencyOptions(context: CommandContext): Promise<CurrencyOptions> {
  const file = stringOption(context, 'rates');
  let currency = stringOption(context, 'currency');
  let exchangeRates: Record<string, string | readonly { from: string; rate: string }[]> | undefined;
  let datedRates: string | undefined;
  if (file !== undefined && ratesFormat(file) === 'table') {
    if (currency === undefined) {
      throw new UsageError(
        `--rates ${file} holds dated rates without a target currency: give it with --currency, such as --currency USD`,
      );
    }
    exchangeRates = await readDatedRates(file);
    datedRates = file;
  } else if (file !== undefined) {
    const rates = readRatesObject(file);
    exchangeRates = { ...(rates.exchangeRates as Record<string, string>) };
    currency ??= rates.currency;
  }
  const raw = context.values.rate;
  for (const text of Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []) {
    const [code, rate] = text.split('=');
    if (!code || rate === undefined) throw new UsageError(`--rate must be CODE=rate, such as EUR=1.08, not '${text}'`);
    exchangeRates = { ...exchangeRates, [code]: rate };
  }
  return {
    ...(currency === undefined ? {} : { currency }),
    ...(exchangeRates === undefined ? {} : { exchangeRates: exchangeRates as ExchangeRates }),
    ...(datedRates === undefined ? {} : { datedRates }),
  };
}

export const REVENUE_OPTIONS = {
  currency: {
    type: 'string',
    value: 'code',
    description: 'currency of the results (ISO 4217); required with a table of dated rates',
  },
  rates: {
    type: 'string',
    value: 'file',
    description:
      'exchange rates: a .json object { "currency": "USD", "exchangeRates": { "EUR": "1.08" } }, or a .csv table of dated rates currency,from,rate',
  },
  rate: {
    type: 'string',
    multiple: true,
    value: 'CODE=rate',
    description: 'one exchange rate to --currency (repeatable)',
  },
  'rate-date': {
    type: 'string',
    value: 'month-end|record-start',
    default: 'month-end',
    description: "which day's dated rate converts a record: each month's last day, or the record's start",
  },
  'grace-days': {
    type: 'string',
    value: 'days',
    description: 'a past-due record stops counting this many days after its pastDueSince: delinquent churn',
  },
  'weekly-factor': { type: 'string', value: '52/12|4.33|4', default: '52/12', description: 'weeks in a month' },
  discounts: { type: 'string', value: 'apply|ignore', default: 'apply', description: 'whether discounts reduce MRR' },
  'count-trialing': { type: 'boolean', description: 'count trialing subscriptions in MRR' },
  'count-paused': { type: 'boolean', description: 'count paused subscriptions in MRR' },
  'exclude-past-due': { type: 'boolean', description: 'leave past-due subscriptions out of MRR' },
} as const;

/** The library's revenue options and the flags that set them. */
export const REVENUE_FLAGS: Readonly<Record<string, string>> = {
  currency: '--currency',
  exchangeRates: '--rates or --rate',
  rateDate: '--rate-date',
  pastDueGraceDays: '--grace-days',
  weeklyFactor: '--weekly-factor',
  discounts: '--discounts',
  countTrialing: '--count-trialing',
  countPaused: '--count-paused',
  countPastDue: '--exclude-past-due',
};

/** The revenue policies from the command's options, with the currency options read before. */
export function revenuePolicies(context: CommandContext, currencies: CurrencyOptions) {
  const weeklyFactor = choiceOption(context, 'weekly-factor', ['52/12', '4.33', '4']);
  const discounts = choiceOption(context, 'discounts', ['apply', 'ignore']);
  const rateDate = choiceOption(context, 'rate-date', ['month-end', 'record-start']);
  const { datedRates: _file, ...money } = currencies;
  const graceDays = numberOption(context, 'grace-days');
  return {
    ...money,
    ...(graceDays === undefined ? {} : { pastDueGraceDays: graceDays }),
    ...(rateDate === undefined ? {} : { rateDate }),
    ...(weeklyFactor === undefined ? {} : { weeklyFactor }),
    ...(discounts === undefined ? {} : { discounts }),
    ...(context.values['count-trialing'] === true ? { countTrialing: true } : {}),
    ...(context.values['count-paused'] === true ? { countPaused: true } : {}),
    ...(context.values['exclude-past-due'] === true ? { countPastDue: false } : {}),
  };
}

/** `--lookback`, when given. */
export function lookbackOption(context: CommandContext): { lookback?: number } {
  const lookback = numberOption(context, 'lookback');
  return lookback === undefined ? {} : { lookback };
}

/**
 * Runs a series on records of `loaded`, turning "EUR has no rate in force on a day, which subscriptions[3]
 * needs" into an error at the record's line, naming the rates file and the fix.
 */
export function locateRates<T>(loaded: LoadedRecords<unknown>, ratesFile: string | undefined, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!isMetricError(error) || ratesFile === undefined) throw error;
    const issue = error.issues[0];
    const needed = /^has no rate in force on (\S+), which \w+\[(\d+)\] needs \((.*)\)$/.exec(issue?.reason ?? '');
    const code = issue?.path[1];
    if (issue?.path[0] !== 'exchangeRates' || typeof code !== 'string' || needed === null) throw error;
    const [, day, index, first] = needed;
    throw new InputError(
      loaded.file,
      loaded.locations.at(Number(index)),
      loaded.columns.currency,
      `${ratesFile} has no ${code} rate in force on ${day} (${first}): add a ${code} rate from that day or earlier to ${ratesFile}`,
    );
  }
}

/**
 * An amount as the table shows it: rounded to the currency's minor unit as `--rounding` says, grouped by
 * thousands.
 */
export function moneyText(value: number, currency: string | undefined, context: CommandContext): string {
  const rounding = ROUNDINGS.find((choice) => choice === context.values.rounding) ?? DEFAULT_ROUNDING;
  const [whole = '', fraction] = roundMoney(value, currency, rounding).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}
