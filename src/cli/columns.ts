// A compact store for the records of a file: one column per field, numbers and dates in chunks of the
// narrowest typed array that holds them (`chunks.ts`), repeated text interned, other text as Latin-1 bytes,
// so that a million records cost tens of megabytes instead of hundreds. The library
// is handed an array-like view that builds each record when it is read; its bulk functions read each element
// once, so only a few records exist at a time.

import { Buffer } from 'node:buffer';
import { CHUNK, CHUNK_BITS, Chunked, MASK, NumberChunks } from './chunks.js';

/** A field left out of its record (a blank optional cell). */
export const ABSENT: unique symbol = Symbol('absent');

/** A column of cells. */
export interface Column {
  push(value: unknown): void;
  /** The value as stored: a number for a numeric or date cell, {@link ABSENT} for a left-out one. */
  get(index: number): unknown;
}

/**
 * Numbers in a column of {@link NumberChunks}. `toNumber` gives the number a cell is stored as, or undefined
 * to keep the cell as it is (kept aside, by index: the library then sees exactly what the file holds).
 */
class NumberColumn implements Column {
  private readonly values: NumberChunks;
  // NaN in `values` marks a cell kept here, or a left-out one when absent here.
  private readonly others = new Map<number, unknown>();

  constructor(
    private readonly toNumber: (value: unknown) => number | undefined,
    units: readonly number[],
  ) {
    this.values = new NumberChunks(units);
  }

  push(value: unknown): void {
    const number = value === ABSENT ? undefined : this.toNumber(value);
    if (number === undefined || Number.isNaN(number)) {
      if (value !== ABSENT) this.others.set(this.values.length, value);
      this.values.push(Number.NaN);
    } else {
      this.values.push(number);
    }
  }

  get(index: number): unknown {
    const value = this.values.get(index);
    if (!Number.isNaN(value)) return value;
    return this.others.has(index) ? this.others.get(index) : ABSENT;
  }
}

/** Bytes of a block of text; a cell never spans two blocks. */
const TEXT_BLOCK = 1 << 20;
/** The most blocks: their positions stay below 2^31. */
const MAX_BLOCKS = 2047;
/** Marks a cell kept aside (not a Latin-1 string, or a long one). */
const ASIDE = 255;

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 255) return false;
  return true;
}

/** The widest text a chunk keeps at a fixed width (a chunk of 64 Ki cells of 40 bytes: 2.5 MB). */
const MAX_WIDTH = 40;

/** A chunk of text cells of one width, back to back: ids written with a fixed number of characters. */
class FixedText {
  readonly bytes: Buffer;

  constructor(readonly width: number) {
    this.bytes = Buffer.allocUnsafe(CHUNK * width);
  }
}

/** A chunk of text cells with a position in the column's blocks and a length a cell. */
class SpreadText {
  readonly starts = new Int32Array(CHUNK);
  readonly lengths = new Uint8Array(CHUNK);
}

/**
 * Text cells of many distinct values (ids) as Latin-1 bytes. A chunk of cells of one width (most ids) holds
 * only their characters; other chunks hold, in blocks, the characters with a position and a length a cell:
 * about 5 bytes and the characters, against some 40 bytes for a string object and its slot. Other values
 * (longer text, other characters, numbers of a JSON file) are kept aside as they are.
 */
class TextColumn implements Column {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  private readonly chunks: (FixedText | SpreadText)[] = [];
  private size = 0;
  private readonly others = new Map<number, unknown>();

  push(value: unknown): void {
    const offset = this.size & MASK;
    const index = this.size++;
    const text = typeof value === 'string' && value.length < ASIDE && isLatin1(value) ? value : undefined;
    if (offset === 0) {
      const width = text?.length ?? 0;
      this.chunks.push(width > 0 && width <= MAX_WIDTH ? new FixedText(width) : new SpreadText());
    }
    const last = this.chunks.length - 1;
    let chunk = this.chunks[last] as FixedText | SpreadText;
    if (chunk instanceof FixedText) {
      if (text !== undefined && text.length === chunk.width) {
        chunk.bytes.write(text, offset * chunk.width, 'latin1');
        return;
      }
      chunk = this.spread(chunk, offset, index - offset);
      this.chunks[last] = chunk;
    }
    this.place(chunk, offset, index, text ?? value);
  }

