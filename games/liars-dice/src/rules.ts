import {
  assertNever,
  MoveRefusalCode,
  type GameRules,
  type MoveRefusal,
  type Outcome,
  type RandomSource,
} from "@lobby/game-kit";
import {
  LIARS_DICE_FACES as FACES,
  LIARS_DICE_START_DICE as START_DICE,
  type LiarsDiceMove,
  type LiarsDiceReveal,
  type LiarsDiceStandingBid,
  type LiarsDiceView,
} from "./schemas";

/*
 * Liar's Dice, the classic bluffing game, kept simple:
 *
 * - Every seat starts with 5 six-sided dice. At the start of each round all
 *   dice still in play are rolled; each seat sees only its own.
 * - Seats take turns in seat order (skipping seats that are out). The seat to
 *   move either bids or calls the last bid a lie.
 * - A bid (quantity, face) claims that at least `quantity` dice on the whole
 *   table show `face`. There are NO wild dice: a die counts only for the face
 *   it shows, 1s included. Each bid must raise the last one: more dice, or as
 *   many dice of a higher face. A bid may not name more dice than the table
 *   holds. The round's first bid may be anything.
 * - Calling liar settles the round: all dice are revealed and counted. If at
 *   least `quantity` show the face, the bid holds and the challenger loses a
 *   die; otherwise the bidder does. The loser opens the next round (or the
 *   next seat with dice, if the loser is now out), and everyone re-rolls.
 * - A seat with no dice is out. The last seat holding dice wins.
 * - A seat that leaves for good is out, its dice taken off the table. If two
 *   or more seats still hold dice, the round is void: nothing is revealed,
 *   everyone re-rolls, and the seat that was to move opens (the next one, if
 *   the leaver was to move).
 *
 * Where the dice come from: rules are pure, so a re-roll cannot draw fresh
 * randomness. Keeping a small PRNG seed in the state would make re-rolls
 * pure, but a 32-bit seed can be brute-forced from the dice of one reveal,
 * after which every later roll is known. So `setup` rolls every die the game
 * can ever need from the lobby's random source (cryptographic in production)
 * and keeps them in the state, dealt in order and never shown. Each new round
 * has at least one die fewer in play than the one before (a challenge costs a
 * die; a leaver takes at least one), so a game of N seats rolls at most
 * 5N + (5N − 1) + … + 2 dice.
 */

/** A seat as the rules keep it. */
export interface LiarsDiceSeatState {
  /** This round's dice, values 1–6; empty once the seat is out. */
  dice: number[];
  left: boolean;
}

/** The whole game, plain JSON. */
export interface LiarsDiceState {
  round: number;
  seats: LiarsDiceSeatState[];
  /** Seat to move; null once fewer than two seats hold dice. */
  turn: number | null;
  /** This round's bids, oldest first; the last one stands. */
  bids: LiarsDiceStandingBid[];
  reveal: LiarsDiceReveal | null;
  /** Dice rolled at setup and not dealt yet, one digit 1–6 each. Secret: never in a view. */
  rolls: string;
}

/** A bid without its seat. */
export interface Bid {
  quantity: number;
  face: number;
}

const FACE_WORDS: readonly (readonly [string, string])[] = [
  ["one", "ones"],
  ["two", "twos"],
  ["three", "threes"],
  ["four", "fours"],
  ["five", "fives"],
  ["six", "sixes"],
];

/** A bid in words: "1 six", "3 fives". */
export function describeBid({ quantity, face }: Bid): string {
  const [one, many] = FACE_WORDS[face - 1] ?? [String(face), `${face}s`];
  return `${quantity} ${quantity === 1 ? one : many}`;
}

/** True when `bid` raises `over`: more dice, or as many of a higher face. Anything raises no bid. */
export function raises(bid: Bid, over: Bid | null): boolean {
  if (!over) return true;
  return bid.quantity > over.quantity || (bid.quantity === over.quantity && bid.face > over.face);
}

/** The smallest bid on `face` that raises `over`. */
export function minimalRaise(over: Bid | null, face: number): Bid {
  if (!over) return { quantity: 1, face };
  return { quantity: face > over.face ? over.quantity : over.quantity + 1, face };
}

/** How many of `dice` (every seat's) show `face`. No wilds: a die counts only for its own face. */
export function countFace(dice: readonly (readonly number[])[], face: number): number {
  return dice.reduce((sum, hand) => sum + hand.filter((die) => die === face).length, 0);
}

