// Numbers the distinct ages (doubles) of a base as they come, with an open-addressing hash table on the
// bits of the double: a Map keyed by non-integer numbers costs several times more per lookup, and scoring a
// base looks one up per customer.

/** Distinct keys beyond which `slot` answers −1: the base's ages are then taken as all distinct. */
const CAPACITY = 4096;
const SIZE = CAPACITY * 4;

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A dense numbering of at most 4 096 distinct doubles. */
export class AgeIndex {
  private readonly keys = new Float64Array(SIZE);
  private readonly ids = new Int32Array(SIZE).fill(-1);
  /** How many distinct keys have been numbered. */
  size = 0;

  /** The number of `key` (0, 1, … in order of first appearance), or −1 once the table is full. */
  slot(key: number): number {
    bits[0] = key;
    let h = Math.imul((words[0] as number) ^ Math.imul(words[1] as number, 0x9e3779b1), 0x85ebca6b) >>> 18;
    for (;;) {
      const id = this.ids[h] as number;
      if (id < 0) {
        if (this.size === CAPACITY) return -1;
        this.keys[h] = key;
        this.ids[h] = this.size;
        return this.size++;
      }
      if (this.keys[h] === key) return id;
      h = (h + 1) & (SIZE - 1);
    }
  }
}
