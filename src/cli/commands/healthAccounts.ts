// What `health` keeps of a million accounts: a score, a status and an outcome each in typed arrays, the ids in a
// compact text column, and the full results (with the per-measure breakdown) of the lowest-scored only.
import type { HealthScoreResult, HealthStatus } from '../../health/index.js';
import { createColumn } from '../columns.js';

/** The statuses in the order of the tables; a status is kept as its index here. */
export const STATUSES = ['red', 'yellow', 'green'] as const satisfies readonly HealthStatus[];

const FIRST_CAPACITY = 1024;

function grown<A extends Float64Array | Uint8Array>(array: A, make: (length: number) => A): A {
  const next = make(array.length * 2);
  next.set(array);
  return next;
}

/** The score, status, id and outcome of every account, in file order. */
export class AccountColumns {
  length = 0;
  /** Whether every account had an outcome (true or false): without it, there is no calibration. */
  outcomeKnown = true;
  private scoreArray = new Float64Array(FIRST_CAPACITY);
  private statusArray = new Uint8Array(FIRST_CAPACITY);
  private outcomeArray = new Uint8Array(FIRST_CAPACITY);
  private readonly ids = createColumn('value');

  /** Adds an account; `churned` is undefined when its outcome cell is not a flag. */
  push(id: string, score: number, status: HealthStatus, churned: boolean | undefined): void {
    if (this.length === this.scoreArray.length) {
      this.scoreArray = grown(this.scoreArray, (n) => new Float64Array(n));
      this.statusArray = grown(this.statusArray, (n) => new Uint8Array(n));
      this.outcomeArray = grown(this.outcomeArray, (n) => new Uint8Array(n));
    }
    this.scoreArray[this.length] = score;
    this.statusArray[this.length] = STATUSES.indexOf(status);
    this.outcomeArray[this.length] = churned === true ? 1 : 0;
    if (churned === undefined) this.outcomeKnown = false;
    this.ids.push(id);
    this.length++;
  }

  /** The scores, a view of the column. */
  get scores(): Float64Array {
    return this.scoreArray.subarray(0, this.length);
  }

  /** Whether each account churned, 1 or 0 (0 also when unknown: see `outcomeKnown`). */
  get churned(): Uint8Array {
    return this.outcomeArray.subarray(0, this.length);
  }

  /** Account `index` as the JSON lists it. */
  account(index: number): { id: string; score: number; status: HealthStatus } {
    return {
      id: String(this.ids.get(index)),
      score: this.scoreArray[index] as number,
      status: STATUSES[this.statusArray[index] as number] as HealthStatus,
    };
  }

  /** How many accounts have each status. */
  counts(): { red: number; yellow: number; green: number } {
    const counts = [0, 0, 0];
    for (let i = 0; i < this.length; i++) {
      const code = this.statusArray[i] as number;
      counts[code] = (counts[code] as number) + 1;
    }
    const [red, yellow, green] = counts as [number, number, number];
    return { red, yellow, green };
  }
}

/** An account among the lowest-scored, with its full result. */
export interface LowAccount {
  readonly index: number;
  readonly id: string;
  readonly result: HealthScoreResult;
}

/** Lower score first; on a tie, the account that comes first in the file. */
function before(a: LowAccount, b: LowAccount): boolean {
  return a.result.score < b.result.score || (a.result.score === b.result.score && a.index < b.index);
}

/**
 * The `capacity` lowest-scored accounts, in a max-heap whose root is the highest of them: each account costs
 * at most one comparison and a sift of log(capacity) steps, and only `capacity` full results are held. (A
 * package such as mnemonist has this heap, but its ES module entry loads the whole collection into every
 * command's start, and its single modules are CommonJS only.)
 */
export class LowestScores {
  private readonly heap: LowAccount[] = [];

  constructor(private readonly capacity: number) {}

  /** Considers an account; accounts must be offered in file order. */
  offer(index: number, id: string, result: HealthScoreResult): void {
    const heap = this.heap;
    const entry = { index, id, result };
    if (heap.length < this.capacity) {
      heap.push(entry);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!before(heap[parent] as LowAccount, entry)) break;
        heap[child] = heap[parent] as LowAccount;
        child = parent;
      }
      heap[child] = entry;
    } else if (heap.length > 0 && before(entry, heap[0] as LowAccount)) {
      let parent = 0;
      for (;;) {
        let child = 2 * parent + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && before(heap[child] as LowAccount, heap[child + 1] as LowAccount)) child++;
        if (!before(entry, heap[child] as LowAccount)) break;
        heap[parent] = heap[child] as LowAccount;
        parent = child;
      }
      heap[parent] = entry;
    }
  }

  /** The accounts kept, lowest score first (ties in file order). */
  sorted(): LowAccount[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}
