import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type SupportTicket, supportResponseTimes } from './supportResponseTimes.js';

const UNITS = { ms: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;
type Unit = keyof typeof UNITS;

/** The correctly rounded value of a/b, by an independent route: 200-digit decimals, then one conversion. */
const Wide = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN });
const nearest = (a: bigint, b: bigint): number => new Wide(a.toString()).div(b.toString()).toNumber();

/** Mean, median and p90 of integer durations by definition, as exact rationals [numerator, denominator]. */
function exactStats(durations: readonly number[]): Record<'mean' | 'median' | 'p90', [bigint, bigint]> {
  const sorted = durations.map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  const percentile = (numerator: number, denominator: number): [bigint, bigint] => {
    const scaled = (n - 1) * numerator;
    const l = Math.floor(scaled / denominator);
    const w = BigInt(scaled - l * denominator);
    const lower = sorted[l] as bigint;
    const upper = sorted[Math.min(l + 1, n - 1)] as bigint;
    return [lower * BigInt(denominator) + w * (upper - lower), BigInt(denominator)];
  };
  return {
    mean: [sorted.reduce((a, b) => a + b, 0n), BigInt(n)],
    median: percentile(1, 2),
    p90: percentile(9, 10),
  };
}

const dateForms = fc.constantFrom('number', 'date', 'iso');
function asDate(time: number, form: string): string | Date | number {
  if (form === 'date') return new Date(time);
  if (form === 'iso') return new Date(time).toISOString();
  return time;
}

const ticketArb = fc
  .record({
    created: fc.integer({ min: 0, max: 4e12 }),
    response: fc.option(fc.integer({ min: 0, max: 3e9 }), { nil: undefined }),
    resolution: fc.option(fc.integer({ min: 0, max: 3e10 }), { nil: undefined }),
    form: dateForms,
  })
  .map(({ created, response, resolution, form }) => {
    const ticket: { createdAt: string | Date | number; firstResponseAt?: unknown; resolvedAt?: unknown } = {
      createdAt: asDate(created, form),
    };
    if (response !== undefined) ticket.firstResponseAt = asDate(created + response, form);
    if (resolution !== undefined) ticket.resolvedAt = asDate(created + resolution, form);
    return { ticket: ticket as SupportTicket, response, resolution };
  });

const ticketsArb = fc.array(ticketArb, { minLength: 1, maxLength: 120 });

