import { setPendingJoin } from "./lobby-state";
import { desiredPath, parseRoomPath } from "./room-url";
import { showToast, update, useLobbyStore } from "./store";

/*
 * Keeps the address bar in step with the app: `/r/CODE` while in a room (or
 * while a shared link waits for the player to press Play), `/` otherwise.
 * replaceState only, so Back never lands inside a room the app has left.
 */
export function startUrlSync(): () => void {
  const code = parseRoomPath(window.location.pathname);
  if (code) update((s) => setPendingJoin(s, code));
  else if (window.location.pathname.startsWith("/r/")) {
    showToast("error", "That invite link doesn't contain a valid room code. Ask for the link again, or type the code.");
  }

  const sync = () => {
    const { room, pendingJoin } = useLobbyStore.getState();
    const path = desiredPath(room?.code ?? null, pendingJoin);
    if (window.location.pathname !== path) {
      window.history.replaceState(window.history.state, "", `${path}${window.location.search}`);
    }
  };
  sync();
  return useLobbyStore.subscribe(sync);
}
