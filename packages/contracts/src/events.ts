import { z } from "zod";
import type { Ack } from "./ack";
import { GameMove } from "./games";
import { ModeId, ModeInfo } from "./modes";
import { ChatMessage, ChatScope, ChatText } from "./chat";
import { IdentityToken, PlayerId, PublicPlayer } from "./player";
import { PartyCode, PartyView } from "./party";
import { Leaderboard, Profile } from "./rating";
import { InviteCode, RoomId, RoomPhase, RoomSummary, RoomView, Visibility } from "./room";

/** The namespace every lobby connection uses. */
export const LOBBY_NAMESPACE = "/lobby";

// ---------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------

/**
 * How far from a waiting player's rating quick match looks: `initial` points at once, `perSecond` more for
 * every second waited, at most `cap`, and anyone at all after `anyoneAfterMs`.
 */
export const Widening = z.object({
  initial: z.number().min(0),
  perSecond: z.number().min(0),
  cap: z.number().min(0),
  anyoneAfterMs: z.int().min(0),
});
export type Widening = z.infer<typeof Widening>;

/** A queued player's search: their rating in the mode, and how the window around it widens. */
export const Search = z.object({ rating: z.int(), provisional: z.boolean(), widening: Widening });
export type Search = z.infer<typeof Search>;

/** Where a player is in the matchmaking queues. */
export const QueueStatus = z.discriminatedUnion("state", [
  z.object({ state: z.literal("idle") }),
  z.object({
    state: z.literal("queued"),
    mode: ModeId,
    /** Server time (ms since epoch) at which the player joined the queue. */
    joinedAt: z.number(),
    /** What quick match is looking for: opponents near `rating`, within a window that widens with waiting. */
    search: Search,
  }),
  /** Matched: the player now has a seat in `roomId` (its state follows as `room:state`). */
  z.object({ state: z.literal("matched"), mode: ModeId, roomId: RoomId }),
]);
export type QueueStatus = z.infer<typeof QueueStatus>;

/** Presence figures for the lobby screen. */
export const LobbyStats = z.object({
  online: z.int().min(0),
  queues: z.record(ModeId, z.int().min(0)),
});
export type LobbyStats = z.infer<typeof LobbyStats>;

/** Sent right after every accepted handshake. */
/** What a session of this identity left behind when its connection went away. */
export const RejoinOffer = z.object({
  mode: ModeId,
  /** The room's phase, or `queued` while waiting in quick match. */
  phase: z.enum([...RoomPhase.options, "queued"]),
  /** The other players' names in the room (none while queued). */
  with: z.array(z.string()),
  /** Server time (ms) at which the place is lost: the seat forfeits, or the queue place ends. */
  awayUntil: z.number(),
});
export type RejoinOffer = z.infer<typeof RejoinOffer>;

export const Session = z.object({
  player: PublicPlayer,
  modes: z.array(ModeInfo),
  /** Server time (ms since epoch), so clients can show server-timed countdowns. */
  serverTime: z.number(),
  /** Keep this and send it as `auth.token` to resume the same session after a reload or a dropped connection. */
  token: z.string(),
  /** True when this connection resumed an existing session (same id, queue place and seat). */
  resumed: z.boolean(),
  /** The lobby's presence figures as of now; changes follow as `lobby:stats`. */
  stats: LobbyStats,
  /**
   * This device's identity token, new on every connection: keep it (e.g. in localStorage) and send it as
   * `auth.identity` on every handshake, so the server knows the player again after the browser closed.
   */
  identity: IdentityToken,
  /**
   * A game (or queue place) another session of this identity holds while away, e.g. in a tab that was
   * closed: connect again with `auth.rejoin` to take it over before `awayUntil`, when it is forfeited.
   * Null when there is none, and always on a resumed session.
   */
  rejoin: RejoinOffer.nullable(),
});
export type Session = z.infer<typeof Session>;

export const QueueJoinPayload = z.strictObject({ mode: ModeId });
export const LeaderboardPayload = z.strictObject({ mode: ModeId });
export const EmptyPayload = z.strictObject({});
export const GameMovePayload = z.strictObject({ move: GameMove });
export const MoveAccepted = z.object({ version: z.int().min(0) });
export const Done = z.null();

export const RoomCreatePayload = z.strictObject({
  mode: ModeId,
  maxPlayers: z.int().min(1).max(64),
  visibility: Visibility,
  /** Whether the room's results change ratings (default: not, for a room among friends). */
  rated: z.boolean().optional(),
});
export const RoomCodePayload = z.strictObject({ code: InviteCode });
export const RoomSyncPayload = z.strictObject({ roomId: RoomId });
export const RoomReadyPayload = z.strictObject({ ready: z.boolean() });
export const RoomSettingsPayload = z
  .strictObject({ maxPlayers: z.int().min(1).max(64).optional(), visibility: Visibility.optional() })
  .refine((p) => p.maxPlayers !== undefined || p.visibility !== undefined, "Change at least one setting");
