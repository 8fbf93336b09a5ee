import fc from "fast-check";
import { MODE_IDS } from "@lobby/contracts";
import { SAMPLE_MOVES } from "@lobby/games";

/*
 * What the property test generates: steps of random play, each aimed or wild.
 * A step names no player or room directly, only picks (`who`, `room`,
 * `target`, `choice`): they are turned into a concrete action against the
 * lobby's state when the step runs (see `steer.ts`), so a sequence still
 * means something after fast-check shrinks it.
 */

export const PLAYERS = ["p0", "p1", "p2", "p3", "p4", "p5"] as const;

/**
 * "aimed" picks among the players and rooms for whom the step makes sense
 * right now — the player whose turn it is, the host of a waiting room, a
 * room that exists — so sequences get deep into games. "wild" picks
 * uniformly, as a confused or hostile client might: most of those are
 * refused, and the refusals are tested too.
 */
export type Aim = "aimed" | "wild";

const aim = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Aim>("aimed") },
  { weight: 1, arbitrary: fc.constant<Aim>("wild") },
);
/** An index into whatever the step chooses among, taken modulo its length. */
const pick = fc.nat(999);
const mode = fc.constantFrom(...MODE_IDS);
const visibility = fc.constantFrom("public", "private" as const);
/** Seats asked for: wild steps use it as it is (0 and 9 are never allowed), aimed ones map it into the mode's range. */
const seats = fc.nat(9);

/** Any move of any game, legal or not: what a wild step sends (each game's samples). */
const anyMove = fc.constantFrom(...SAMPLE_MOVES);

/** Every player step: aimed or wild, and a pick of who acts. */
const by = { aim, who: pick };

export const command = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("connect" as const), ...by }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop" as const), ...by }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("queue" as const), ...by, mode }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), ...by }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("create" as const), ...by, mode, seats, visibility }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("join" as const), ...by, room: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("watch" as const), ...by, room: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("kick" as const), ...by, target: pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("ready" as const),
      ...by,
      // Mostly ready, so rooms get to start; unready cancels countdowns now and then.
      ready: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("start" as const), ...by }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("settings" as const), ...by, seats, visibility }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("move" as const), ...by, move: anyMove, choice: pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("chat" as const),
      ...by,
      scope: fc.constantFrom("room", "lobby", "party" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rematch" as const), ...by }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("party" as const),
      ...by,
      op: fc.constantFrom("create", "join", "leave", "kick" as const),
      target: pick,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("leave" as const), ...by }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("wait" as const), ms: fc.constantFrom(100, 1000, 3000, 5000, 30_000) }),
  },
);

export type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;
