import type { Profile } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/* The player's profile as last fetched, for the profile dialog. */

/** A profile:get answer. It belongs to this device's identity, so it outlives rooms but not signing out. */
export function applyProfile(state: LobbyState, profile: Profile): LobbyState {
  return state.session ? { ...state, profile } : state;
}
