import { z } from "zod";
import { ChatMessage } from "./chat";
import { GameDelta, GameView, patchGameView } from "./games";
import { ModeId } from "./modes";
import { PublicPlayer } from "./player";
import { PublicRating } from "./rating";

export const RoomId = z.string().min(1).max(64);
export type RoomId = z.infer<typeof RoomId>;

/** Invite codes avoid look-alikes: no 0/O, no 1/I/L. */
export const INVITE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const INVITE_CODE_LENGTH = 6;

/** A room's invite code; typed codes are trimmed and upper-cased. */
export const InviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .length(INVITE_CODE_LENGTH, `A room code has ${INVITE_CODE_LENGTH} characters`)
  .regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]+$`), "That is not a valid room code");
export type InviteCode = z.output<typeof InviteCode>;

export const Visibility = z.enum(["public", "private"]);
export type Visibility = z.infer<typeof Visibility>;

/**
 * - `connected`: present and able to act.
 * - `disconnected`: the connection dropped during a game; the seat is kept
 *   until `graceEndsAt`, then the game is forfeited.
 * - `left`: the player left a running or finished game; the seat stays in
 *   the roster so the board keeps its colours, but it can no longer act.
 */
export const SeatStatus = z.enum(["connected", "disconnected", "left"]);
export type SeatStatus = z.infer<typeof SeatStatus>;

export const SeatView = z.object({
  seat: z.int().min(0),
  player: PublicPlayer,
  status: SeatStatus,
  /** Before the start: whether this player is ready. */
  ready: z.boolean(),
  /** Server time (ms since epoch) at which a disconnected seat forfeits. */
  graceEndsAt: z.number().nullable(),
  /** After the result: whether this seat has asked to play again. */
  wantsRematch: z.boolean(),
  /** The player's rating in the room's mode; null while the server does not know it. */
  rating: PublicRating.nullable(),
  /** After a rated result: how much that game moved this player's rating. */
  ratingDelta: z.int().nullable(),
  /** Team games: this seat's team (0-based) once the game has started; null before, and in other games. */
  team: z.int().min(0).nullable(),
  /** Seats with the same number came as one party (numbered from 1 in the room); null for a player on their own. */
  party: z.int().min(1).nullable(),
  /** Games this player won in this room since its score started (see `RoomScore`); 0 before any. */
  wins: z.int().min(0),
});
export type SeatView = z.infer<typeof SeatView>;

/** How a match ended. Seats are indexes into the room's roster. */
export const MatchResult = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("win"),
    winners: z.array(z.int().min(0)),
    /** `rules`: won by the game's rules; `forfeit`: the others timed out; `left`: the others left. */
    reason: z.enum(["rules", "forfeit", "left"]),
  }),
  z.object({ kind: z.literal("draw") }),
]);
export type MatchResult = z.infer<typeof MatchResult>;

/**
 * A room's running score across play again. Every seat's wins are in its
 * `SeatView.wins` (a team win counts for every seat of the team); a draw
 * scores nobody. Each player keeps their wins while they stay; one who leaves
 * takes theirs along; a newcomer taking a seat starts the score afresh for
 * everyone (the wins so far were against other people).
 */
export const RoomScore = z.object({
  /** Games finished since the score started. */
  games: z.int().min(0),
  draws: z.int().min(0),
  /**
   * Team games: wins per team (index = `SeatView.team`). The teams stay the
   * same for every play again while they can; when they must be drawn
   * again, this tally starts again. Null in other games.
   */
  teamWins: z.array(z.int().min(0)).nullable(),
});
export type RoomScore = z.infer<typeof RoomScore>;

/**
 * - `waiting`: seats fill, players ready up, the host may change settings and kick.
 * - `countdown`: every seat is ready; the game starts at `countdownEndsAt`.
 * - `playing`: the game runs.
 * - `finished`: the result is in; players may ask to play again or leave.
 */
export const RoomPhase = z.enum(["waiting", "countdown", "playing", "finished"]);
export type RoomPhase = z.infer<typeof RoomPhase>;

/** `quick`: made by quick match, starts by itself. `custom`: made by a host, started by the host. */
export const RoomKind = z.enum(["quick", "custom"]);
export type RoomKind = z.infer<typeof RoomKind>;

/** What a host chooses when creating a room, and may change before the start. */
export const RoomSettings = z.strictObject({
  maxPlayers: z.int().min(1).max(64),
  visibility: Visibility,
});
export type RoomSettings = z.infer<typeof RoomSettings>;

/** The full state of a room, pushed to its members and spectators on every change. */
export const RoomView = z.object({
  id: RoomId,
  code: z.string(),
  kind: RoomKind,
  mode: ModeId,
  visibility: Visibility,
  maxPlayers: z.int().positive(),
  /** A custom room's host; always null in a quick-match room, which has no host powers among strangers. */
  hostId: z.string().nullable(),
  /** Whether its results change ratings: quick-match rooms always, custom rooms when the host chose so. */
  rated: z.boolean(),
  phase: RoomPhase,
  /** Increments with every state change; clients ignore older versions. */
  version: z.int().min(0),
  /**
   * The room's save count: +1 for every state sent, so a member sees consecutive
   * numbers (the one a request's answer carried included). A client holds a state
   * that skips one for a moment, in case the one before it is still on its way
   * from another node (`@lobby/client` does).
   */
  seq: z.int().min(0),
  /** 0 before the first game, then 1, +1 for every rematch. */
  round: z.int().min(0),
  /** Server time (ms since epoch) at which the countdown ends, while counting down. */
  countdownEndsAt: z.number().nullable(),
  seats: z.array(SeatView),
  spectatorCount: z.int().min(0),
  /** The running or last game; null before the first start. */
  game: GameView.nullable(),
  result: MatchResult.nullable(),
  /** The running score since it last started; null before the first result and after a newcomer reset it. */
  score: RoomScore.nullable(),
  /**
   * In `room:state`: room chat lines that came with this change (the
   * lobby's own: who joined, left or won), oldest first, for the client to
   * append; absent when none. They travel in the state's frame rather than
   * one `chat:message` each. In the answer to your own `room:create`,
   * `room:join` or `room:watch` (which is your copy of that change: it is not
   * pushed to you as well): the room's recent chat, this change's lines
   * included, instead of a `chat:history`. `@lobby/client` hands these lines
   * to `chat:message` listeners all the same; merge them by id.
   */
  chat: z.array(ChatMessage).optional(),
});
export type RoomView = z.infer<typeof RoomView>;

/**
 * A change to a room that touched nothing but its running game (a real-time
 * game's tick, a move): the room's state numbered `seq - 1` with this
 * `version`, `seq` and the game's delta applied is its state now. Only games
 * that send deltas have them, and only between whole states: a room's state
 * comes whole on joining, on resuming, with any other change, and every
 * `ROOM_KEYFRAME_EVERY` saves.
 */
export const RoomDelta = z.object({
  id: RoomId,
  version: z.int().min(0),
  seq: z.int().min(1),
  game: GameDelta,
});
export type RoomDelta = z.infer<typeof RoomDelta>;

/** A room sends its state whole at least once every this many saves, even when only its game changed. */
export const ROOM_KEYFRAME_EVERY = 20;

/**
 * The room's state after `delta`, or null when `base` is not the state it
 * follows (another room, or not the one numbered `seq - 1`): wait for the
 * next whole state. The result carries no chat: `base`'s lines were its own.
 */
export function patchRoomView(base: RoomView, delta: RoomDelta): RoomView | null {
  if (base.id !== delta.id || base.seq !== delta.seq - 1 || base.game === null) return null;
  const game = patchGameView(base.game, delta.game);
  if (game === null) return null;
  const { chat: _chat, ...rest } = base;
  return { ...rest, version: delta.version, seq: delta.seq, game };
}

/** A public room as the room browser lists it. */
export const RoomSummary = z.object({
  id: RoomId,
  code: z.string(),
  kind: RoomKind,
  mode: ModeId,
  /** Whether its results change ratings. */
  rated: z.boolean(),
  hostName: z.string().nullable(),
  players: z.int().min(0),
  maxPlayers: z.int().positive(),
  phase: RoomPhase,
  spectatorCount: z.int().min(0),
  createdAt: z.number(),
});
export type RoomSummary = z.infer<typeof RoomSummary>;
