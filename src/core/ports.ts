/** The time source; injected so tests can freeze and move time. */
export interface Clock {
  now(): Date;
}

/** Source of unique ids; injected so tests get predictable ones. */
export interface Ids {
  next(): string;
}