/** The next seat after `seat`, in seat order, that still holds dice, given every seat's dice count. */
export function nextWithDice(counts: readonly number[], seat: number): number {
  for (let step = 1; step <= counts.length; step++) {
    const candidate = (seat + step) % counts.length;
    if ((counts[candidate] ?? 0) > 0) return candidate;
  }
  return seat;
}

const counts = (seats: readonly LiarsDiceSeatState[]) => seats.map((seat) => seat.dice.length);

/** How many dice a game of `players` seats can ever roll (see the note at the top). */
export function rollsNeeded(players: number): number {
  const start = players * START_DICE;
  return (start * (start + 1)) / 2 - 1;
}

function rollAll(random: RandomSource, count: number): string {
  let rolls = "";
  for (let i = 0; i < count; i++) rolls += String(Math.min(FACES, Math.floor(random.next() * FACES) + 1));
  return rolls;
}

/** Give every seat as many fresh dice as it holds now, from the pool. */
function deal(seats: readonly LiarsDiceSeatState[], rolls: string): { seats: LiarsDiceSeatState[]; rolls: string } {
  let taken = 0;
  const dealt = seats.map((seat): LiarsDiceSeatState => {
    const dice = [...rolls.slice(taken, taken + seat.dice.length)].map(Number);
    taken += seat.dice.length;
    return { ...seat, dice };
  });
  // Unreachable by the bound above; failing loudly beats dealing short hands.
  if (taken > rolls.length) throw new Error("Liar's Dice ran out of pre-rolled dice");
  return { seats: dealt, rolls: rolls.slice(taken) };
}

function holding(state: Pick<LiarsDiceState, "seats">): number {
  return state.seats.filter((seat) => seat.dice.length > 0).length;
}

/** Every die on the table. */
export function totalDice(seats: readonly { dice: unknown[] }[]): number {
  return seats.reduce((sum, seat) => sum + seat.dice.length, 0);
}

/** Every die on the table, as a view counts them. */
export function diceOnTable(view: Pick<LiarsDiceView, "seats">): number {
  return view.seats.reduce((sum, seat) => sum + seat.dice, 0);
}

/** A new round: everyone re-rolls, the bidding starts afresh with `opener`. */
function newRound(
  state: LiarsDiceState,
  seats: LiarsDiceSeatState[],
  opener: number,
  reveal: LiarsDiceReveal | null,
): LiarsDiceState {
  if (holding({ seats }) < 2) return { ...state, seats, turn: null, bids: [], reveal };
  const dealt = deal(seats, state.rolls);
  return { round: state.round + 1, seats: dealt.seats, turn: opener, bids: [], reveal, rolls: dealt.rolls };
}

function refuse(message: string): MoveRefusal {
  return { code: MoveRefusalCode.IllegalMove, message };
}

function raiseHint(bid: Bid): string {
  return bid.face === FACES
    ? `Your bid must beat ${describeBid(bid)}: bid at least ${bid.quantity + 1} dice.`
    : `Your bid must beat ${describeBid(bid)}: bid more dice, or ${bid.quantity} of a higher face.`;
}

