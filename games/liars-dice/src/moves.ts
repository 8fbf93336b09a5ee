import type { BotStrategy } from "@lobby/game-kit";
import { countFace, diceOnTable, minimalRaise, type Bid } from "./rules";
import {
  LIARS_DICE_FACES as FACES,
  type LiarsDiceBid,
  type LiarsDiceChallenge,
  type LiarsDiceMove,
  type LiarsDiceView,
} from "./schemas";

/*
 * Moves as tests and bots need them (see `GameMoves` in the kit). Pure: they
 * read only the view a seat is sent, so a bot knows no more than a player.
 */

const FACE_LIST = Array.from({ length: FACES }, (_, i) => i + 1);

/** A bid move. */
export const bid = (quantity: number, face: number): LiarsDiceBid => ({
  mode: "liars-dice",
  action: "bid",
  quantity,
  face,
});
/** The challenge move. */
export const challenge: LiarsDiceChallenge = { mode: "liars-dice", action: "challenge" };

/** A handful of bids (low, high, every face) and a challenge: each shape the schema admits. */
export const samples: [LiarsDiceMove, ...LiarsDiceMove[]] = [
  bid(1, 1),
  bid(1, 6),
  bid(2, 3),
  bid(3, 5),
  bid(4, 2),
  bid(7, 4),
  bid(30, 6),
  challenge,
];

/** Whether `seat` is the one to move and still has dice. */
function canMove(view: LiarsDiceView, seat: number): boolean {
  return view.turn === seat && (view.seats[seat]?.dice ?? 0) > 0;
}

/** The smallest raise on each face and the one a die above it, within the table; a challenge once there is a bid. */
export function sensible(view: LiarsDiceView, seat: number): LiarsDiceMove[] {
  if (!canMove(view, seat)) return [];
  const total = diceOnTable(view);
  const raises = FACE_LIST.flatMap((face) => {
    const least = minimalRaise(view.bid, face);
    return [least.quantity, least.quantity + 1].filter((q) => q <= total).map((q) => bid(q, face));
  });
  return view.bid ? [...raises, challenge] : raises;
}

/** P(X ≥ need) for X ~ Binomial(n, p), 0 < p < 1. */
export function atLeast(need: number, n: number, p: number): number {
  if (need <= 0) return 1;
  if (need > n) return 0;
  // Each term from the one before; summing the upper tail itself keeps small tails exact.
  let term = (1 - p) ** n;
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (k >= need) tail += term;
    term *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return Math.min(1, tail);
}

/** How likely `claim` is to hold, for a seat that knows its own dice and expects a sixth of the rest to match. */
export function chanceBidHolds(claim: Bid, myDice: readonly number[], tableDice: number): number {
  const mine = countFace([myDice], claim.face);
  return atLeast(claim.quantity - mine, tableDice - myDice.length, 1 / FACES);
}

/**
 * A plausible player: it opens on the face it holds most, at what it holds
 * plus a sixth of the other dice; then it calls liar when the standing bid
 * is likelier false than its best raise is true (give or take a little
 * nerve, from `random`), and otherwise makes the smallest raise it believes most.
 */
export function liarsDiceBot(): BotStrategy<LiarsDiceMove, LiarsDiceView> {
  return (view, seat, random) => {
    if (!canMove(view, seat)) return null;
    const mine = view.myDice ?? [];
    const total = diceOnTable(view);
    const others = total - mine.length;

    if (!view.bid) {
      const held = FACE_LIST.map((face) => countFace([mine], face));
      const most = Math.max(...held);
      const favourites = FACE_LIST.filter((_, i) => held[i] === most);
      const face = favourites[Math.floor(random * favourites.length)] ?? FACES;
      return bid(Math.min(total, Math.max(1, most + Math.floor(others / FACES))), face);
    }

    const chance = (claim: Bid) => chanceBidHolds(claim, mine, total);
    const raises = FACE_LIST.map((face) => minimalRaise(view.bid, face)).filter((r) => r.quantity <= total);
    // Most believable first; among equals, the smallest raise.
    raises.sort((a, b) => chance(b) - chance(a) || a.quantity - b.quantity || a.face - b.face);
    const best = raises[0];
    const doubt = 1 - chance(view.bid);
    const nerve = (random - 0.5) * 0.2;
    if (!best || doubt > chance(best) + nerve) return challenge;
    return bid(best.quantity, best.face);
  };
}
