// No result is ever −0: `Intl.NumberFormat` shows it as "−0 %". Every sample call is replayed with each of
// its zeros written as −0 (a valid count, amount or date to every schema), and the calls below reach the
// places where a −0 input once came out unchanged.
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { allSamples } from './support/families.js';
import type { Call } from './support/types.js';

/** The same value with every number 0 written as −0 (typed arrays, dates and functions kept as they are). */
function withNegativeZeros(value: unknown): unknown {
  if (typeof value === 'number') return value === 0 ? -0 : value;
  if (Array.isArray(value)) return value.map(withNegativeZeros);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withNegativeZeros(item)]));
}

/** The paths of every −0 in a result (numbers, arrays, typed arrays, plain objects). */
function negativeZeros(value: unknown, path = 'result', found: string[] = []): string[] {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) found.push(path);
  } else if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length; i++) if (Object.is(items[i], -0)) found.push(`${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) negativeZeros(item, `${path}.${key}`, found);
  }
  return found;
}

type Fn = (...args: unknown[]) => unknown;
const library = lib as unknown as Record<string, Fn>;

/** The result of a call, or undefined when it throws (a MetricError: the fuzz test checks that). */
function resultOf(name: string, call: Call): unknown {
  try {
    const result = (library[name] as Fn)(...call);
    return typeof result === 'function' ? undefined : result;
  } catch {
    return undefined;
  }
}

const named: [string, Call][] = [
  ['churnRate', [{ customersAtStart: 4, customersLost: -0 }]],
  ['renewalRate', [{ renewed: -0, upForRenewal: 3 }]],
  ['wilsonInterval', [{ successes: -0, trials: 7 }]],
  ['firstContactResolutionRate', [{ resolvedOnFirstContact: -0, resolved: 3 }]],
  ['adoptionRate', [{ adopters: -0, eligibleUsers: 9 }]],
  ['stickiness', [{ dailyActiveUsers: -0, monthlyActiveUsers: 5 }]],
  ['averageSessionDuration', [{ sessions: [{ start: -0, end: -0 }] }]],
  ['netPromoterScore', [{ promoters: -0, passives: 4, detractors: -0 }]],
  ['netPromoterScore', [{ distribution: { 0: -0, 7: 2, 10: -0 } }]],
  ['customerSatisfactionScore', [{ distribution: { 1: -0, 3: 2, 5: -0 } }]],
  ['customerEffortScore', [{ distribution: { 1: 2, 7: -0 } }]],
  ['healthDistribution', [{ red: -0, yellow: 2, green: -0 }]],
  ['retentionRate', [{ activeCustomers: -0, totalCustomers: 4 }]],
  ['averageSessionDuration', [{ totalDuration: -0, sessionCount: 3 }]],
  [
    'survivalCurve',
    [
      {
        observations: [
          { duration: -0, churned: true },
          { duration: 2, churned: false },
        ],
      },
    ],
  ],
  ['survivalCurve', [{ durations: [-0, 2], churned: [false, true] }]],
  [
    'survivalCurve',
    [
      {
        table: [
          { time: -0, events: 1, censored: 0 },
          { time: 3, events: 1, censored: 1 },
        ],
      },
    ],
  ],
  ['survivalAt', [{ points: [{ time: -0, survival: 0.5 }] }, { time: -0 }]],
  ['churnRateFromSurvival', [{ survival: 1, periods: 3 }]],
  ['survivalAt', [{ points: [{ time: 0, survival: -0 }] }, { time: 0 }]],
];

describe('no result is −0', () => {
  it('for the calls that reach a −0 input', () => {
    const problems = named.flatMap(([name, call]) => negativeZeros(resultOf(name, call), name));
    expect(problems).toEqual([]);
  });

  it('for every sample call with its zeros written as −0', () => {
    const problems = allSamples().flatMap(([name, call]) =>
      negativeZeros(resultOf(name, withNegativeZeros(call) as Call), name),
    );
    expect(problems).toEqual([]);
  });

  it('finds a −0 where there is one (the check can fail)', () => {
    expect(negativeZeros({ a: [1, -0], b: new Float64Array([-0]), c: 0 })).toEqual(['result.a.1', 'result.b[0]']);
  });
});

describe('no health result is −0', () => {
  it('for measure values of −0', () => {
    const health = lib.createHealthScore({
      measures: {
        usage: { weight: 2, scale: { kind: 'linear', worst: 0, best: 1 } },
        tickets: { weight: 1, scale: { kind: 'linear', worst: 10, best: -0 } },
        nps: { weight: 1, scale: { kind: 'score' } },
      },
    });
    const accounts = [{ usage: -0, tickets: 10, nps: -0 }];
    const problems = [
      ...negativeZeros(health(accounts[0] as never), 'scorer'),
      ...negativeZeros(health.scoreAll(accounts as never), 'scoreAll'),
    ];
    expect(problems).toEqual([]);
  });
});
