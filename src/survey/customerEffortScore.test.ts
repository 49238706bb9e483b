import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { wilsonInterval } from '../stats/wilsonInterval.js';
import { customerEffortScore } from './customerEffortScore.js';

describe('customerEffortScore', () => {
  describe('worked examples', () => {
    it('defaults to CES 2.0: 1–7, higher is easier, 5–7 easy (doc 002, row 14)', () => {
      const result = customerEffortScore({ scores: [7, 6, 5, 4, 2, 7, 6, 3] });
      expect(result.average).toBe(5);
      expect(result.easy).toBe(5);
      expect(result.easyShare).toBe(0.625);
      expect(result.easyFrom).toBe(5);
      expect(result.higherIsEasier).toBe(true);
      const wilson = wilsonInterval({ successes: 5, trials: 8 });
      expect(result.interval).toEqual({ low: wilson.low, high: wilson.high });
    });

    it('supports the original 1–5 effort scale, where 1–2 are easy', () => {
      // Dixon, Freeman & Toman (HBR 2010): "How much effort did you personally have to put forth?", 1 = very low.
      const result = customerEffortScore(
        { distribution: { 1: 30, 2: 30, 3: 20, 4: 15, 5: 5 }, scale: { min: 1, max: 5 } },
        { higherIsEasier: false },
      );
      expect(result.easyShare).toBe(0.6);
      expect(result.average).toBe(235 / 100);
      expect(result.easyFrom).toBe(2);
    });
  });

  describe('edge cases', () => {
    it('applies the other defaults: 4 on an agreement 1–5 scale, 3 on an effort 1–7 scale', () => {
      expect(customerEffortScore({ scores: [4, 5, 3, 1], scale: { min: 1, max: 5 } }).easyShare).toBe(0.5);
      expect(
        customerEffortScore({ scores: [1, 3, 4, 7], scale: { min: 1, max: 7 } }, { higherIsEasier: false }).easyShare,
      ).toBe(0.5);
    });

    it('takes an explicit threshold', () => {
      const result = customerEffortScore({ distribution: [1, 2, 3, 4, 5, 6, 7] }, { easyFrom: 6 });
      expect(result.easy).toBe(13);
      expect(result.responses).toBe(28);
      expect(result.average).toBe(140 / 28);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'customerEffortScore',
        () => customerEffortScore({ scores: [5, 4] }, { lowerIsEasier: true } as never),
        'lowerIsEasier',
      );
    });

    it('rejects scores off the scale and missing thresholds', () => {
      expectMetricError(() => customerEffortScore({ scores: [8] }), 'INVALID_INPUT', ['scores', 0]);
      expectMetricError(
        () => customerEffortScore({ scores: [8], scale: { min: 1, max: 10 } }),
        'INVALID_INPUT',
        ['easyFrom'],
        'easyFrom is required for a 1–10 scale where higher is easier',
      );
      expectMetricError(() => customerEffortScore({ scores: [1] }, { easyFrom: 0 }), 'INVALID_INPUT', ['easyFrom']);
      expectMetricError(
        () => customerEffortScore({ scores: [1] }, { higherIsEasier: 'no' as never }),
        'INVALID_INPUT',
        ['higherIsEasier'],
      );
    });

    it('reports no responses as NO_DATA', () => {
      expectMetricError(() => customerEffortScore({ scores: new Uint8Array(0) }), 'NO_DATA', ['scores']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { distribution: { 7: 2, 1: 1 } };
      customerEffortScore(input);
      expect(input).toEqual({ distribution: { 7: 2, 1: 1 } });
    });
  });
});

describe('customerEffortScore with segmentBy', () => {
  // Hand-computed table (CES 2.0, 1–7, easy from 5):
  //   channel  answers      average  easy  easy share
  //   chat     7, 6, 5, 7   25/4     4     1
  //   phone    4, 2, 6, 3   15/4     1     1/4
  //   all      8 answers    5        5     5/8
  const scores = [7, 6, 5, 4, 2, 7, 6, 3];
  const channel = ['chat', 'chat', 'chat', 'phone', 'phone', 'chat', 'phone', 'phone'];

  describe('worked examples', () => {
    it('gives each channel its average, easy share and interval, and the total unchanged', () => {
      const result = customerEffortScore({ scores, attributes: { channel } }, { segmentBy: 'channel' });
      expect(result.total).toEqual(customerEffortScore({ scores }));
      expect(
        result.segments.map((s) => [s.segment, s.size, s.result?.average, s.result?.easy, s.result?.easyShare]),
      ).toEqual([
        ['chat', 4, 6.25, 4, 1],
        ['phone', 4, 3.75, 1, 0.25],
      ]);
      expect(result.segments[1]?.result?.interval).toEqual(wilsonBounds(1, 4));
    });

    it('keeps the direction of CES 1.0 in every segment', () => {
      const input = {
        scores: [1, 2, 2, 4, 5],
        scale: { min: 1, max: 5 },
        attributes: { t: ['x', 'y', 'x', 'y', 'x'] },
      };
      const result = customerEffortScore(input, { segmentBy: 't', higherIsEasier: false });
      expect(result.segments[0]?.result).toEqual(
        customerEffortScore({ scores: [1, 2, 5], scale: { min: 1, max: 5 } }, { higherIsEasier: false }),
      );
      expect(result.segments[0]?.result?.easyShare).toBe(2 / 3);
    });
  });

  describe('validation', () => {
    it('refuses a distribution and a response without the attribute, naming each', () => {
      expectMetricError(
        () => customerEffortScore({ distribution: [1, 2, 3, 4, 5, 6, 7] }, { segmentBy: 'channel' } as never),
        'INVALID_INPUT',
        ['segmentBy'],
      );
      expectMetricError(
        () =>
          customerEffortScore(
            { scores: [7, 6], attributes: { channel: ['chat', undefined] } },
            { segmentBy: 'channel' },
          ),
        'INVALID_INPUT',
        ['attributes', 'channel', 1],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves scores and columns unchanged', () => {
      const input = { scores: [...scores], attributes: { channel: [...channel] } };
      const copy = structuredClone(input);
      customerEffortScore(input, { segmentBy: 'channel', missingSegment: 'group' });
      expect(input).toEqual(copy);
    });
  });
});

function wilsonBounds(successes: number, trials: number): { low: number; high: number } {
  const { low, high } = wilsonInterval({ successes, trials });
  return { low, high };
}