describe('supportResponseTimes properties', () => {
  it('median ≤ p90, and every statistic lies between the smallest and largest duration', () => {
    fc.assert(
      fc.property(ticketsArb, (generated) => {
        const result = supportResponseTimes({ tickets: generated.map((g) => g.ticket) }, { unit: 'ms' });
        for (const [summary, field] of [
          [result.firstResponse, 'response'],
          [result.resolution, 'resolution'],
        ] as const) {
          const durations = generated.map((g) => g[field]).filter((d): d is number => d !== undefined);
          expect(summary.count).toBe(durations.length);
          if (durations.length === 0) continue;
          const least = Math.min(...durations);
          const most = Math.max(...durations);
          expect(summary.median as number).toBeLessThanOrEqual(summary.p90 as number);
          for (const value of [summary.mean, summary.median, summary.p90] as number[]) {
            expect(value).toBeGreaterThanOrEqual(least);
            expect(value).toBeLessThanOrEqual(most);
          }
        }
      }),
    );
  });

  it('does not depend on the order of the tickets', () => {
    fc.assert(
      fc.property(
        ticketsArb,
        fc.integer(),
        fc.constantFrom<Unit>('ms', 'minute', 'hour', 'day'),
        (generated, seed, unit) => {
          const tickets = generated.map((g) => g.ticket);
          const shuffled = tickets
            .map((ticket, i) => ({ ticket, key: Math.imul(i + 1, 2_654_435_761) ^ seed }))
            .sort((a, b) => a.key - b.key)
            .map((entry) => entry.ticket);
          expect(supportResponseTimes({ tickets: shuffled }, { unit })).toEqual(
            supportResponseTimes({ tickets: [...tickets].reverse() }, { unit }),
          );
          expect(supportResponseTimes({ tickets: shuffled }, { unit })).toEqual(
            supportResponseTimes({ tickets }, { unit }),
          );
        },
      ),
    );
  });

  it('converts units exactly: each statistic is the correctly rounded rational, so hours × 60 = minutes', () => {
    fc.assert(
      fc.property(ticketsArb, (generated) => {
        const tickets = generated.map((g) => g.ticket);
        const responses = generated.map((g) => g.response).filter((d): d is number => d !== undefined);
        const byUnit = Object.fromEntries(
          (Object.keys(UNITS) as Unit[]).map((unit) => [unit, supportResponseTimes({ tickets }, { unit })]),
        ) as Record<Unit, ReturnType<typeof supportResponseTimes>>;
        if (responses.length === 0) return;
        const exact = exactStats(responses);
        for (const unit of Object.keys(UNITS) as Unit[]) {
          for (const stat of ['mean', 'median', 'p90'] as const) {
            const [numerator, denominator] = exact[stat];
            expect(byUnit[unit].firstResponse[stat], `${stat} in ${unit}`).toBe(
              nearest(numerator, denominator * BigInt(UNITS[unit])),
            );
          }
        }
        // The same rational in both units, each rounded once: within half a unit in the last place of each.
        for (const stat of ['mean', 'median', 'p90'] as const) {
          const hours = byUnit.hour.firstResponse[stat] as number;
          const minutes = byUnit.minute.firstResponse[stat] as number;
          expect(Math.abs(hours * 60 - minutes)).toBeLessThanOrEqual(Math.abs(minutes) * 2 ** -51);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('whole hours convert to exactly 60 × as many minutes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }), (hours) => {
        const tickets = hours.map((h) => ({ createdAt: 0, firstResponseAt: h * 3_600_000, resolvedAt: h * 7_200_000 }));
        const inHours = supportResponseTimes({ tickets });
        const inMinutes = supportResponseTimes({ tickets }, { unit: 'minute' });
        expect(inMinutes.firstResponse.median).toBe((inHours.firstResponse.median as number) * 60);
        expect(inMinutes.resolution.median).toBe((inHours.resolution.median as number) * 60);
      }),
    );
  });

  it('accounts for every ticket: answered + awaiting + resolved without answer = resolved + unresolved', () => {
    fc.assert(
      fc.property(ticketsArb, (generated) => {
        const result = supportResponseTimes({ tickets: generated.map((g) => g.ticket) });
        expect(result.firstResponse.count + result.awaitingResponse + result.resolvedWithoutResponse).toBe(
          result.tickets,
        );
        expect(result.resolution.count + result.unresolved).toBe(result.tickets);
        expect(result.resolvedWithoutResponse).toBe(
          generated.filter((g) => g.response === undefined && g.resolution !== undefined).length,
        );
      }),
    );
  });
});

describe('supportResponseTimes with segmentBy (properties)', () => {
  it('gives the unsegmented call as total, and on each segment the call on its tickets alone', () => {
    const channels = fc.array(fc.constantFrom('chat', 'email', 'phone'), { maxLength: 120 });
    const unit = fc.constantFrom<Unit>('minute', 'hour', 'day');
    fc.assert(
      fc.property(ticketsArb, channels, unit, (generated, channelList, u) => {
        const tickets = generated.map(({ ticket }, i): SupportTicket => {
          const channel = channelList[i];
          return channel === undefined ? ticket : { ...ticket, attributes: { channel } };
        });
        expectSegmentsOf(
          supportResponseTimes(
            { tickets },
            { unit: u, segmentBy: 'channel', missingSegment: 'group', minimumSegmentSize: 5 },
          ),
          tickets,
          (ticket) => ticket.attributes?.channel ?? '(none)',
          (subset) => supportResponseTimes({ tickets: subset }, { unit: u }),
          (subset) => subset.length,
          5,
        );
      }),
      { numRuns: 150 },
    );
  });
});