  /** The cells of a fixed-width chunk written so far, moved into the blocks. */
  private spread(fixed: FixedText, count: number, first: number): SpreadText {
    const chunk = new SpreadText();
    for (let i = 0; i < count; i++) {
      this.place(chunk, i, first + i, fixed.bytes.toString('latin1', i * fixed.width, (i + 1) * fixed.width));
    }
    return chunk;
  }

  private place(chunk: SpreadText, offset: number, index: number, value: unknown): void {
    if (typeof value === 'string' && value.length < ASIDE && isLatin1(value)) {
      if ((this.blocks.length === 0 || this.used + value.length > TEXT_BLOCK) && this.blocks.length < MAX_BLOCKS) {
        this.blocks.push(Buffer.allocUnsafe(TEXT_BLOCK));
        this.used = 0;
      }
      if (this.blocks.length > 0 && this.used + value.length <= TEXT_BLOCK) {
        const block = this.blocks.length - 1;
        (this.blocks[block] as Buffer).write(value, this.used, 'latin1');
        chunk.starts[offset] = block * TEXT_BLOCK + this.used;
        chunk.lengths[offset] = value.length;
        this.used += value.length;
        return;
      }
    }
    this.others.set(index, value);
    chunk.lengths[offset] = ASIDE;
  }

  get(index: number): unknown {
    const chunk = this.chunks[index >>> CHUNK_BITS] as FixedText | SpreadText;
    const offset = index & MASK;
    if (chunk instanceof FixedText) {
      const at = offset * chunk.width;
      return chunk.bytes.toString('latin1', at, at + chunk.width);
    }
    const length = chunk.lengths[offset] as number;
    if (length === ASIDE) return this.others.get(index);
    const start = chunk.starts[offset] as number;
    const at = start % TEXT_BLOCK;
    return (this.blocks[(start - at) / TEXT_BLOCK] as Buffer).toString('latin1', at, at + length);
  }
}

/** The most distinct values a column interns (one byte a cell); beyond, it holds text as bytes (ids). */
const MAX_DISTINCT = 256;

/** Cells of few distinct values (currency, status, interval, plan): each stored once, a one-byte code a cell. */
class ValueColumn implements Column {
  private readonly index = new Map<unknown, number>([[ABSENT, 0]]);
  private readonly table: unknown[] = [ABSENT];
  private readonly codes = new Chunked((n) => new Uint8Array(n));
  private text: TextColumn | undefined;

  push(value: unknown): void {
    if (this.text !== undefined) {
      this.text.push(value);
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      if (this.table.length === MAX_DISTINCT) {
        const text = new TextColumn();
        for (let i = 0; i < this.codes.length; i++) text.push(this.table[this.codes.get(i)]);
        text.push(value);
        this.text = text;
        this.index.clear();
        return;
      }
      code = this.table.length;
      this.table.push(value);
      this.index.set(value, code);
    }
    this.codes.push(code);
  }

