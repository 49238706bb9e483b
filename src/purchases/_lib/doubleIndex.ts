// Numbers the distinct doubles (ages, recencies) of a base as they come, like AgeIndex, but kept for reuse:
// clearing it costs one write per key it holds, so a small base does not pay for allocating and zeroing
// 200 kB of tables on every call (a cost, and garbage, that dominated scoring a base of a few thousand).

/** Distinct keys beyond which `slot` answers −1: the base's values are then taken as all distinct. */
export const CAPACITY = 4096;
const SIZE = CAPACITY * 4;

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A dense numbering of at most 4 096 distinct doubles, emptied by `clear`. */
export class DoubleIndex {
  private readonly keys = new Float64Array(SIZE);
  private readonly ids = new Int32Array(SIZE).fill(-1);
  /** The table positions in use, in order of numbering, so that `clear` visits only those. */
  private readonly used = new Int32Array(CAPACITY);
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
        this.used[this.size] = h;
        return this.size++;
      }
      if (this.keys[h] === key) return id;
      h = (h + 1) & (SIZE - 1);
    }
  }

  /** Forgets every key. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.ids[this.used[i] as number] = -1;
    this.size = 0;
  }
}
