import { ErrorCode } from "@lobby/contracts";
import type { ConnectionStore, LobbyConnection, PartyConnection } from "./connection-api";
import { applyPartyLeft, applyPartyState, setPendingParty } from "./party-state";

/*
 * The party requests, on top of the connection's `request`: each answer
 * updates the store (the pushes that follow say the same, and the newest
 * version wins), and a refusal is a toast in our own words (errors.ts).
 */
export function createPartyConnection(
  request: LobbyConnection["request"],
  { getState, update }: ConnectionStore,
): PartyConnection & { joinPendingParty: () => Promise<void> } {
  async function createParty(): Promise<boolean> {
    const result = await request((c) => c.createParty());
    if (!result?.ok) return false;
    update((s) => applyPartyState(s, result.data));
    return true;
  }

  async function joinParty(code: string, fromLink = false): Promise<boolean> {
    // A link to our own party (opened again, or a reload before the address bar caught up) is where we are.
    const alreadyHere = () => fromLink && getState().party?.code === code;
    const result = await request((c) => c.joinParty(code), {
      quiet: (error) => error.code === ErrorCode.AlreadyInParty && alreadyHere(),
    });
    if (!result) return false;
    if (!result.ok) return alreadyHere();
    update((s) => applyPartyState(s, result.data));
    return true;
  }

  async function leaveParty(): Promise<boolean> {
    const code = getState().party?.code;
    if (!code) return false;
    const result = await request((c) => c.leaveParty(), {
      // The server has already let us go (removed, or the party ended): we are out either way.
      quiet: (error) => error.code === ErrorCode.NotInParty,
    });
    if (!result || (!result.ok && result.error.code !== ErrorCode.NotInParty)) return false;
    update((s) => applyPartyLeft(s, code).state);
    return true;
  }

  async function kickFromParty(playerId: string): Promise<boolean> {
    const result = await request((c) => c.kickFromParty(playerId));
    return result?.ok ?? false;
  }

  /** After a sign-in: join the party of the /p/CODE link the page was opened with. */
  async function joinPendingParty(): Promise<void> {
    const code = getState().pendingParty;
    if (!code) return;
    await joinParty(code, true);
    update((s) => setPendingParty(s, null));
  }

  return { createParty, joinParty, leaveParty, kickFromParty, joinPendingParty };
}
