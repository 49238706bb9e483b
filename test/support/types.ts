/**
 * The arguments of a valid call of a function: usually `[input, options?]`; functions of two inputs
 * (`compareNetPromoterScores(a, b, options)`) list all three. Used by the fuzz and isolation tests.
 */
export type Call = readonly unknown[];

/** What each family declares for the library-wide tests. */
export interface FamilySamples {
  /** The pinned value exports of `src/<family>/index.ts`, sorted. */
  readonly names: readonly string[];
  /** At least one valid call of every exported function. */
  readonly samples: Readonly<Record<string, readonly Call[]>>;
}
