import { seededRandom } from "@lobby/game-kit";
import { describe, expect, it } from "vitest";
import { liarsDiceGame } from "./index";
import { atLeast, bid, challenge, chanceBidHolds, liarsDiceBot, samples, sensible } from "./moves";
import { liarsDice } from "./rules";
import { LiarsDiceMove, type LiarsDiceView } from "./schemas";

/** A view for seat 0 of two seats with `dice` each, holding `myDice`, facing `standing` (made by seat 1). */
function viewFor(myDice: number[], standing: { quantity: number; face: number } | null, dice = [5, 5]): LiarsDiceView {
  const bids = standing ? [{ seat: 1, ...standing }] : [];
  return {
    mode: "liars-dice",
    round: 1,
    seats: dice.map((count, seat) => ({ seat, dice: count, left: false })),
    turn: 0,
    bid: bids[0] ?? null,
    bids,
    reveal: null,
    myDice,
  };
}

describe("samples", () => {
  it("are valid moves of every shape: bids low and high on every face, and a challenge", () => {
    for (const move of samples) expect(LiarsDiceMove.parse(move)).toEqual(move);
    expect(new Set(samples.flatMap((m) => (m.action === "bid" ? [m.face] : [])))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(samples).toContainEqual(challenge);
    expect(liarsDiceGame.moves.samples).toBe(samples);
  });
});

describe("sensible moves", () => {
  it("open with one or two of any face", () => {
    const moves = sensible(viewFor([1, 2, 3, 4, 5], null), 0);
    expect(moves).toHaveLength(12);
    expect(moves).toContainEqual(bid(1, 1));
    expect(moves).toContainEqual(bid(2, 6));
    expect(moves).not.toContainEqual(challenge);
  });

  it("are the smallest raise on each face, one die above it, and a challenge", () => {
    const moves = sensible(viewFor([1, 2, 3, 4, 5], { quantity: 3, face: 4 }), 0);
    expect(moves).toEqual([
      bid(4, 1),
      bid(5, 1),
      bid(4, 2),
      bid(5, 2),
      bid(4, 3),
      bid(5, 3),
      bid(4, 4),
      bid(5, 4),
      bid(3, 5),
      bid(4, 5),
      bid(3, 6),
      bid(4, 6),
      challenge,
    ]);
  });

  it("stay within the dice on the table; only a challenge is left at the top", () => {
    expect(sensible(viewFor([6], { quantity: 2, face: 6 }, [1, 1]), 0)).toEqual([challenge]);
    expect(sensible(viewFor([6], { quantity: 1, face: 6 }, [1, 1]), 0)).toEqual([
      bid(2, 1),
      bid(2, 2),
      bid(2, 3),
      bid(2, 4),
      bid(2, 5),
      bid(2, 6),
      challenge,
    ]);
  });

  it("are none when it is not the seat's turn or the seat is out", () => {
    expect(sensible(viewFor([1, 2], null), 1)).toEqual([]);
    expect(sensible({ ...viewFor([], null, [0, 5, 5]), turn: 0 }, 0)).toEqual([]);
    expect(sensible({ ...viewFor([1], null), turn: null }, 0)).toEqual([]);
  });

  it("are all legal in real games", () => {
    let state = liarsDice.setup({ players: 4, round: 1, random: seededRandom(21) });
    for (let step = 0; step < 60 && liarsDice.outcome(state) === null; step++) {
      const seat = state.turn!;
      const moves = sensible(liarsDice.view(state, seat), seat);
      for (const move of moves) expect(liarsDice.validateMove(state, seat, move)).toBeNull();
      state = liarsDice.applyMove(state, seat, moves[step % moves.length]!);
    }
  });
});

describe("the odds", () => {
  it("computes binomial tails", () => {
    expect(atLeast(0, 10, 1 / 6)).toBe(1);
    expect(atLeast(11, 10, 1 / 6)).toBe(0);
    expect(atLeast(1, 1, 1 / 6)).toBeCloseTo(1 / 6);
    expect(atLeast(1, 2, 1 / 6)).toBeCloseTo(1 - (5 / 6) ** 2);
    expect(atLeast(2, 2, 1 / 6)).toBeCloseTo(1 / 36);
    expect(atLeast(25, 25, 1 / 6)).toBeGreaterThan(0);
  });

  it("counts a seat's own dice as certain and the others at a sixth each", () => {
    expect(chanceBidHolds({ quantity: 2, face: 4 }, [4, 4, 1], 10)).toBe(1);
    expect(chanceBidHolds({ quantity: 3, face: 4 }, [4, 4, 1], 10)).toBeCloseTo(1 - (5 / 6) ** 7);
    expect(chanceBidHolds({ quantity: 11, face: 4 }, [4, 4, 1], 10)).toBe(0);
  });
});

describe("the bot", () => {
  const bot = liarsDiceBot();

  it("opens on the face it holds most, at its own count plus a sixth of the rest", () => {
    expect(bot(viewFor([3, 3, 3, 5, 1], null, [5, 7]), 0, 0.5)).toEqual(bid(4, 3));
    expect(bot(viewFor([2], null, [1, 1]), 0, 0.1)).toEqual(bid(1, 2));
  });

  it("calls an impossible or far-fetched bid a lie", () => {
    expect(bot(viewFor([1, 2, 3, 4, 5], { quantity: 9, face: 6 }), 0, 0.5)).toEqual(challenge);
    expect(bot(viewFor([1], { quantity: 2, face: 6 }, [1, 1]), 0, 0.9)).toEqual(challenge);
  });

  it("raises a believable bid, as little as it can on the face it trusts most", () => {
    expect(bot(viewFor([6, 6, 6, 2, 3], { quantity: 2, face: 4 }), 0, 0.5)).toEqual(bid(2, 6));
    expect(bot(viewFor([5, 5, 1, 2, 3], { quantity: 2, face: 5 }), 0, 0.5)).toEqual(bid(3, 5));
  });

  it("waits when it is not its turn or it is out", () => {
    expect(bot(viewFor([1, 2], null), 1, 0.5)).toBeNull();
    expect(bot({ ...viewFor([], null, [0, 5, 5]), turn: 0 }, 0, 0.5)).toBeNull();
  });

  it("beats a caller that bids at random", () => {
    let botWins = 0;
    for (let game = 0; game < 40; game++) {
      let state = liarsDice.setup({ players: 2, round: game + 1, random: seededRandom(game) });
      const play = liarsDiceBot();
      const random = seededRandom(1000 + game);
      while (liarsDice.outcome(state) === null) {
        const seat = state.turn!;
        const view = liarsDice.view(state, seat);
        const options = sensible(view, seat);
        const move = seat === 0 ? play(view, seat, random.next()) : options[Math.floor(random.next() * options.length)];
        state = liarsDice.applyMove(state, seat, move!);
      }
      if (liarsDice.outcome(state)?.kind === "win" && state.seats[0]!.dice.length > 0) botWins++;
    }
    expect(botWins).toBeGreaterThan(30);
  });
});