  get(index: number): unknown {
    return this.text === undefined ? this.table[this.codes.get(index)] : this.text.get(index);
  }
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** The canonical form of a non-negative plain decimal: no leading zeros, no trailing fraction zeros. */
function canonicalDecimal(text: string): string {
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  whole = whole.slice(start);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * A money cell as a number when that number is the same decimal: the library reads a number through its
 * shortest round-trip form, so `"249.00"` and 249 are the same amount. Anything else (more digits than a
 * double holds, a sign, an exponent, text) is kept as written.
 */
export function moneyNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.length > 24 || !PLAIN_DECIMAL.test(value)) return undefined;
  const number = Number(value);
  return String(number) === canonicalDecimal(value) ? number : undefined;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A date cell as epoch milliseconds, for the two forms files hold most (`2024-03-15`, midnight UTC, and
 * `2024-03-15T10:00:00Z`, optionally with milliseconds): the library takes epoch milliseconds for a date and
 * reads those forms to the same instant. Other forms, and invalid dates, are kept as written for the
 * library to read or to reject.
 */
export function dateNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const length = value.length;
  if (length !== 10 && length !== 20 && length !== 24) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (length === 10) return Date.UTC(year, month - 1, day);
  if (value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return undefined;
  if (value.charCodeAt(length - 1) !== 90 || (length === 24 && value.charCodeAt(19) !== 46)) return undefined;
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  const ms = length === 24 ? digits(value, 20, 3) : 0;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** How a column stores its cells. */
export type ColumnKind = 'value' | 'number' | 'money' | 'date';

/** A new, empty column of a kind. */
export function createColumn(kind: ColumnKind): Column {
  if (kind === 'value') return new ValueColumn();
  if (kind === 'money') return new NumberColumn(moneyNumber, [1]);
  // Dates in whole days (two bytes from 1880 to 2059) or whole minutes, which an Int32 holds from −2113 to 6053.
  if (kind === 'date') return new NumberColumn(dateNumber, [86_400_000, 60_000]);
  return new NumberColumn((value) => (typeof value === 'number' ? value : undefined), [1]);
}

/**
 * Where each record of a file starts (`line 12`, `record 12`), as numbers. Records mostly follow one another
 * a line apart: a chunk of such records keeps only its first number, other chunks a number a record.
 */
export class Locations {
  /** Per chunk, its first number and, when its numbers are not consecutive, all of them. */
  private readonly firsts: number[] = [];
  private readonly numbers: (Int32Array | undefined)[] = [];
  private size = 0;
  private readonly others = new Map<number, string>();
  private prefix: string | undefined;

  push(location: string): void {
    const space = location.lastIndexOf(' ');
    const parsed = Number(location.slice(space + 1));
    this.prefix ??= location.slice(0, space);
    const fits =
      location.slice(0, space) === this.prefix && Number.isInteger(parsed) && parsed > 0 && parsed <= 0x7fffffff;
    if (!fits) this.others.set(this.size, location);
    const number = fits ? parsed : 0;
    const offset = this.size & MASK;
    const chunk = this.size >>> CHUNK_BITS;
    this.size++;
    if (offset === 0) {
      this.firsts.push(number);
      this.numbers.push(undefined);
      return;
    }
    const first = this.firsts[chunk] as number;
    let numbers = this.numbers[chunk];
    if (numbers === undefined) {
      if (first !== 0 && number === first + offset) return;
      numbers = new Int32Array(CHUNK);
      for (let i = 0; i < offset; i++) numbers[i] = first + i;
      this.numbers[chunk] = numbers;
    }
    numbers[offset] = number;
  }

  /** The location of record `index`, as the reader wrote it. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.size) return undefined;
    const chunk = index >>> CHUNK_BITS;
    const offset = index & MASK;
    const numbers = this.numbers[chunk];
    const number = numbers === undefined ? (this.firsts[chunk] as number) + offset : (numbers[offset] as number);
    return number === 0 ? this.others.get(index) : `${this.prefix} ${number}`;
  }

  get length(): number {
    return this.size;
  }
}

/** The index an array property key names, or -1. */
function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== 'string') return -1;
  const code = key.charCodeAt(0);
  // Index keys only: digits, no leading zero (`"01"` is not an index of an array).
  if (code === 48) return key === '0' && length > 0 ? 0 : -1;
  if (!(code >= 49 && code <= 57)) return -1;
  const index = Number(key);
  return Number.isInteger(index) && index < length ? index : -1;
}

/**
 * An array of `length` elements, each built by `build(index)` when it is read and not kept: a library
 * function that reads every element once sees an array (`Array.isArray` holds), while only a few elements
 * exist at a time. Reading an element twice builds it twice. Its iterator builds the elements in order
 * without going through index keys (the library reads bulk inputs through an iterator of their own: a
 * Proxy read by index turns each index into a string, and a million of those strings fill the heap).
 */
export function lazyArray<T>(length: number, build: (index: number) => T): readonly T[] {
  // The proxy answers for the elements and the length: a target of `length` holes would take 8 bytes an
  // element, as much as a real array.
  const target: T[] = [];
  function* elements(): Generator<T> {
    for (let index = 0; index < length; index++) yield build(index);
  }
  return new Proxy(target, {
    get(array, key, receiver) {
      if (key === Symbol.iterator) return elements;
      if (key === 'length') return length;
      const index = indexOf(key, length);
      return index < 0 ? Reflect.get(array, key, receiver) : build(index);
    },
    has(array, key) {
      return indexOf(key, length) >= 0 || Reflect.has(array, key);
    },
  });
}
