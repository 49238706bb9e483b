import { describe, expect, it } from 'vitest';
import { CustomerSlots } from './customerSlots.js';

describe('CustomerSlots', () => {
  it('numbers ids in order of first appearance, strings and integers apart', () => {
    const slots = new CustomerSlots();
    const seen = ['b', 'a', 'b', 7, '7', 7, 'a', -0, 0, 'c'].map((id) => slots.slotOf(id));
    expect(seen).toEqual([0, 1, 0, 2, 3, 2, 1, 4, 4, 5]);
    expect(slots.ids).toEqual(['b', 'a', 7, '7', 0, 'c']);
    expect(Object.is(slots.ids[4], 0)).toBe(true);
    expect(slots.size).toBe(6);
  });

  it('keeps its slots as the table of strings grows', () => {
    const slots = new CustomerSlots();
    for (let i = 0; i < 5000; i++) {
      slots.slotOf(i);
      slots.slotOf(`s${i}`);
    }
    expect(slots.slotOf('s0')).toBe(1);
    expect(slots.slotOf('s4999')).toBe(9999);
    expect(slots.slotOf(4999)).toBe(9998);
    expect(slots.size).toBe(10_000);
  });
});
