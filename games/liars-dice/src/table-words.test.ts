import { describe, expect, it } from "vitest";
import { describeBid } from "./rules";
import type { LiarsDiceReveal, LiarsDiceView } from "./schemas";
import { bidProblem, describeChallenge, describeCount, namer, statusLines, suggestedBid } from "./table-words";

const seats = [
  { seat: 0, name: "Ana" },
  { seat: 1, name: "Bo" },
  { seat: 2, name: "Cy" },
];

const reveal: LiarsDiceReveal = {
  round: 1,
  challenger: 0,
  bid: { seat: 1, quantity: 4, face: 5 },
  dice: [
    [5, 1],
    [2, 2, 5],
    [3, 5, 5],
  ],
  count: 4,
  loser: 0,
};

function view(over: Partial<LiarsDiceView> = {}): LiarsDiceView {
  return {
    mode: "liars-dice",
    round: 2,
    seats: [0, 1, 2].map((seat) => ({ seat, dice: 3, left: false })),
    turn: 0,
    bid: null,
    bids: [],
    reveal: null,
    myDice: [1, 2, 3],
    ...over,
  };
}

describe("the table in words", () => {
  it("names bids", () => {
    expect(describeBid({ quantity: 1, face: 6 })).toBe("1 six");
    expect(describeBid({ quantity: 3, face: 5 })).toBe("3 fives");
    expect(describeBid({ quantity: 2, face: 1 })).toBe("2 ones");
  });

  it("tells who called whom a liar and who pays, with 'you' for the viewer", () => {
    expect(describeChallenge(reveal, namer(seats, 2), 2)).toBe("Ana called Bo a liar — Ana loses a die");
    expect(describeChallenge(reveal, namer(seats, 0), 0)).toBe("You called Bo a liar — you lose a die");
    expect(describeChallenge({ ...reveal, loser: 1 }, namer(seats, 1), 1)).toBe(
      "Ana called you a liar — you lose a die",
    );
    expect(describeCount(reveal)).toBe("4 fives on the table: the bid held.");
    expect(describeCount({ ...reveal, count: 0 })).toBe("No fives on the table: the bid was a lie.");
    expect(namer(seats.slice(0, 2), null)(2)).toBe("Player 3");
  });

  it("puts the turn and the news in the status line", () => {
    const fresh = view({ reveal });
    expect(statusLines(fresh, namer(seats, 0), 0)).toEqual({
      text: "Your turn: open the bidding",
      detail: "You called Bo a liar — you lose a die.",
      myTurn: true,
    });
    const bidding = view({
      turn: 2,
      bid: { seat: 1, quantity: 2, face: 3 },
      bids: [{ seat: 1, quantity: 2, face: 3 }],
      reveal,
    });
    expect(statusLines(bidding, namer(seats, 0), 0)).toEqual({
      text: "Waiting for Cy",
      detail: "Bo bids 2 threes.",
      myTurn: false,
    });
    expect(statusLines({ ...bidding, turn: 0 }, namer(seats, 0), 0).text).toBe("Your turn: raise or call liar");
    expect(statusLines(bidding, namer(seats, 1), 1).detail).toBe("You bid 2 threes.");
    expect(statusLines(bidding, namer(seats, null), null).text).toBe("Cy to move");
    expect(statusLines(view(), namer(seats, null), null).detail).toBe("Round 2: 9 dice on the table.");
    expect(statusLines(view({ turn: null, reveal }), namer(seats, null), null)).toMatchObject({
      text: "Game over",
      detail: "Ana called Bo a liar — Ana loses a die.",
    });
  });

  it("suggests the smallest raise and says why a draft bid will not do", () => {
    expect(suggestedBid(view())).toEqual({ quantity: 1, face: 1 });
    const standing = view({ bid: { seat: 1, quantity: 2, face: 6 }, bids: [{ seat: 1, quantity: 2, face: 6 }] });
    expect(suggestedBid(standing)).toEqual({ quantity: 3, face: 1 });
    expect(suggestedBid(standing, 6)).toEqual({ quantity: 3, face: 6 });
    expect(bidProblem(standing, { quantity: 3, face: 1 })).toBeNull();
    expect(bidProblem(standing, { quantity: 2, face: 5 })).toBe("Beat 2 sixes: more dice, or a higher face.");
    expect(bidProblem(standing, { quantity: 10, face: 5 })).toBe("There are only 9 dice on the table.");
    expect(bidProblem(standing, { quantity: 0, face: 5 })).toBe("Bid at least 1 die.");
  });
});