export const RoomKickPayload = z.strictObject({ playerId: PlayerId });
/** At most 100 rooms, the most joinable first; `total` counts every room the browser would list. */
export const RoomList = z.object({ rooms: z.array(RoomSummary).max(100), total: z.int().min(0) });
export const PartyCodePayload = z.strictObject({ code: PartyCode });
export const PartyKickPayload = z.strictObject({ playerId: PlayerId });
export const ChatSendPayload = z.strictObject({ scope: ChatScope, text: ChatText });
/**
 * The message as the others get it (`chat:message`). The sender gets it only
 * here, not pushed as well; `@lobby/client` hands it to its own `chat:message`
 * listeners.
 */
export const ChatAccepted = ChatMessage;
export const PingPayload = z.strictObject({
  /** The round trip this client measured on its previous ping, for others' rosters. */
  rttMs: z.number().min(0).max(60_000).nullable(),
});
export const Pong = z.object({ serverTime: z.number() });

/** A request's id: chosen by the client, unique among its player's requests for a while. */
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "1–64 letters, digits, - or _");

/**
 * The optional envelope of a request whose event changes something (`once`): sent as a second argument,
 * between the payload and the ack (`emit(event, payload, { requestId }, ack)`). The server applies each
 * `requestId` once per player: a request sent again with the same id (after a timeout, maybe over
 * another connection to another node) is not applied again but answered as the first one was, for as
 * long as the server keeps that answer (a minute; see docs/reliability.md). Without it, a request is
 * applied as often as it is sent.
 */
export const RequestMeta = z.strictObject({ requestId: RequestId });
export type RequestMeta = z.infer<typeof RequestMeta>;

// ---------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------

