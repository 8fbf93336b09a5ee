import type { SeatInfo } from "@lobby/game-kit/web";
import { describeBid, diceOnTable, minimalRaise, raises, type Bid } from "./rules";
import { LIARS_DICE_FACES as FACES, type LiarsDiceReveal, type LiarsDiceView } from "./schemas";

/*
 * The table in words, for the web half: plain functions of the view, so the
 * phrasing is tested without rendering anything.
 */

/** A seat's name, or "you" for the viewer's own. */
export type NameOf = (seat: number) => string;

/** Names from the room's seats, "you" for the viewer, "Player 3" for a seat the room no longer lists. */
export function namer(seats: readonly Pick<SeatInfo, "seat" | "name">[], mySeat: number | null): NameOf {
  return (seat) => (seat === mySeat ? "you" : (seats.find((s) => s.seat === seat)?.name ?? `Player ${seat + 1}`));
}

/** "You" at the start of a sentence, the name otherwise. */
export function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "3 dice", "1 die". */
export function diceCount(count: number): string {
  return `${count} ${count === 1 ? "die" : "dice"}`;
}

/** "Ana called Bo a liar — Bo loses a die" (with "you" for the viewer). */
export function describeChallenge(reveal: LiarsDiceReveal, nameOf: NameOf, mySeat: number | null): string {
  const loser = nameOf(reveal.loser);
  const verb = reveal.loser === mySeat ? "lose" : "loses";
  return `${capitalised(nameOf(reveal.challenger))} called ${nameOf(reveal.bid.seat)} a liar — ${loser} ${verb} a die`;
}

/** "4 fives on the table: the bid held." */
export function describeCount(reveal: LiarsDiceReveal): string {
  const shown = describeBid({ quantity: reveal.count, face: reveal.bid.face }).replace(/^0 /, "No ");
  return `${shown} on the table: the bid ${reveal.count >= reveal.bid.quantity ? "held" : "was a lie"}.`;
}

/** True when the view's round began with the last challenge (rather than with a seat leaving). */
export function justRevealed(view: LiarsDiceView): boolean {
  return view.reveal !== null && view.bids.length === 0 && view.reveal.round === view.round - 1;
}

/** The status line: who is to move, and what just happened. */
export function statusLines(
  view: LiarsDiceView,
  nameOf: NameOf,
  mySeat: number | null,
): { text: string; detail: string; myTurn: boolean } {
  const { turn, bid, reveal } = view;
  const myTurn = mySeat !== null && turn === mySeat;
  const text =
    turn === null
      ? "Game over"
      : myTurn
        ? bid
          ? "Your turn: raise or call liar"
          : "Your turn: open the bidding"
        : mySeat === null
          ? `${capitalised(nameOf(turn))} to move`
          : `Waiting for ${nameOf(turn)}`;
  const detail =
    reveal && (justRevealed(view) || turn === null)
      ? `${describeChallenge(reveal, nameOf, mySeat)}.`
      : bid
        ? `${capitalised(nameOf(bid.seat))} ${bid.seat === mySeat ? "bid" : "bids"} ${describeBid(bid)}.`
        : `Round ${view.round}: ${diceCount(diceOnTable(view))} on the table.`;
  return { text, detail, myTurn };
}

/** What the bid form starts on: the smallest raise on `face` (by default the face after the bid's). */
export function suggestedBid(view: LiarsDiceView, face?: number): Bid {
  const chosen = face ?? (view.bid ? (view.bid.face % FACES) + 1 : 1);
  return minimalRaise(view.bid, chosen);
}

/** Why a draft bid cannot be made, or null when it can. */
export function bidProblem(view: LiarsDiceView, draft: Bid): string | null {
  const total = diceOnTable(view);
  if (draft.quantity < 1) return "Bid at least 1 die.";
  if (draft.quantity > total) return `There are only ${diceCount(total)} on the table.`;
  if (view.bid && !raises(draft, view.bid)) return `Beat ${describeBid(view.bid)}: more dice, or a higher face.`;
  return null;
}
