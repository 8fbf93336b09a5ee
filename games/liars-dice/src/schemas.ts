import { z } from "zod";

export const LIARS_DICE_MIN_PLAYERS = 2;
export const LIARS_DICE_MAX_PLAYERS = 6;
/** Dice each seat starts the game with. */
export const LIARS_DICE_START_DICE = 5;
export const LIARS_DICE_FACES = 6;
/** The most dice that can ever be on the table (and so the highest quantity a bid can name). */
export const LIARS_DICE_MAX_TOTAL = LIARS_DICE_MAX_PLAYERS * LIARS_DICE_START_DICE;

const Seat = z
  .int()
  .min(0)
  .max(LIARS_DICE_MAX_PLAYERS - 1);
const Face = z.int().min(1).max(LIARS_DICE_FACES);
const Quantity = z.int().min(1).max(LIARS_DICE_MAX_TOTAL);

/** Claim that at least `quantity` dice on the whole table show `face`. */
export const LiarsDiceBid = z.strictObject({
  mode: z.literal("liars-dice"),
  action: z.literal("bid"),
  quantity: Quantity,
  face: Face,
});
export type LiarsDiceBid = z.infer<typeof LiarsDiceBid>;

/** Call the last bid a lie: every die is revealed and counted. */
export const LiarsDiceChallenge = z.strictObject({
  mode: z.literal("liars-dice"),
  action: z.literal("challenge"),
});
export type LiarsDiceChallenge = z.infer<typeof LiarsDiceChallenge>;

/**
 * A move: a bid or a challenge. A union on `action` inside the lobby's union
 * on `mode` (zod resolves the nesting), so each action stays a strict object.
 */
export const LiarsDiceMove = z.discriminatedUnion("action", [LiarsDiceBid, LiarsDiceChallenge]);
export type LiarsDiceMove = z.infer<typeof LiarsDiceMove>;

/** A bid as it stands on the table, with the seat that made it. */
export const LiarsDiceStandingBid = z.object({ seat: Seat, quantity: Quantity, face: Face });
export type LiarsDiceStandingBid = z.infer<typeof LiarsDiceStandingBid>;

/** A seat as everyone sees it: how many dice it holds, never which. */
export const LiarsDiceSeat = z.object({
  seat: Seat,
  /** Dice still held; 0 once the seat is out. */
  dice: z.int().min(0).max(LIARS_DICE_START_DICE),
  /** True when the seat left the game for good (its dice were taken off the table). */
  left: z.boolean(),
});
export type LiarsDiceSeat = z.infer<typeof LiarsDiceSeat>;

/** The last challenge, settled: public from the moment it happened. */
export const LiarsDiceReveal = z.object({
  /** The round the challenge ended. */
  round: z.int().min(1),
  challenger: Seat,
  /** The bid that was challenged, with the seat that made it. */
  bid: LiarsDiceStandingBid,
  /** Every seat's dice at the challenge, by seat (empty for a seat that had none). */
  dice: z.array(z.array(Face).max(LIARS_DICE_START_DICE)),
  /** How many dice showed the bid's face. */
  count: z.int().min(0),
  /** The seat that lost a die: the challenger when the bid held, else the bidder. */
  loser: Seat,
});
export type LiarsDiceReveal = z.infer<typeof LiarsDiceReveal>;

/**
 * The table as one viewer may see it. Other seats' dice are only ever
 * counts; their values appear in `reveal` once a challenge has shown them.
 */
export const LiarsDiceView = z.object({
  mode: z.literal("liars-dice"),
  /** Rounds start at 1; each challenge (or a seat leaving mid-round) starts the next one. */
  round: z.int().min(1),
  seats: z.array(LiarsDiceSeat).min(LIARS_DICE_MIN_PLAYERS).max(LIARS_DICE_MAX_PLAYERS),
  /** Seat to move, or null once the game is over. */
  turn: Seat.nullable(),
  /** The bid to beat (the last of `bids`), or null before the round's first bid. */
  bid: LiarsDiceStandingBid.nullable(),
  /** This round's bids, oldest first. */
  bids: z.array(LiarsDiceStandingBid),
  /** The last challenge with every die it revealed, or null before the first. */
  reveal: LiarsDiceReveal.nullable(),
  /** The viewer's own dice this round; null for a spectator. */
  myDice: z.array(Face).max(LIARS_DICE_START_DICE).nullable(),
});
export type LiarsDiceView = z.infer<typeof LiarsDiceView>;
