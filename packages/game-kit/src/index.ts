import { z } from "zod";

/*
 * The game kit: what a game is to Lobby. A game is one folder (a workspace
 * package under games/) that exports one `GameModule`: its mode, the zod
 * schemas of its moves and views, and its pure rules. The registry
 * (`@lobby/games`) lists the modules; the contracts' unions, the server's
 * rules and everything else that names games come from that list. A game
 * depends on this package and on nothing of the lobby.
 */

/** A game mode as the lobby advertises it. */
export const ModeInfo = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  minPlayers: z.int().positive(),
  maxPlayers: z.int().positive(),
  /** How many waiting players a quick match groups into one room at once. */
  quickMatchPlayers: z.int().positive(),
  /** True for games that run on a server clock rather than turn by turn. */
  realtime: z.boolean(),
  /**
   * Team games: how many teams of equal size the seats split into (the lobby balances them by rating,
   * a party on one team); the game then needs a multiple of it to start. Absent: every seat for itself.
   */
  teams: z.int().min(2).optional(),
});
export type ModeInfo = z.infer<typeof ModeInfo>;

/** The codes a game may refuse a move with (a subset of the lobby's error codes). */
export const MoveRefusalCode = { NotYourTurn: "NOT_YOUR_TURN", IllegalMove: "ILLEGAL_MOVE" } as const;
export type MoveRefusalCode = (typeof MoveRefusalCode)[keyof typeof MoveRefusalCode];

/** Why a move was refused; the message is shown to the player as it is. */
export interface MoveRefusal {
  code: MoveRefusalCode;
  message: string;
}

/** The end of a game as the rules decide it. Seats are roster indexes; in a team game the winners are the whole winning team. */
export type Outcome = { kind: "win"; winners: number[] } | { kind: "draw" };

/** Uniform floats in [0, 1): the only randomness a game gets, so the lobby can seed it. */
export interface RandomSource {
  next(): number;
}

export interface SetupContext {
  players: number;
  /** Team games: each seat's team (0-based), as the lobby made them; absent when every seat plays for itself. */
  teams?: readonly number[];
  /** 1 for the first game of a room, +1 for every rematch. */
  round: number;
  random: RandomSource;
}

/** Every move and view names its game, so one union can carry every game's. */
export interface Tagged<Id extends string = string> {
  mode: Id;
}

/**
 * A game's rules. Everything here is pure and every state is plain JSON, so
 * the lobby can store it anywhere (memory, Redis) and run any game through
 * this interface.
 */
export interface GameRules<State, Move, View> {
  setup(ctx: SetupContext): State;
  /** `null` when `seat` may play `move` now; otherwise why not. */
  validateMove(state: State, seat: number, move: Move): MoveRefusal | null;
  /** Apply a move that `validateMove` accepted. Must not mutate `state`. */
  applyMove(state: State, seat: number, move: Move): State;
  /** The result once the game is over, else `null`. */
  outcome(state: State): Outcome | null;
  /** What `seat` (or a spectator, `null`) may see of the state. */
  view(state: State, seat: number | null): View;
  /**
   * True when views differ per seat. When false the lobby serializes one
   * view for the whole room instead of one per player.
   */
  readonly hidesInformation: boolean;
  /** Real-time games: the lobby calls `tick` every `tickMs` while the game runs. */
  readonly tickMs?: number;
  /** Advance a real-time game by one tick. Must not mutate `state`. */
  tick?(state: State): State;
  /**
   * A seat is gone for good (it left, or its grace period ran out). Return
   * the state without it; the lobby then asks `outcome`. A game without this
   * hook ends as soon as a seat is lost, the remaining seats winning.
   */
  removeSeat?(state: State, seat: number): State;
  /**
   * What is wrong with a view the rules produced, beyond its schema (the
   * property test checks it after every step); empty when it is sound.
   * `seats` is the room's roster size.
   */
  problems?(view: View, seats: number): string[];
}

