import { z } from "zod";
import type { Ack } from "./ack";
import { GameMove } from "./games";
import { ModeId, ModeInfo } from "./modes";
import { PublicPlayer } from "./player";
import { RoomId, RoomView } from "./room";

/** The namespace every lobby connection uses. */
export const LOBBY_NAMESPACE = "/lobby";

// ---------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------

/** Where a player is in the matchmaking queues. */
export const QueueStatus = z.discriminatedUnion("state", [
  z.object({ state: z.literal("idle") }),
  z.object({
    state: z.literal("queued"),
    mode: ModeId,
    /** Server time (ms since epoch) at which the player joined the queue. */
    joinedAt: z.number(),
  }),
  /** Matched: the player now has a seat in `roomId` (its state follows as `room:state`). */
  z.object({ state: z.literal("matched"), mode: ModeId, roomId: RoomId }),
]);
export type QueueStatus = z.infer<typeof QueueStatus>;

/** Sent once, right after the handshake is accepted. */
export const Session = z.object({
  player: PublicPlayer,
  modes: z.array(ModeInfo),
  /** Server time (ms since epoch), so clients can show server-timed countdowns. */
  serverTime: z.number(),
});
export type Session = z.infer<typeof Session>;

/** Presence figures for the lobby screen. */
export const LobbyStats = z.object({
  online: z.int().min(0),
  queues: z.record(ModeId, z.int().min(0)),
});
export type LobbyStats = z.infer<typeof LobbyStats>;

export const QueueJoinPayload = z.strictObject({ mode: ModeId });
export const EmptyPayload = z.strictObject({});
export const GameMovePayload = z.strictObject({ move: GameMove });
export const MoveAccepted = z.object({ version: z.int().min(0) });
export const Done = z.null();

// ---------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------

interface ClientEventContract {
  payload: z.ZodType;
  result: z.ZodType;
  /** Who may send it, for the protocol document. */
  sender: string;
  summary: string;
}

/**
 * Every event a client may emit. Each takes one payload and an ack callback;
 * the server parses the payload with `payload` and answers with an
 * `AckResult` whose data matches `result`.
 */
export const clientEvents = {
  "queue:join": {
    payload: QueueJoinPayload,
    result: QueueStatus,
    sender: "A player who is neither queued nor seated.",
    summary:
      "Quick match: wait in the mode's queue until enough players are waiting, then be seated in a new match room.",
  },
  "queue:leave": {
    payload: EmptyPayload,
    result: QueueStatus,
    sender: "A player who is queued.",
    summary: "Stop waiting in the queue.",
  },
  "game:move": {
    payload: GameMovePayload,
    result: MoveAccepted,
    sender: "A seated, connected player whose turn it is, while the game is running.",
    summary: "Make a move. The server validates it and broadcasts the new room state.",
  },
  "game:rematch": {
    payload: EmptyPayload,
    result: Done,
    sender: "A seated player after the result, while every seat is still connected.",
    summary: "Ask to play again with the same group. The next game starts once every seat has asked.",
  },
  "room:leave": {
    payload: EmptyPayload,
    result: Done,
    sender: "A seated player.",
    summary: "Leave the match room. Leaving a running game forfeits it.",
  },
} as const satisfies Record<string, ClientEventContract>;

export type ClientEventName = keyof typeof clientEvents;
export const clientEventNames = Object.keys(clientEvents) as ClientEventName[];

export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]["payload"]>;
export type ParsedClientPayload<E extends ClientEventName> = z.output<
  (typeof clientEvents)[E]["payload"]
>;
export type ClientResult<E extends ClientEventName> = z.output<(typeof clientEvents)[E]["result"]>;

/** Event map for `Socket<ServerToClientEvents, ClientToServerEvents>` on the client. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientResult<E>>) => void;
};

// ---------------------------------------------------------------------------
// Server → client
// ---------------------------------------------------------------------------

interface ServerEventContract {
  payload: z.ZodType;
  summary: string;
}

/** Every event the server emits on `/lobby`. */
export const serverEvents = {
  "session:ready": {
    payload: Session,
    summary: "Sent once after the handshake: who you are and which modes exist.",
  },
  "lobby:stats": {
    payload: LobbyStats,
    summary: "Players online and waiting per queue; pushed to everyone when they change.",
  },
  "queue:status": {
    payload: QueueStatus,
    summary: "Your queue state changed (joined, left, or matched into a room).",
  },
  "room:state": {
    payload: RoomView,
    summary: "The full state of your match room; pushed to its members on every change.",
  },
} as const satisfies Record<string, ServerEventContract>;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.output<(typeof serverEvents)[E]["payload"]>;

/** Event map for `Server<ClientToServerEvents, ServerToClientEvents>` on the server. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};
