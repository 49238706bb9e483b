// A host app's global configuration of decimal.js and zod changes neither our results nor our messages,
// whether it is set before the library is loaded or after.
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { allSamples } from './support/families.js';
import type { Call } from './support/types.js';

type Library = Record<string, (...args: unknown[]) => unknown>;

function hostile(): void {
  Decimal.set({ precision: 2, rounding: Decimal.ROUND_DOWN, toExpNeg: -1, toExpPos: 1, minE: -3, maxE: 3 });
  z.config(z.locales.fr());
  z.config({ customError: () => 'HOST MESSAGE' });
}

function restore(): void {
  Decimal.set({ defaults: true });
  z.config({ customError: undefined });
  z.config(z.locales.en());
}

/** Valid calls and, for each, a broken one (first number made NaN, or the whole input emptied). */
function calls(): [string, Call][] {
  const out: [string, Call][] = [];
  for (const [name, call] of allSamples()) {
    out.push([name, call]);
    out.push([name, [{}, ...call.slice(1)]]);
    out.push([name, [{ ...(call[0] as object), unexpectedKey: 1 }, ...call.slice(1)]]);
  }
  return out;
}

function outcome(lib: Library, name: string, call: Call): unknown {
  try {
    const result = lib[name]?.(...structuredClone([...call]));
    return typeof result === 'function' ? 'function' : result;
  } catch (error) {
    return { thrown: String((error as Error).message), issues: (error as { issues?: unknown }).issues };
  }
}

describe('isolation from the host configuration', () => {
  afterAll(restore);

  it('loading after a host configured decimal.js and zod', async () => {
    hostile();
    const lib = (await import('../src/index.js')) as unknown as Library;
    const hostileOutcomes = calls().map(([name, call]) => outcome(lib, name, call));
    restore();
    const cleanOutcomes = calls().map(([name, call]) => outcome(lib, name, call));
    expect(hostileOutcomes).toEqual(cleanOutcomes);
    expect(JSON.stringify(cleanOutcomes)).not.toContain('HOST MESSAGE');
    // The configuration really was hostile: the host's own Decimal computes differently.
    hostile();
    expect(new Decimal(1).div(3).toString()).not.toBe(new Decimal(1).div(3).toPrecision(20));
    const again = calls().map(([name, call]) => outcome(lib, name, call));
    expect(again).toEqual(cleanOutcomes);
    restore();
  });
});
