import { setPendingJoin } from "./lobby-state";
import { partyLinkNotice, roomLinkNotice, showNotice } from "./notice-state";
import { setPendingParty } from "./party-state";
import { desiredPath, looksLikeInvite, parsePartyPath, parseRoomPath } from "./room-url";
import { update, useLobbyStore } from "./store";

const BROKEN_ROOM_LINK =
  "This link doesn't contain a valid room code (a code is 6 letters and digits, like K7QX3P). Ask for the link again, or type the code in the lobby.";
const BROKEN_PARTY_LINK =
  "This link doesn't contain a valid party code. Ask your friend for the link again, or type the code in the lobby.";

/*
 * Keeps the address bar in step with the app: `/r/CODE` while in a room (or
 * while a shared link waits for the player to press Play), `/p/CODE` while a
 * party link waits, `/` otherwise. replaceState only, so Back never lands
 * inside a room the app has left.
 */
export function startUrlSync(): () => void {
  const { pathname } = window.location;
  const room = parseRoomPath(pathname);
  const party = parsePartyPath(pathname);
  if (room) update((s) => setPendingJoin(s, room));
  else if (party) update((s) => setPendingParty(s, party));
  else if (looksLikeInvite(pathname, "room")) update((s) => showNotice(s, roomLinkNotice(null, BROKEN_ROOM_LINK)));
  else if (looksLikeInvite(pathname, "party")) update((s) => showNotice(s, partyLinkNotice(BROKEN_PARTY_LINK)));

  const sync = () => {
    const { room, pendingJoin, pendingParty } = useLobbyStore.getState();
    const path = desiredPath(room?.code ?? null, pendingJoin, pendingParty);
    if (window.location.pathname !== path) {
      window.history.replaceState(window.history.state, "", `${path}${window.location.search}`);
    }
  };
  sync();
  return useLobbyStore.subscribe(sync);
}
