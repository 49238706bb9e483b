// 32-bit hashes of ids, and dense numbers for string ids: what several families need to group or check a
// million ids without a `Map` or `Set` of them (several times slower to fill, and several times the memory:
// their entries, and the tables they leave behind as they grow).

/** Strings up to this length are hashed whole; longer ones on their length and this many characters. */
export const SAMPLED_LENGTH = 8;

/**
 * A 32-bit hash of a string: per block of two UTF-16 units an exclusive or and a multiply (as in FNV-1a),
 * then MurmurHash3's finaliser so that every bit counts in the slot and group. Reading a character costs
 * more than mixing it, so a string longer than 8 characters is hashed, unless `whole`, on its length, its
 * last six characters (where counters and random suffixes differ) and the characters a third and two thirds
 * of the way. Ids that agree there are told apart by comparing them; when too many do, every character is
 * hashed (see {@link firstRepeatedId}).
 */
export function hashString(text: string, whole: boolean): number {
  const length = text.length;
  let h = length ^ 0x9747b28c;
  if (length <= SAMPLED_LENGTH || whole) {
    let i = 0;
    for (; i + 1 < length; i += 2) h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    if (i < length) h = mixBlock(h, text.charCodeAt(i));
  } else {
    h = mixBlock(h, text.charCodeAt(length - 1) | (text.charCodeAt(length - 2) << 16));
    h = mixBlock(h, text.charCodeAt(length - 3) | (text.charCodeAt(length - 4) << 16));
    h = mixBlock(h, text.charCodeAt(length - 5) | (text.charCodeAt(length - 6) << 16));
    h = mixBlock(h, text.charCodeAt((length / 3) | 0) | (text.charCodeAt(((2 * length) / 3) | 0) << 16));
  }
  return finalMix(h);
}

/** One block into the hash: a bijection of the hash for each block (the multiplier is odd). */
function mixBlock(h: number, block: number): number {
  return Math.imul(h ^ block, 0x01000193);
}

/** A 32-bit hash of a safe integer, from its low and high 32 bits. */
export function hashInteger(value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 4_294_967_296) | 0;
  return finalMix(low ^ Math.imul(high ^ 0x5bd1e995, 0x85ebca6b) ^ 0x27d4eb2f);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Dense numbers 0, 1, 2 … for strings, in the order they first appear: an open-addressing table of 32-bit
 * slots over one array of the strings, each compared exactly when its hash agrees. For a million strings it
 * holds a few bytes a string beside the strings themselves, where a `Map` holds some 50 and leaves as much
 * garbage behind while it grows. Every character is hashed, with a seed of its own, so that ids which agree
 * in most places still spread, and no fixed list of ids can make every look-up collide.
 */
export class StringIds {
  /** The strings, by number. */
  readonly strings: string[] = [];
  private hashes = new Int32Array(64);
  /** 1 + the number of the string in the slot, or 0 for an empty slot. */
  private slots = new Int32Array(128);
  private mask = 127;
  private readonly seed = (Math.random() * 4_294_967_296) | 0;

  /** How many distinct strings have been numbered. */
  get size(): number {
    return this.strings.length;
  }

  /** The number of `text`: the one it was given before, or the next one. */
  idOf(text: string): number {
    const hash = hashString(text, true) ^ this.seed;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot] as number;
      if (held === 0) break;
      if (this.hashes[held - 1] === hash && this.strings[held - 1] === text) return held - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.strings.length;
    this.strings.push(text);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(2 * id);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    slots[slot] = id + 1;
    // At most half the slots in use keeps linear probing short.
    if (2 * (id + 1) > mask) this.grow();
    return id;
  }

  private grow(): void {
    const capacity = 2 * this.slots.length;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity);
    const hashes = this.hashes;
    for (let id = 0; id < this.strings.length; id++) {
      let slot = (hashes[id] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
