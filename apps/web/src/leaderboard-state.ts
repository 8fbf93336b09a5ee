import type { Leaderboard } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/* Each mode's leaderboard as last fetched, for the leaderboard dialog. */

/**
 * A leaderboard:get answer, kept under its own mode: answers for several
 * modes may cross on the wire, and each still lands where it belongs. Like
 * the profile, it outlives rooms but not signing out.
 */
export function applyLeaderboard(state: LobbyState, board: Leaderboard): LobbyState {
  return state.session ? { ...state, leaderboards: { ...state.leaderboards, [board.mode]: board } } : state;
}
