// Customer ids numbered 0, 1, 2 … in the order they first appear, so that a million transactions can be
// grouped by customer with typed arrays. String ids go through `StringIds` (a hash table over one array of
// the strings, a fraction of a `Map`'s memory); integer ids, fewer in practice, through a `Map`. `1` and
// `'1'` are different customers, as in the record-level functions of the other families.
import { StringIds } from '../../internal/hash.js';

/** Dense slots for customer ids, in order of first appearance. */
export class CustomerSlots {
  /** The ids, by slot, as first read (an integer id −0 is kept as 0). */
  readonly ids: (string | number)[] = [];
  private readonly strings = new StringIds();
  /** The slot of each string's number in `strings`. */
  private stringSlots = new Int32Array(64);
  private readonly numbers = new Map<number, number>();
  private lastId: string | number | undefined;
  private lastSlot = -1;

  /** How many customers have a slot. */
  get size(): number {
    return this.ids.length;
  }

  /** The slot of a valid id (a non-empty string or a safe integer): its earlier one, or the next one. */
  slotOf(id: string | number): number {
    // Transactions are often grouped by customer: a run of one id costs one comparison each.
    if (id === this.lastId) return this.lastSlot;
    const slot = typeof id === 'string' ? this.stringSlot(id) : this.numberSlot(id);
    this.lastId = id;
    this.lastSlot = slot;
    return slot;
  }

  private stringSlot(id: string): number {
    const before = this.strings.size;
    const number = this.strings.idOf(id);
    if (number < before) return this.stringSlots[number] as number;
    if (number === this.stringSlots.length) {
      const grown = new Int32Array(2 * number);
      grown.set(this.stringSlots);
      this.stringSlots = grown;
    }
    const slot = this.ids.length;
    this.stringSlots[number] = slot;
    this.ids.push(id);
    return slot;
  }

  private numberSlot(id: number): number {
    const known = this.numbers.get(id);
    if (known !== undefined) return known;
    const slot = this.ids.length;
    this.numbers.set(id, slot);
    this.ids.push(id + 0);
    return slot;
  }
}
