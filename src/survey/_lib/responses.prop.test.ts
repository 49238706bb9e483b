// The record form `{ responses }` is another spelling of `{ scores }` with attribute columns: every survey
// metric gives identical results on the same answers, whole or by segment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores } from '../compareNetPromoterScores.js';
import { customerEffortScore } from '../customerEffortScore.js';
import { customerSatisfactionScore } from '../customerSatisfactionScore.js';
import { netPromoterScore } from '../netPromoterScore.js';

const plans = fc.constantFrom('free', 'pro', 'team', undefined);
const answers = (min: number, max: number) =>
  fc.array(fc.record({ score: fc.integer({ min, max }), plan: plans }), { minLength: 1, maxLength: 200 });

/** What a call returns, or the error it throws. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error;
  }
}

/** The same answers as records and as a score array with an attribute column. */
function bothForms(list: readonly { score: number; plan: string | undefined }[]) {
  const responses = list.map(({ score, plan }) => (plan === undefined ? { score } : { score, attributes: { plan } }));
  const scores = list.map((answer) => answer.score);
  const attributes = { plan: list.map((answer) => answer.plan) };
  return { responses, scores, attributes };
}

describe('the { responses } form', () => {
  it('gives netPromoterScore exactly the result of { scores }, whole and by segment', () => {
    fc.assert(
      fc.property(answers(0, 10), (list) => {
        const { responses, scores, attributes } = bothForms(list);
        expect(netPromoterScore({ responses })).toEqual(netPromoterScore({ scores }));
        const options = { segmentBy: 'plan', missingSegment: 'group', minimumSegmentSize: 5 } as const;
        expect(netPromoterScore({ responses }, options)).toEqual(netPromoterScore({ scores, attributes }, options));
        const byScore = netPromoterScore(
          { responses },
          { segmentBy: (response) => (response.score > 8 ? 'high' : 'low') },
        );
        expect(byScore).toEqual(netPromoterScore({ scores }, { segmentBy: (score) => (score > 8 ? 'high' : 'low') }));
      }),
    );
  });

  it('gives CSAT and CES exactly the result of { scores } on their scales', () => {
    fc.assert(
      fc.property(answers(1, 7), (list) => {
        const { responses, scores, attributes } = bothForms(list);
        const scale = { min: 1, max: 7 };
        expect(customerSatisfactionScore({ responses, scale })).toEqual(customerSatisfactionScore({ scores, scale }));
        expect(customerEffortScore({ responses })).toEqual(customerEffortScore({ scores }));
        const options = { segmentBy: 'plan', missingSegment: 'group' } as const;
        expect(customerSatisfactionScore({ responses, scale }, options)).toEqual(
          customerSatisfactionScore({ scores, attributes, scale }, options),
        );
        expect(customerEffortScore({ responses }, options)).toEqual(
          customerEffortScore({ scores, attributes }, options),
        );
      }),
    );
  });

  it('gives compareNetPromoterScores the result of { scores }', () => {
    fc.assert(
      fc.property(answers(0, 10), answers(0, 10), (left, right) => {
        const a = bothForms(left);
        const b = bothForms(right);
        expect(outcome(() => compareNetPromoterScores({ responses: a.responses }, { responses: b.responses }))).toEqual(
          outcome(() => compareNetPromoterScores({ scores: a.scores }, { scores: b.scores })),
        );
      }),
    );
  });
});
