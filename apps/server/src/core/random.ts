import { randomInt } from "node:crypto";

/** A source of uniform floats in [0, 1); injected so tests are reproducible. */
export interface Random {
  next(): number;
}

/** Cryptographically strong randomness for production. */
export const cryptoRandom: Random = {
  next: () => randomInt(0, 2 ** 48 - 1) / 2 ** 48,
};

/** A small, fast, seeded generator (mulberry32) for tests and fuzzing. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random id of `length` characters drawn from `random`. */
export function randomId(random: Random, length = 12): string {
  let id = "";
  for (let i = 0; i < length; i++) {
    id += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];
  }
  return id;
}