export const liarsDice: GameRules<LiarsDiceState, LiarsDiceMove, LiarsDiceView> = {
  hidesInformation: true,

  setup({ players, round, random }) {
    const { seats, rolls } = deal(
      Array.from({ length: players }, () => ({ dice: Array<number>(START_DICE).fill(0), left: false })),
      rollAll(random, rollsNeeded(players)),
    );
    // Rematches rotate who opens.
    return { round: 1, seats, turn: (round - 1) % players, bids: [], reveal: null, rolls };
  },

  validateMove(state, seat, move): MoveRefusal | null {
    if (state.turn === null) return refuse("The game is over.");
    const mine = state.seats[seat];
    if (!mine || mine.dice.length === 0) return refuse("You have no dice left: you are out of this game.");
    if (seat !== state.turn) return { code: MoveRefusalCode.NotYourTurn, message: "It is not your turn." };
    const standing = state.bids.at(-1) ?? null;
    switch (move.action) {
      case "challenge":
        return standing ? null : refuse("There is no bid to call yet: open the bidding.");
      case "bid": {
        const total = totalDice(state.seats);
        if (move.quantity > total) return refuse(`There are only ${total} dice on the table.`);
        return standing && !raises(move, standing) ? refuse(raiseHint(standing)) : null;
      }
      default:
        return assertNever(move, "move");
    }
  },

  applyMove(state, seat, move) {
    if (move.action === "bid") {
      const bid = { seat, quantity: move.quantity, face: move.face };
      return { ...state, bids: [...state.bids, bid], turn: nextWithDice(counts(state.seats), seat) };
    }
    const bid = state.bids.at(-1);
    if (!bid) return state;
    const dice = state.seats.map((s) => s.dice);
    const count = countFace(dice, bid.face);
    const loser = count >= bid.quantity ? seat : bid.seat;
    const reveal: LiarsDiceReveal = { round: state.round, challenger: seat, bid, dice, count, loser };
    const seats = state.seats.map((s, i) => (i === loser ? { ...s, dice: s.dice.slice(1) } : s));
    const opener = (seats[loser]?.dice.length ?? 0) > 0 ? loser : nextWithDice(counts(seats), loser);
    return newRound(state, seats, opener, reveal);
  },

  removeSeat(state, seat) {
    const leaving = state.seats[seat];
    // Once the game is over, a seat leaving changes nothing: the winner stays the winner.
    if (!leaving || leaving.left || state.turn === null) return state;
    const seats = state.seats.map((s, i) => (i === seat ? { dice: [], left: true } : s));
    if (leaving.dice.length === 0) return { ...state, seats };
    const opener = state.turn === seat ? nextWithDice(counts(seats), seat) : state.turn;
    return newRound(state, seats, opener, state.reveal);
  },

  outcome(state): Outcome | null {
    const left = state.seats.flatMap((seat, i) => (seat.dice.length > 0 ? [i] : []));
    if (left.length > 1) return null;
    // Nobody holding dice cannot happen through these rules (the game ends at one); kept total all the same.
    return left.length === 1 ? { kind: "win", winners: left } : { kind: "draw" };
  },

  view(state, seat): LiarsDiceView {
    const mine = seat === null ? undefined : state.seats[seat];
    return {
      mode: "liars-dice",
      round: state.round,
      seats: state.seats.map((s, i) => ({ seat: i, dice: s.dice.length, left: s.left })),
      turn: state.turn,
      bid: state.bids.at(-1) ?? null,
      bids: state.bids,
      reveal: state.reveal,
      myDice: mine ? mine.dice : null,
    };
  },

  /**
   * Dice counts within 0–5 (none for a seat that left), the turn on a seat
   * with dice while two hold any, every bid a raise on the one before and
   * within the table, and a reveal whose count and loser follow from its dice.
   */
  problems(view, seats) {
    const problems: string[] = [];
    if (view.seats.length !== seats) problems.push(`${view.seats.length} seats in the view for ${seats} in the room`);
    for (const s of view.seats) {
      if (s.dice < 0 || s.dice > START_DICE) problems.push(`seat ${s.seat} holds ${s.dice} dice`);
      if (s.left && s.dice > 0) problems.push(`seat ${s.seat} left but still holds dice`);
    }
    const playing = view.seats.filter((s) => s.dice > 0).length;
    if ((view.turn === null) !== playing < 2) problems.push(`turn ${view.turn} with ${playing} seats holding dice`);
    if (view.turn !== null && !(view.seats[view.turn]?.dice ?? 0))
      problems.push(`turn on seat ${view.turn}, which has no dice`);
    const total = diceOnTable(view);
    view.bids.forEach((bid, i) => {
      if (!raises(bid, view.bids[i - 1] ?? null))
        problems.push(`bid ${i + 1} (${describeBid(bid)}) does not raise the one before`);
      if (bid.quantity > total) problems.push(`bid ${i + 1} names ${bid.quantity} of ${total} dice`);
      if (!(view.seats[bid.seat]?.dice ?? 0) && view.turn !== null) problems.push(`seat ${bid.seat} bid without dice`);
    });
    if (JSON.stringify(view.bid) !== JSON.stringify(view.bids.at(-1) ?? null))
      problems.push("the standing bid is not the last bid");
    if (view.myDice && view.myDice.length > START_DICE) problems.push(`${view.myDice.length} dice in hand`);
    const reveal = view.reveal;
    if (reveal) {
      if (reveal.round >= view.round && view.turn !== null) problems.push(`round ${view.round} shows its own reveal`);
      if (countFace(reveal.dice, reveal.bid.face) !== reveal.count) problems.push("the reveal miscounts its dice");
      const loser = reveal.count >= reveal.bid.quantity ? reveal.challenger : reveal.bid.seat;
      if (loser !== reveal.loser) problems.push(`seat ${reveal.loser} lost a die that seat ${loser} should have`);
    }
    return problems;
  },
};