/** The schema of a game's moves or views: an object tagged with the game's id. */
export type TaggedSchema<Id extends string = string> = z.ZodType<Tagged<Id>>;

/**
 * A real-time game whose view changes a little on each tick can send the
 * change instead of the whole view. The lobby then pushes a delta for a save
 * that changed nothing but the game (a tick, a move), and the whole view on
 * joining, on resuming, on every other change and every few saves, so a
 * client that missed one catches up; `@lobby/client` applies them and hands
 * out whole views as before.
 */
export interface ViewDeltas<View, DeltaSchema extends z.ZodType = z.ZodType> {
  /** The schema of a delta on the wire (a strict object tagged `mode: id`). */
  readonly Delta: DeltaSchema;
  /**
   * What changed from `base` to `next`, two views of one game in play, `next`
   * the later; `null` when only the whole view will do (say, most of it changed).
   */
  diff(base: View, next: View): z.infer<DeltaSchema> | null;
  /** `base` with `delta` applied: deep-equal to the `next` the delta was made from. Must not mutate `base`. */
  patch(base: View, delta: z.infer<DeltaSchema>): View;
}

/** One game, as its folder exports it. */
export interface GameModule<
  Id extends string = string,
  State = unknown,
  MoveSchema extends TaggedSchema<Id> = TaggedSchema<Id>,
  ViewSchema extends TaggedSchema<Id> = TaggedSchema<Id>,
  DeltaSchema extends TaggedSchema<Id> = TaggedSchema<Id>,
> {
  readonly id: Id;
  readonly mode: ModeInfo & { id: Id };
  /** The schema of a move as clients send it (a strict object tagged `mode: id`). */
  readonly Move: MoveSchema;
  /** The schema of what a viewer is sent (tagged `mode: id`). */
  readonly View: ViewSchema;
  readonly rules: GameRules<State, z.infer<MoveSchema>, z.infer<ViewSchema>>;
  /** Moves for tests, fuzzing and bots. */
  readonly moves: GameMoves<z.infer<MoveSchema>, z.infer<ViewSchema>>;
  /** Real-time games: send what changed rather than the whole view (see `ViewDeltas`). */
  readonly deltas?: ViewDeltas<z.infer<ViewSchema>, DeltaSchema>;
}

/**
 * Moves as tests and bots need them: the property test plays aimed steps
 * from `sensible` and wild ones from `samples`, the wire fuzzer mutates
 * `samples`, and the bench's bots play `bot` (or a sensible move at random).
 */
export interface GameMoves<Move, View> {
  /** Moves of every shape the schema admits, legal or not in any given state (e.g. every column). */
  readonly samples: readonly [Move, ...Move[]];
  /** The moves that make sense for `seat` given what it sees now; empty when it has none (not its turn, out). */
  sensible(view: View, seat: number): Move[];
  /**
   * A bot for one seat (the bench's players): asked on every state of a
   * turn-based game and on every beat of a real-time one. It may keep
   * memory between calls. Without it, a bot plays a sensible move at random.
   */
  bot?(): BotStrategy<Move, View>;
}

/** A bot's next move for `seat` given what it sees, or null to wait; `random` is uniform in [0, 1). */
export type BotStrategy<Move, View> = (view: View, seat: number, random: number) => Move | null;

/** Declare a game: checks at compile time that its mode, move and view all carry its id. */
export function defineGame<
  Id extends string,
  State,
  MoveSchema extends TaggedSchema<Id>,
  ViewSchema extends TaggedSchema<Id>,
  // A game without deltas has none: `never`, which the registry's list of delta schemas skips.
  DeltaSchema extends TaggedSchema<Id> = never,
>(
  game: GameModule<Id, State, MoveSchema, ViewSchema, DeltaSchema>,
): GameModule<Id, State, MoveSchema, ViewSchema, DeltaSchema> {
  return game;
}

/** A small, fast, seeded random source (mulberry32), for reproducible games in tests and fuzzing. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** The exhaustiveness check: a value the types say cannot exist. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
