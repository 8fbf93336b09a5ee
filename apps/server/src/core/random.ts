import { randomFillSync } from "node:crypto";

/** A source of uniform floats in [0, 1); injected so tests are reproducible. */
export interface Random {
  next(): number;
}

/** Bytes read from the system's generator at once: 1,365 draws of 48 bits a read. */
const POOL_BYTES = 8190;

/**
 * Cryptographically strong randomness for production. It draws from a pool
 * refilled from the system's generator a few kilobytes at a time, so an id's
 * dozen draws cost a dozen reads of a buffer rather than a dozen calls into
 * the generator (`crypto.randomInt` per draw was most of the cost of a chat
 * line).
 */
export function cryptoRandom(): Random {
  const pool = Buffer.alloc(POOL_BYTES);
  let offset = POOL_BYTES;
  return {
    next() {
      if (offset === POOL_BYTES) {
        randomFillSync(pool);
        offset = 0;
      }
      const value = pool.readUIntBE(offset, 6) / 2 ** 48;
      offset += 6;
      return value;
    },
  };
}

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
