// Numbers the distinct (frequency, age) pairs of a base as they come, with an open-addressing hash table on
// the bits of the two doubles: a base summarised in whole days or weeks has a few thousand distinct pairs
// among hundreds of thousands of customers, and a prediction that depends on the pair alone (BG/NBD's
// hypergeometric term) is then computed once per pair. A Map keyed by strings or nested Maps would cost
// several times more per lookup, and scoring a base looks one up per customer.

/** Distinct pairs beyond which `slot` answers −1: the remaining customers are then taken one by one. */
export const PAIR_CAPACITY = 1 << 16;

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A dense numbering of distinct pairs of doubles (a, b), a ≥ 0, up to a capacity. */
export class PairIndex {
  /** First members of the stored pairs, −1 where a slot of the table is empty. */
  private firsts = new Float64Array(1024).fill(-1);
  private seconds = new Float64Array(1024);
  private ids = new Int32Array(1024);
  /** 32 − log2 of the table's length: the hash is the top bits of a multiplicative mix. */
  private shift = 22;
  /** How many distinct pairs have been numbered. */
  size = 0;

  /** Numbers at most `capacity` pairs (default {@link PAIR_CAPACITY}); `Infinity` numbers every pair. */
  constructor(private readonly capacity = PAIR_CAPACITY) {}

  /**
   * The number of (`a`, `b`) (0, 1, … in order of first appearance; a new pair gets `size − 1` after the
   * call), or −1 once `capacity` pairs are numbered and this one is not among them. `a` must be
   * ≥ 0 (−1 marks an empty slot); pairs are equal when their members are (===).
   */
  slot(a: number, b: number): number {
    bits[0] = b;
    const mask = this.firsts.length - 1;
    // `a | 0` wraps frequencies beyond 2^31, which only costs collisions; equality compares the doubles.
    let h =
      Math.imul((words[0] as number) ^ Math.imul((words[1] as number) + (a | 0), 0x9e3779b1), 0x85ebca6b) >>>
      this.shift;
    for (;;) {
      const first = this.firsts[h] as number;
      if (first === a && this.seconds[h] === b) return this.ids[h] as number;
      if (first < 0) break;
      h = (h + 1) & mask;
    }
    if (this.size === this.capacity) return -1;
    this.firsts[h] = a;
    this.seconds[h] = b;
    this.ids[h] = this.size;
    // Kept at most half full, so that a probe meets an empty slot soon.
    if (2 * ++this.size > mask) this.grow();
    return this.size - 1;
  }

  /** Doubles the table and places the pairs again. */
  private grow(): void {
    const { firsts, seconds, ids } = this;
    const length = 2 * firsts.length;
    this.firsts = new Float64Array(length).fill(-1);
    this.seconds = new Float64Array(length);
    this.ids = new Int32Array(length);
    this.shift--;
    const mask = length - 1;
    for (let k = 0; k < firsts.length; k++) {
      const a = firsts[k] as number;
      if (a < 0) continue;
      const b = seconds[k] as number;
      bits[0] = b;
      let h =
        Math.imul((words[0] as number) ^ Math.imul((words[1] as number) + (a | 0), 0x9e3779b1), 0x85ebca6b) >>>
        this.shift;
      while ((this.firsts[h] as number) >= 0) h = (h + 1) & mask;
      this.firsts[h] = a;
      this.seconds[h] = b;
      this.ids[h] = ids[k] as number;
    }
  }
}
