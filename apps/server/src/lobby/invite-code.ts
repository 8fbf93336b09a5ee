import { ErrorCode, INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from "@lobby/contracts";
import type { Random } from "../core/random";
import { LobbyError } from "./lobby-error";
import type { StoreTx } from "./store";

const MAX_ATTEMPTS = 32;

/** A random code from the look-alike-free alphabet (31^6 ≈ 887 million codes). */
export function randomInviteCode(random: Random): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    code += INVITE_CODE_ALPHABET[Math.floor(random.next() * INVITE_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * Claim a code no live room holds. Collisions are retried with a fresh
 * code; the store's claim is atomic, so two rooms never share one.
 */
export async function allocateInviteCode(store: StoreTx, random: Random, roomId: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = randomInviteCode(random);
    if (await store.claimCode(code, roomId)) return code;
  }
  throw new LobbyError(ErrorCode.Internal, "Could not allocate a room code.");
}
