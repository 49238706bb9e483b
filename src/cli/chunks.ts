// Growing typed arrays kept in chunks of 64 Ki elements, for the compact columns of `columns.ts`: growing
// never copies nor doubles the memory, and each chunk of numbers takes the narrowest type that holds it.

export const CHUNK_BITS = 16;
export const CHUNK = 1 << CHUNK_BITS;
export const MASK = CHUNK - 1;

/** A growing typed array kept in fixed chunks, so that growing never copies nor doubles the memory. */
export class Chunked<A extends Float64Array | Int32Array | Uint8Array> {
  private readonly chunks: A[] = [];
  private size = 0;

  constructor(private readonly make: (length: number) => A) {}

  push(value: number): void {
    const offset = this.size & MASK;
    if (offset === 0) this.chunks.push(this.make(CHUNK));
    (this.chunks[this.chunks.length - 1] as A)[offset] = value;
    this.size++;
  }

  get(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as A)[index & MASK] as number;
  }

  get length(): number {
    return this.size;
  }
}

type NumberChunk = Int8Array | Int16Array | Int32Array | Float64Array;

/** Marks NaN in a chunk of whole numbers: the type's most negative value, which no cell is stored as. */
function nanCode(chunk: Int8Array | Int16Array | Int32Array): number {
  return chunk instanceof Int8Array ? -0x80 : chunk instanceof Int16Array ? -0x8000 : -0x80000000;
}

/** The next wider chunk type, holding the first `count` numbers of `chunk`. */
function widen(chunk: Int8Array | Int16Array | Int32Array, count: number, unit: number): NumberChunk {
  const nan = nanCode(chunk);
  if (chunk instanceof Int32Array) {
    const wide = new Float64Array(CHUNK);
    for (let i = 0; i < count; i++) wide[i] = chunk[i] === nan ? Number.NaN : (chunk[i] as number) * unit;
    return wide;
  }
  const wide = chunk instanceof Int8Array ? new Int16Array(CHUNK) : new Int32Array(CHUNK);
  const wideNan = nanCode(wide);
  for (let i = 0; i < count; i++) wide[i] = chunk[i] === nan ? wideNan : (chunk[i] as number);
  return wide;
}

/** The first `count` numbers of `chunk` (multiples of `unit`) as multiples of the finer unit `finer`. */
function refine(chunk: Int8Array | Int16Array | Int32Array, count: number, unit: number, finer: number): NumberChunk {
  const nan = nanCode(chunk);
  const values = Array.from({ length: count }, (_, i) => (chunk[i] === nan ? Number.NaN : (chunk[i] as number) * unit));
  const fits = values.every((value) => Number.isNaN(value) || ((value / finer) | 0) === value / finer);
  if (!fits) return Float64Array.from({ length: CHUNK }, (_, i) => (i < count ? (values[i] as number) : 0));
  const refined = new Int32Array(CHUNK);
  for (let i = 0; i < count; i++) refined[i] = Number.isNaN(values[i]) ? -0x80000000 : (values[i] as number) / finer;
  return refined;
}

/**
 * Numbers in chunks: a chunk holds multiples of a unit (the coarsest of `units` that its values are whole
 * multiples of) in the narrowest of Int8, Int16 and Int32 that fits them, or doubles once a value fits
 * none. Counts and prices take one or two bytes, dates two (whole days) or four (whole minutes), instead
 * of eight.
 */
export class NumberChunks {
  // `undefined` stands for a chunk whose cells are all NaN so far: a column left blank in every record of
  // the file (discounts, ends of ongoing subscriptions) costs nothing.
  private readonly chunks: (NumberChunk | undefined)[] = [];
  private readonly chunkUnits: number[] = [];
  private size = 0;

  /** `units` from the coarsest to the finest. */
  constructor(private readonly units: readonly number[]) {}

  push(value: number): void {
    const offset = this.size & MASK;
    if (offset === 0) this.chunks.push(undefined);
    const last = this.chunks.length - 1;
    let chunk = this.chunks[last];
    this.size++;
    if (chunk === undefined) {
      if (Number.isNaN(value)) return;
      chunk = new Int8Array(CHUNK);
      chunk.fill(-0x80, 0, offset);
      this.chunks[last] = chunk;
      this.chunkUnits[last] = this.units[0] as number;
    }
    let unit = this.chunkUnits[last] as number;
    while (!(chunk instanceof Float64Array)) {
      const nan = nanCode(chunk);
      if (Number.isNaN(value)) {
        chunk[offset] = nan;
        return;
      }
      // Kept only when it multiplies back into itself: a value far below `unit` would divide into 0.
      const scaled = value / unit;
      if (
        (scaled | 0) === scaled &&
        scaled * unit === value &&
        scaled > nan &&
        scaled < -nan &&
        !Object.is(value, -0)
      ) {
        chunk[offset] = scaled;
        return;
      }
      const finer = Number.isInteger(scaled)
        ? undefined
        : this.units.find((u) => u < unit && (value / u) % 1 === 0 && (value / u) * u === value);
      if (finer === undefined) {
        chunk = widen(chunk, offset, unit);
      } else {
        chunk = refine(chunk, offset, unit, finer);
        unit = finer;
        this.chunkUnits[last] = finer;
      }
      this.chunks[last] = chunk;
    }
    chunk[offset] = value;
  }

  get(index: number): number {
    const chunk = this.chunks[index >>> CHUNK_BITS];
    if (chunk === undefined) return Number.NaN;
    const value = chunk[index & MASK] as number;
    if (chunk instanceof Float64Array) return value;
    return value === nanCode(chunk) ? Number.NaN : value * (this.chunkUnits[index >>> CHUNK_BITS] as number);
  }

  get length(): number {
    return this.size;
  }
}
