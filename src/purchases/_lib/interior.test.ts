import { describe, expect, it } from 'vitest';
import { interior } from './interior.js';

describe('interior', () => {
  it('accepts parameters from 1e-8 to 1e8 and nothing beyond', () => {
    expect(interior(1)).toBe(true);
    expect(interior(1e-8)).toBe(true);
    expect(interior(1e8)).toBe(true);
    expect(interior(9.9e-9)).toBe(false);
    expect(interior(1.1e8)).toBe(false);
    expect(interior(Number.NaN)).toBe(false);
  });
});
