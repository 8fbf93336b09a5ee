import { ErrorCode, PlayerName, type ModeId } from "@lobby/contracts";
import {
  ClientErrorCode,
  createLobbyClient,
  type LobbyClient,
  type RequestResult,
} from "@lobby/client";
import { describeError, describeHandshakeError } from "./errors";
import {
  applyLeftRoom,
  applyQueueStatus,
  applyRoomState,
  applySession,
  applyStats,
  signedOut,
  type SessionLoss,
} from "./lobby-state";
import { rememberName } from "./name-storage";
import { showToast, update, useLobbyStore } from "./store";

/*
 * The one place that talks to the server. It owns the LobbyClient, turns its
 * events and acks into store transitions, and exports the actions components
 * call. Components never see the socket.
 */

let client: LobbyClient | null = null;
let unsubscribe: (() => void)[] = [];

/** Connect under `rawName`; errors land in `nameError` for the name screen. */
export function joinLobby(rawName: string): void {
  const parsed = PlayerName.safeParse(rawName);
  if (!parsed.success) {
    const nameError = parsed.error.issues[0]?.message ?? "That name can't be used.";
    update((s) => ({ ...s, nameError: `${nameError}.` }));
    return;
  }
  const name = parsed.data;
  rememberName(name);
  closeClient();

  const next = createLobbyClient({ name });
  client = next;
  unsubscribe = subscribe(next);
  update((s) => ({ ...s, joining: true, nameError: null }));
  next.connect().catch((error: unknown) => {
    if (client !== next) return;
    closeClient();
    update((s) => signedOut(s, describeHandshakeError(error)));
  });
}

/** The player is editing the name: an old complaint no longer applies. */
export function clearNameError(): void {
  if (useLobbyStore.getState().nameError) update((s) => ({ ...s, nameError: null }));
}

/** Give up on a handshake that is still retrying. */
export function cancelJoin(): void {
  closeClient();
  update((s) => signedOut(s, null));
}

/** Leave the lobby and go back to the name screen. */
export function changeName(): void {
  closeClient();
  update((s) => signedOut(s, null));
}

export function quickMatch(mode: ModeId): void {
  void request((c) => c.quickMatch(mode)).then((status) => {
    if (status) update((s) => applyQueueStatus(s, status));
  });
}

export function cancelQueue(): void {
  void request((c) => c.cancelQueue()).then((status) => {
    if (status) update((s) => applyQueueStatus(s, status));
  });
}

/** Drop a disc; the board changes only when the server's room:state arrives. */
export function dropDisc(column: number): void {
  void request((c) => c.move({ mode: "connect-four", column }));
}

export function requestRematch(): void {
  void request((c) => c.rematch());
}

export function leaveRoom(): void {
  const roomId = useLobbyStore.getState().room?.id;
  if (!roomId) return;
  void request(
    (c) => c.leaveRoom(),
    // The server has already forgotten us there, so the room is gone either way.
    (error) => error.code === ErrorCode.NotInRoom,
  ).then((done) => {
    if (done !== undefined) update((s) => applyLeftRoom(s, roomId));
  });
}

/**
 * Send a request on the current client. Resolves with the ack data, or
 * undefined after showing the refusal as a toast (unless `stillDone` says the
 * refusal means the goal was reached anyway — the toast is still shown).
 */
async function request<T>(
  send: (c: LobbyClient) => Promise<RequestResult<T>>,
  stillDone?: (error: { code: string; message: string }) => boolean,
): Promise<T | null | undefined> {
  const current = client;
  if (!current) {
    showToast("error", describeError({ code: ClientErrorCode.NotConnected, message: "" }));
    return undefined;
  }
  const result = await send(current);
  // An answer for a client we have since replaced belongs to a dead session.
  if (client !== current) return undefined;
  if (result.ok) return result.data;
  showToast("error", describeError(result.error));
  return stillDone?.(result.error) ? null : undefined;
}

function subscribe(c: LobbyClient): (() => void)[] {
  const live = () => client === c;
  return [
    c.onConnectionState((connection) => {
      if (!live()) return;
      const { session } = useLobbyStore.getState();
      if (connection === "disconnected" && session) {
        // Final: the server closed us or refused the name on reconnect.
        closeClient();
        update((s) => signedOut(s, "You were disconnected from the server. Press Play to come back."));
        return;
      }
      update((s) => ({ ...s, connection }));
    }),
    c.on("session:ready", (session) => {
      if (!live()) return;
      const { state, lost } = applySession(useLobbyStore.getState(), session, Date.now());
      update(() => state);
      announceReconnect(lost);
    }),
    c.on("lobby:stats", (stats) => {
      if (live()) update((s) => applyStats(s, stats));
    }),
    c.on("queue:status", (status) => {
      if (live()) update((s) => applyQueueStatus(s, status));
    }),
    c.on("room:state", (view) => {
      if (live()) update((s) => applyRoomState(s, view));
    }),
  ];
}

function announceReconnect(lost: SessionLoss): void {
  if (lost === null) return;
  const message =
    lost === "room"
      ? "You were disconnected and lost your seat in the match. You're back in the lobby."
      : lost === "queue"
        ? "You were disconnected and dropped out of the queue. Press Quick match to search again."
        : "You're back online.";
  showToast("info", message);
}

function closeClient(): void {
  // Unsubscribe first so our own disconnect is not mistaken for the server dropping us.
  for (const stop of unsubscribe) stop();
  unsubscribe = [];
  client?.disconnect();
  client = null;
}
