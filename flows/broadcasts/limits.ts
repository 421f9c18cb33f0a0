/** Shortest and longest announcement, in characters. */
export const BROADCAST_MIN_CHARS = 5;
export const BROADCAST_MAX_CHARS = 2000;
