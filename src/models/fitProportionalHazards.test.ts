import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMetricError } from '../errors.js';
import { fitProportionalHazards } from './fitProportionalHazards.js';

/** The Rossi recidivism data (test/fixtures/survival/README.md): one record per released prisoner. */
function rossi(entry?: (week: number, i: number) => number) {
  const lines = readFileSync(new URL('../../test/fixtures/survival/rossi.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const names = (lines[0] as string).split(',').slice(2);
  return lines.slice(1).map((line, i) => {
    const [week, arrest, ...values] = line.split(',').map(Number) as [number, number, ...number[]];
    const covariates = Object.fromEntries(names.map((name, k) => [name, values[k] as number]));
    return entry === undefined
      ? { duration: week, churned: arrest === 1, covariates }
      : { duration: week, churned: arrest === 1, covariates, entry: entry(week, i) };
  });
}

function expectFit(
  fit: ReturnType<typeof fitProportionalHazards>,
  coefficients: number[],
  errors: number[],
  digits: number,
): void {
  expect(fit.coefficients.map((c) => c.name)).toEqual(['fin', 'age', 'race', 'wexp', 'mar', 'paro', 'prio']);
  fit.coefficients.forEach((c, j) => {
    expect(c.coefficient).toBeCloseTo(coefficients[j] as number, digits);
    expect(c.standardError).toBeCloseTo(errors[j] as number, digits);
  });
}

function thrown(call: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    call();
  } catch (error) {
    if (!isMetricError(error)) throw error;
    const first = error.issues[0];
    return { code: error.code, path: first?.path ?? [], message: error.message };
  }
  throw new Error('did not throw');
}

describe('fitProportionalHazards', () => {
  describe('worked examples', () => {
    it('matches R and lifelines on the Rossi data (Efron ties)', () => {
      const fit = fitProportionalHazards({ observations: rossi() });
      // R: coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi), coefficients
      // to 7 decimals, standard errors to 5, as lifelines' test_coef_output_against_R_super_accurate and
      // test_standard_error_coef_output_against_R quote them (Fox's appendix on Cox regression).
      expectFit(
        fit,
        [-0.3794222, -0.0574377, 0.3138998, -0.1497957, -0.4337039, -0.0848711, 0.0914971],
        [0.19138, 0.022, 0.30799, 0.21222, 0.38187, 0.19576, 0.02865],
        5,
      );
      // lifelines' CoxPHFitter example (docs/Survival Regression.rst): 432 observations, 114 events,
      // partial log-likelihood −658.75, concordance 0.64 (0.640), LR test 33.27 on 7 df, −log2(p) 15.37.
      expect(fit.observations).toBe(432);
      expect(fit.events).toBe(114);
      expect(fit.logLikelihood).toBeCloseTo(-658.75, 2);
      expect(fit.concordance).toBeCloseTo(0.64, 3);
      expect(fit.likelihoodRatio.statistic).toBeCloseTo(33.27, 2);
      expect(fit.likelihoodRatio.degreesOfFreedom).toBe(7);
      expect(-Math.log2(fit.likelihoodRatio.pValue)).toBeCloseTo(15.37, 2);
      // The same table's hazard ratios, their 95 % bounds and Wald z and p (fin: 0.68, 0.47–1.00, −1.98, 0.05).
      const fin = fit.coefficients[0];
      expect(fin?.hazardRatio).toBeCloseTo(0.68, 2);
      expect(fin?.low).toBeCloseTo(0.47, 2);
      expect(fin?.high).toBeCloseTo(1.0, 2);
      expect(fin?.z).toBeCloseTo(-1.98, 2);
      expect(fin?.pValue).toBeCloseTo(0.05, 2);
      expect(fit.coefficients[6]?.z).toBeCloseTo(3.19, 2);
      expect(fit.converged).toBe(true);
    });

    it('matches statsmodels to 8 decimals (Efron and Breslow ties, with and without late entry)', () => {
      // Computed with Debian's statsmodels 0.13.5:
      //   PHReg(week, X, status=arrest, ties=..., entry=...).fit(): params, bse, llf;
      //   model.loglike(np.zeros(7)) for the null log-likelihood.
      // The late entries are (i mod 4)·5 + 0.5 for the i-th row, at most week − 0.5 (halves, so that
      // statsmodels' convention, at risk from entry on, and R's, after entry, agree).
      const late = (week: number, i: number) => Math.min((i % 4) * 5 + 0.5, week - 0.5);
      const cases = [
        {
          options: { ties: 'efron' as const },
          data: rossi(),
          beta: [-0.3794221669, -0.057437743, 0.3138997859, -0.1497956972, -0.4337038767, -0.084871083, 0.0914970794],
          se: [0.1913794807, 0.0219994706, 0.3079927764, 0.2122242962, 0.3818680575, 0.1957566719, 0.0286485501],
          ll: -658.7476594461,
          null: -675.3806323469,
        },
        {
          options: { ties: 'breslow' as const },
          data: rossi(),
          beta: [-0.3790218878, -0.0572459254, 0.3141297651, -0.1511145996, -0.4327825725, -0.0849828358, 0.0911115405],
          se: [0.1913644259, 0.0219831858, 0.3080172796, 0.2121231608, 0.3817949351, 0.1957482073, 0.0286312531],
          ll: -659.1206056773,
          null: -675.6833894175,
        },
        {
          options: { ties: 'efron' as const },
          data: rossi(late),
          beta: [-0.3460307904, -0.0546208304, 0.2932794153, -0.1562003186, -0.4235655711, -0.0749662194, 0.0890601718],
          se: [0.1914396759, 0.0218740835, 0.3080625438, 0.2131694903, 0.3828261487, 0.1962472679, 0.028533781],
          ll: -643.0353309066,
          null: -658.6826191567,
        },
        {
          options: { ties: 'breslow' as const },
          data: rossi(late),
          beta: [-0.345968166, -0.0544414784, 0.2933365342, -0.1575337708, -0.4223466404, -0.0753355779, 0.0886102587],
          se: [0.1914195903, 0.0218587779, 0.3080923221, 0.2130615262, 0.382749379, 0.1962287471, 0.0285195774],
          ll: -643.4409706,
          null: -659.0158408206,
        },
      ];
      for (const { options, data, beta, se, ll, null: nullLl } of cases) {
        const fit = fitProportionalHazards({ observations: data }, options);
        expectFit(fit, beta, se, 8);
        expect(fit.logLikelihood).toBeCloseTo(ll, 8);
        expect(fit.nullLogLikelihood).toBeCloseTo(nullLl, 8);
      }
    });

    it('gives the same fit from columns as from records', () => {
      const records = rossi((week, i) => (i % 3 === 0 ? Math.min(week, 4) : 0));
      const names = Object.keys(records[0]?.covariates ?? {});
      const columns = {
        duration: Float64Array.from(records, (r) => r.duration),
        churned: Uint8Array.from(records, (r) => (r.churned ? 1 : 0)),
        covariates: Object.fromEntries(
          names.map((name) => [name, Float64Array.from(records, (r) => r.covariates[name] as number)]),
        ),
        entry: Float64Array.from(records, (r) => r.entry ?? 0),
      };
      expect(fitProportionalHazards(columns, { ties: 'breslow' })).toEqual(
        fitProportionalHazards({ observations: records }, { ties: 'breslow' }),
      );
      const plain = { ...columns, churned: Array.from(records, (r) => r.churned) };
      delete (plain as { entry?: unknown }).entry;
      expect(fitProportionalHazards(plain).logLikelihood).toBeCloseTo(-658.7476594461, 9);
    });

    it('leaves out a customer at risk at no time and counts entry 0 from time 0', () => {
      const base = rossi().slice(0, 120);
      const plain = fitProportionalHazards({ observations: base });
      const zero = fitProportionalHazards({ observations: base.map((o) => ({ ...o, entry: 0 })) });
      expect(zero).toEqual(plain);
      const extra = { duration: 20, churned: true, covariates: base[0]?.covariates ?? {}, entry: 20 };
      expect(fitProportionalHazards({ observations: [...base, extra] })).toEqual(plain);
      const atZero = [...base, { ...extra, duration: 0, entry: 0 }];
      expect(fitProportionalHazards({ observations: atZero }).events).toBe(plain.events + 1);
      // With other late entries, a churn at 0 with entry 0 is still at risk at 0: as without its entry.
      const mixed = [
        ...base.map((o, i) => ({ ...o, entry: i % 2 === 0 ? 0 : Math.min(3, o.duration) })),
        { ...extra, duration: 0, entry: 0 },
      ];
      const { entry: _unused, ...noEntry } = mixed[mixed.length - 1] as (typeof mixed)[number];
      const withZero = fitProportionalHazards({ observations: mixed });
      expect(fitProportionalHazards({ observations: [...mixed.slice(0, -1), noEntry] })).toEqual(withZero);
      expect(withZero.events).toBe(plain.events + 1);
      expect(withZero.nullLogLikelihood).toBeLessThan(0);
    });

    it('widens the interval with the confidence level', () => {
      const narrow = fitProportionalHazards({ observations: rossi() }, { confidence: 0.8 }).coefficients[6];
      const wide = fitProportionalHazards({ observations: rossi() }, { confidence: 0.99 }).coefficients[6];
      expect((wide?.high ?? 0) - (wide?.low ?? 0)).toBeGreaterThan((narrow?.high ?? 0) - (narrow?.low ?? 0));
    });
  });

  describe('edge cases', () => {
    it('reports the iterations running out as converged: false', () => {
      const fit = fitProportionalHazards({ observations: rossi() }, { maxIterations: 1 });
      expect(fit.converged).toBe(false);
      expect(fit.iterations).toBe(1);
    });

    it('fits β = 0 exactly when the covariate is balanced', () => {
      const fit = fitProportionalHazards({
        observations: [
          { duration: 1, churned: true, covariates: { a: 0 } },
          { duration: 1, churned: true, covariates: { a: 1 } },
          { duration: 2, churned: false, covariates: { a: 0 } },
          { duration: 2, churned: false, covariates: { a: 1 } },
        ],
      });
      expect(fit.coefficients[0]?.coefficient).toBe(0);
      expect(fit.coefficients[0]?.hazardRatio).toBe(1);
      expect(fit.likelihoodRatio.statistic).toBe(0);
      expect(fit.likelihoodRatio.pValue).toBe(1);
      expect(fit.concordance).toBe(0.5);
    });

    it('refuses a covariate that separates churners perfectly, naming it', () => {
      const observations = [1, 2, 3, 4, 5, 6, 7, 8].map((duration) => ({
        duration,
        churned: true,
        covariates: { seats: 10 - duration, noise: duration % 3 },
      }));
      const error = thrown(() => fitProportionalHazards({ observations }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.path).toEqual(['observations', 0, 'covariates', 'seats']);
      expect(error.message).toContain('separates');
    });

    it('refuses a constant covariate and one the others determine', () => {
      const base = rossi().slice(0, 50);
      const constant = base.map((o) => ({ ...o, covariates: { ...o.covariates, plan: 2 } }));
      expect(thrown(() => fitProportionalHazards({ observations: constant }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['observations', 0, 'covariates', 'plan'],
      });
      const collinear = base.map((o) => ({
        ...o,
        covariates: { ...o.covariates, twice: 2 * (o.covariates.age as number) },
      }));
      expect(thrown(() => fitProportionalHazards({ observations: collinear }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['observations', 0, 'covariates', 'twice'],
      });
      expect(
        thrown(() => fitProportionalHazards({ duration: [1, 2], churned: [1, 0], covariates: { a: [3, 3] } })),
      ).toMatchObject({ code: 'INVALID_INPUT', path: ['covariates', 'a'] });
    });

    it('has no data without observations or without a churn', () => {
      expect(thrown(() => fitProportionalHazards({ observations: [] }))).toMatchObject({
        code: 'NO_DATA',
        path: ['observations'],
      });
      expect(
        thrown(() => fitProportionalHazards({ duration: [1, 2], churned: [false, false], covariates: { a: [1, 2] } })),
      ).toMatchObject({ code: 'NO_DATA', path: ['churned'] });
    });
  });

  describe('validation', () => {
    const ok = { duration: 1, churned: true, covariates: { a: 1 } };
    const cases: [unknown, unknown, readonly (string | number)[]][] = [
      [
        { observations: [ok, { ...ok, covariates: { a: Number.NaN } }] },
        undefined,
        ['observations', 1, 'covariates', 'a'],
      ],
      [{ observations: [ok, { ...ok, covariates: { a: '2' } }] }, undefined, ['observations', 1, 'covariates', 'a']],
      [{ observations: [ok, { ...ok, covariates: {} }] }, undefined, ['observations', 1, 'covariates', 'a']],
      [
        { observations: [ok, { ...ok, covariates: { a: 1, b: 2 } }] },
        undefined,
        ['observations', 1, 'covariates', 'b'],
      ],
      [{ observations: [{ ...ok, covariates: {} }] }, undefined, ['observations', 0, 'covariates']],
      [{ observations: [ok, { ...ok, duration: -1 }] }, undefined, ['observations', 1, 'duration']],
      [{ observations: [ok, { ...ok, churned: 1 }] }, undefined, ['observations', 1, 'churned']],
      [{ observations: [ok, { ...ok, entry: 2 }] }, undefined, ['observations', 1, 'entry']],
      [{ observations: [ok, { ...ok, extra: 2 }] }, undefined, ['observations', 1]],
      [{ observations: [ok, null] }, undefined, ['observations', 1]],
      [{ observations: [ok, { ...ok, covariates: null }] }, undefined, ['observations', 1, 'covariates']],
      [{ duration: [1, 2], churned: [1], covariates: { a: [1, 2] } }, undefined, ['churned']],
      [{ duration: [1, 2], churned: [1, 2], covariates: { a: [1, 2] } }, undefined, ['churned', 1]],
      [
        { duration: [1, 2], churned: [1, 0], covariates: { a: [1, Number.POSITIVE_INFINITY] } },
        undefined,
        ['covariates', 'a', 1],
      ],
      [{ duration: [1, 2], churned: [1, 0], covariates: { a: [1] } }, undefined, ['covariates', 'a']],
      [{ duration: [1, 2], churned: [1, 0], covariates: {} }, undefined, ['covariates']],
      [{ duration: [1, 2], churned: [1, 0], covariates: { a: [1, 2] }, entry: [0, 3] }, undefined, ['entry', 1]],
      [{ duration: [1, 2], churned: [1, 0], covariates: { a: [1, 2] }, entry: [0] }, undefined, ['entry']],
      [{ duration: [1, Number.NaN], churned: [1, 0], covariates: { a: [1, 2] } }, undefined, ['duration', 1]],
      [{ observations: [ok] }, { ties: 'exact' }, ['ties']],
      [{ observations: [ok] }, { confidence: 1 }, ['confidence']],
      [{ observations: [ok] }, { maxIterations: 0 }, ['maxIterations']],
      [{ observations: [ok] }, { tolerance: 0 }, ['tolerance']],
      [{ observations: [ok] }, { entry: 1 }, []],
    ];
    it.each(cases)('refuses %j with options %j', (input, options, path) => {
      const error = thrown(() => fitProportionalHazards(input as never, options as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.path).toEqual(path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves records and columns as they were', () => {
      const records = rossi().slice(0, 80);
      const copy = structuredClone(records);
      fitProportionalHazards({ observations: records });
      expect(records).toEqual(copy);
      const duration = Float64Array.from(records, (r) => r.duration);
      const age = Float64Array.from(records, (r) => r.covariates.age as number);
      fitProportionalHazards({ duration, churned: records.map((r) => r.churned), covariates: { age } });
      expect(Array.from(duration)).toEqual(copy.map((r) => r.duration));
      expect(Array.from(age)).toEqual(copy.map((r) => r.covariates.age));
    });
  });
});
