import { describe, expect, it } from 'vitest';
import { LIFETIME_UNIT_MS } from './lifetimeUnit.js';

describe('LIFETIME_UNIT_MS', () => {
  it('counts a month as 365/12 days, in whole milliseconds', () => {
    expect(LIFETIME_UNIT_MS.month).toBe(2_628_000_000);
    expect(LIFETIME_UNIT_MS.month * 12).toBe(365 * LIFETIME_UNIT_MS.day);
    expect(LIFETIME_UNIT_MS.week).toBe(7 * 86_400_000);
    for (const ms of Object.values(LIFETIME_UNIT_MS)) expect(Number.isSafeInteger(ms)).toBe(true);
  });
});
