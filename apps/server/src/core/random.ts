import { randomInt } from "node:crypto";

/** A source of uniform floats in [0, 1); injected so tests are reproducible. */
export interface Random {
  next(): number;
}

/** Cryptographically strong randomness for production. */
export const cryptoRandom: Random = {
  next: () => randomInt(0, 2 ** 48 - 1) / 2 ** 48,
};

/** A small, fast, seeded generator (mulberry32) for tests and fuzzing; the game kit's, so games share it. */
export { seededRandom } from "@lobby/game-kit";

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random id of `length` characters drawn from `random`. */
export function randomId(random: Random, length = 12): string {
  let id = "";
  for (let i = 0; i < length; i++) {
    id += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];
  }
  return id;
}
