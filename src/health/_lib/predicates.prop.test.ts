import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  calibrationAccountSchema,
  calibrationScoreSchema,
  churnFlagSchema,
  distributionElementSchema,
  calibrationAccountAsRead,
  isCalibrationAccount,
  isCalibrationScore,
  isChurnFlag,
  isRecord,
  isStatus,
  statusOfElement,
} from './predicates.js';
import { readOnce } from './readOnce.js';
import { isMeasureValue, isScaleOf, KINDS, scaleSchemas, valueSchemas } from './scale.js';

const accepts = (schema: z.core.$ZodType, value: unknown): boolean => z.safeParse(schema, value).success;
const issuesOf = (schema: z.core.$ZodType, value: unknown): unknown => z.safeParse(schema, value).error?.issues;

/** Numbers a hand-written check gets wrong first: non-finite, signed zeros, bounds and their neighbours, huge. */
const awkwardNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1,
    100,
    100.00000000000001,
    -Number.MIN_VALUE,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    1e21,
    1e-7,
  ),
  fc.double(),
  fc.integer({ min: -5, max: 105 }),
);

/** Anything at all, and values that look almost right: numeric strings, boxed values, the statuses. */
const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  awkwardNumber,
  fc.constantFrom('red', 'yellow', 'green', 'Red', ' red', '50', '1e3', '-0', '0.5', '', true, false, 0n, null),
  fc.constantFrom(undefined, Symbol('x'), new Number(5), new Boolean(true), new String('red'), () => 1),
);

/** An object built from `entries` in an awkward way: plain, null prototype, inherited keys, getters, array. */
function awkwardObject(entries: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc
    .tuple(entries, fc.constantFrom('plain', 'null-prototype', 'inherited', 'getter', 'array', 'frozen', 'hidden'))
    .map(([record, how]) => {
      switch (how) {
        case 'null-prototype':
          return Object.assign(Object.create(null), record);
        case 'inherited': {
          // The first key comes from the prototype, enumerable: for…in sees it, Object.keys does not.
          const [first, ...rest] = Object.entries(record);
          const proto = first === undefined ? {} : { [first[0]]: first[1] };
          return Object.assign(Object.create(proto), Object.fromEntries(rest));
        }
        case 'getter': {
          const target = {};
          for (const [key, value] of Object.entries(record)) {
            Object.defineProperty(target, key, { get: () => value, enumerable: true });
          }
          return target;
        }
        case 'array':
          return Object.assign([], record);
        case 'frozen':
          return Object.freeze({ ...record });
        case 'hidden': {
          // A non-enumerable extra key: neither for…in nor zod sees it.
          const target = { ...record };
          Object.defineProperty(target, 'extra', { value: 1, enumerable: false });
          return target;
        }
        default:
          return { ...record };
      }
    });
}

const maybe = (value: fc.Arbitrary<unknown>) => fc.option(value, { nil: undefined });

const accountEntries = fc
  .record(
    {
      score: fc.oneof(awkwardNumber, awkwardValue),
      churned: fc.oneof(fc.boolean(), awkwardValue),
      extra: awkwardValue,
      __proto__: fc.constant(1),
    },
    { requiredKeys: [] },
  )
  .map((record) => {
    // fc.record with a `__proto__` key would set the prototype: write it as an own key, sometimes.
    const { __proto__: proto, ...rest } = record as Record<string, unknown>;
    return proto === undefined ? rest : Object.assign(rest, JSON.parse('{"__proto__":1}'));
  });

const elementEntries = fc.record({ status: awkwardValue, score: maybe(awkwardNumber) }, { requiredKeys: [] });

const runs = { numRuns: 2000 };

describe('hand-written predicates accept exactly what their schemas accept', () => {
  it('calibration score', () => {
    fc.assert(
      fc.property(fc.oneof(awkwardNumber, awkwardValue), (value) => {
        expect(isCalibrationScore(value)).toBe(accepts(calibrationScoreSchema, value));
      }),
      runs,
    );
  });

  it('calibration account', () => {
    fc.assert(
      fc.property(fc.oneof(awkwardObject(accountEntries), awkwardValue), (value) => {
        const record = isRecord(value);
        const score = record ? value.score : undefined;
        const churned = record ? value.churned : undefined;
        const accepted = accepts(calibrationAccountSchema, value);
        expect(record && isCalibrationAccount(value, score, churned)).toBe(accepted);
        // What the schema is shown of a rejected account gets the issues the account itself gets.
        if (record && !accepted) {
          expect(issuesOf(calibrationAccountSchema, calibrationAccountAsRead(value, score, churned))).toEqual(
            issuesOf(calibrationAccountSchema, value),
          );
        }
      }),
      runs,
    );
  });

  it('churn flag of a Uint8Array column (every byte)', () => {
    for (let byte = 0; byte < 256; byte++) {
      expect(isChurnFlag(new Uint8Array([byte])[0])).toBe(accepts(churnFlagSchema, byte));
    }
  });

  it('distribution element', () => {
    fc.assert(
      fc.property(fc.oneof(awkwardObject(elementEntries), awkwardValue), (value) => {
        const status = statusOfElement(value);
        expect(isStatus(status)).toBe(accepts(distributionElementSchema, value));
        if (isRecord(value)) {
          expect(issuesOf(distributionElementSchema, { status })).toEqual(issuesOf(distributionElementSchema, value));
        }
      }),
      runs,
    );
  });

  it('a measure value, for each kind of scale', () => {
    const decimalText = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.stringMatching(/^[+-]?\d{0,4}(\.\d{0,25})?$/),
      fc.constantFrom('100.0000000000000000001', '-0.00', '+5', '.5', '5.', '1e3', ' 1', '0x10', 'Infinity'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.oneof(awkwardValue, decimalText), (kind, value) => {
        expect(isMeasureValue(kind, value)).toBe(accepts(valueSchemas[kind], value));
      }),
      runs,
    );
  });

  it('a scale of each kind, as the configuration copies it', () => {
    const decimalLike = fc.oneof(awkwardNumber, awkwardValue, fc.constantFrom('0.5', '-3', '100', '100.0000001'));
    const step = awkwardObject(
      fc.record({ from: decimalLike, score: decimalLike, extra: awkwardValue }, { requiredKeys: ['from', 'score'] }),
    );
    const scale = fc.record(
      {
        worst: decimalLike,
        best: decimalLike,
        steps: fc.oneof(fc.array(step, { maxLength: 3 }), awkwardValue),
        below: decimalLike,
        extra: awkwardValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), awkwardObject(scale), (kind, value) => {
        if (!isRecord(value)) return;
        const copy = readOnce(value, 4) as Record<string, unknown>;
        copy.kind = kind;
        expect(isScaleOf(kind, copy)).toBe(accepts(scaleSchemas[kind], copy));
      }),
      runs,
    );
  });
});
