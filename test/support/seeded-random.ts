/**
 * A small deterministic generator (a linear congruential one) for tests that compare two
 * implementations over many generated inputs: the same seed gives the same inputs.
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
}
