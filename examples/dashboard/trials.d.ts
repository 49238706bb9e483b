/** A subscription record, as far as its trials go. */
export interface TrialSource {
  readonly customerId: string;
  readonly start: string;
  readonly end?: string | undefined;
  readonly status?: string | undefined;
}

/** A trial, as `trialConversion` takes it. */
export interface DerivedTrial {
  customerId: string;
  start: string;
  end?: string;
  convertedAt?: string;
}

/**
 * The trials of subscription records: each `status: 'trialing'` record is a trial from `start` to `end`,
 * converted at the start of the customer's first paying record starting at or after the trial's start.
 */
export function trialsOf(records: readonly TrialSource[]): DerivedTrial[];