interface ClientEventContract {
  /**
   * Whether the request changes something, so that applying it twice would be wrong: it may carry a
   * `RequestMeta` (its id), and the server applies each id once (see `RequestMeta`). The others are
   * reads, or harmless to repeat.
   */
  once: boolean;
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
    once: true,
    payload: QueueJoinPayload,
    result: QueueStatus,
    sender:
      "A player who is not queued, and not in a room unless its game is over (they leave it). In a party: its leader, when no member is in a game that is still on and the party is no larger than the mode's `maxPartySize`.",
    summary:
      "Quick match: take a seat in the oldest open public room of the mode whose players' ratings are close enough; otherwise wait in the mode's queue until a new room can be made. A party leader queues the whole party: its members are seated together (on one team in a team game), and each is told with `queue:status`.",
  },
  "queue:leave": {
    once: true,
    payload: EmptyPayload,
    result: QueueStatus,
    sender: "A player who is queued.",
    summary: "Stop waiting in the queue. A party member takes the whole party out of the queue.",
  },
  "room:create": {
    once: true,
    payload: RoomCreatePayload,
    result: RoomView,
    sender: "A player who is neither queued nor in a room.",
    summary:
      "Create a custom room and become its host. `maxPlayers` must be within the mode's limits. The room gets a 6-character invite code.",
  },
  "room:join": {
    once: true,
    payload: RoomCodePayload,
    result: RoomView,
    sender: "A player who is neither queued nor in a room, and was not kicked from that room.",
    summary:
      "Take a seat in a room by its invite code (typed, shared as a /r/CODE link, or picked from the room browser).",
  },
  "room:watch": {
    once: true,
    payload: RoomCodePayload,
    result: RoomView,
    sender: "A player who is neither queued nor in a room.",
    summary: "Watch a running game by its room code, read-only. Public rooms' codes are in the room browser.",
  },
  "room:sync": {
    once: false,
    payload: RoomSyncPayload,
    result: RoomView,
    sender: "A seated player or a spectator of that room.",
    summary:
      "The room's whole state as it is now (without its chat): for a client that holds a `room:delta` it cannot apply, because the state before it never came. `@lobby/client` asks by itself.",
  },
  "room:leave": {
    once: true,
    payload: EmptyPayload,
    result: Done,
    sender: "A seated player or a spectator.",
    summary:
      "Leave the room. Before the start the seat is freed; leaving a running game forfeits it. If the host leaves, the longest-seated player becomes host.",
  },
  "room:ready": {
    once: true,
    payload: RoomReadyPayload,
    result: Done,
    sender: "A seated player, before the game starts.",
    summary: "Mark yourself ready or not. Un-readying during the countdown cancels it.",
  },
  "room:start": {
    once: true,
    payload: EmptyPayload,
    result: Done,
    sender: "The host, when every seated player is ready and the count is within the mode's limits.",
    summary: "Start the countdown; the game starts when it ends.",
  },
  "room:settings": {
    once: true,
    payload: RoomSettingsPayload,
    result: Done,
    sender: "The host, before the game starts.",
    summary: "Change the room's seat count or visibility.",
  },
  "room:kick": {
    once: true,
    payload: RoomKickPayload,
    result: Done,
    sender: "The host, before the game starts.",
    summary: "Remove a player from the room. They are told why (`room:kicked`) and cannot rejoin it.",
  },
  "party:create": {
    once: true,
    payload: EmptyPayload,
    result: PartyView,
    sender: "A player who is not in a party.",
    summary:
      "Start a party and lead it. Its code (shared as a /p/CODE link) lets up to three friends join; the leader queues everyone together.",
  },
  "party:join": {
    once: true,
    payload: PartyCodePayload,
    result: PartyView,
    sender: "A player who is not in a party and not queued on their own.",
    summary:
      "Join a party by its code. If the party was searching, the search stops (the leader queues again with the newcomer).",
  },
  "party:leave": {
    once: true,
    payload: EmptyPayload,
    result: Done,
    sender: "A party member.",
    summary:
      "Leave the party. A searching party stops searching; if the leader leaves, the longest-standing member leads; the last member's leaving ends the party.",
  },
  "party:kick": {
    once: true,
    payload: PartyKickPayload,
    result: Done,
    sender: "The party's leader.",
    summary: "Remove a member from the party; they are told (`party:left`, `kicked`).",
  },
  "rooms:subscribe": {
    once: false,
    payload: EmptyPayload,
    result: RoomList,
    sender: "Any player.",
    summary:
      "Get the rooms a player can join or watch — public rooms made by a host, not quick-match rooms and not finished games — and receive `rooms:upsert` / `rooms:remove` as they are created, fill, start, finish or close. No polling. The answer lists at most 100 rooms however many exist — rooms with a free seat first (the fullest, then the newest), then games to watch (the newest first) — and `total`, the number of rooms listed so.",
  },
  "rooms:unsubscribe": {
    once: false,
    payload: EmptyPayload,
    result: Done,
    sender: "Any player.",
    summary: "Stop receiving room browser updates.",
  },
  "chat:send": {
    once: true,
    payload: ChatSendPayload,
    result: ChatAccepted,
    sender:
      "`room`: a seated player. `lobby`: a player who is not in a room. `party`: a party member. Limited per player (`RATE_LIMITED`).",
    summary: "Send a plain-text chat message (1–500 characters).",
  },
  "session:ping": {
    once: false,
    payload: PingPayload,
    result: Pong,
    sender: "Any player, every few seconds.",
    summary:
      "Measure the round trip with the ack; report the previous measurement so the room roster can show connection quality.",
  },
  "game:move": {
    once: true,
    payload: GameMovePayload,
    result: MoveAccepted,
    sender: "A seated, connected player whose turn it is, while the game is running.",
    summary: "Make a move. The server validates it and broadcasts the new room state.",
  },
  "game:rematch": {
    once: true,
    payload: EmptyPayload,
    result: Done,
    sender: "A seated player after the result.",
    summary:
      "Ask to play again with the same group. Once every remaining seat has asked (and there are enough), the next game counts down.",
  },
  "profile:get": {
    once: false,
    payload: EmptyPayload,
    result: Profile,
    sender: "Any player.",
    summary:
      "Your profile, by this device's identity: your rating in every mode you have played rated games in, and your last 20 games (newest first) with their outcome and rating change.",
  },
  "leaderboard:get": {
    once: false,
    payload: LeaderboardPayload,
    result: Leaderboard,
    sender: "Any player.",
    summary:
      "A mode's leaderboard: the 20 highest ratings (rank, name, rating, games), your own row wherever you stand, and how many players have a rating in the mode.",
  },
} as const satisfies Record<string, ClientEventContract>;

export type ClientEventName = keyof typeof clientEvents;
export const clientEventNames = Object.keys(clientEvents) as ClientEventName[];
/** Whether `event` changes something and takes a `RequestMeta` (see `ClientEventContract.once`). */
export function appliedOnce(event: ClientEventName): boolean {
  return clientEvents[event].once;
}

export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]["payload"]>;
export type ParsedClientPayload<E extends ClientEventName> = z.output<(typeof clientEvents)[E]["payload"]>;
export type ClientResult<E extends ClientEventName> = z.output<(typeof clientEvents)[E]["result"]>;

/** Event map for `Socket<ServerToClientEvents, ClientToServerEvents>` on the client. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientResult<E>>) => void;
};
