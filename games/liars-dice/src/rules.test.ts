import { MoveRefusalCode as ErrorCode, seededRandom } from "@lobby/game-kit";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { liarsDiceGame } from "./index";
import { bid, challenge } from "./moves";
import { liarsDice, rollsNeeded, type LiarsDiceState } from "./rules";
import { LiarsDiceMove, LiarsDiceView, type LiarsDiceStandingBid } from "./schemas";

/** A hand-built table: these dice, seat `turn` to move, these bids so far, a pool of rolls to deal from. */
function table(
  dice: number[][],
  {
    turn = 0,
    bids = [],
    rolls = "123456".repeat(20),
  }: { turn?: number; bids?: LiarsDiceStandingBid[]; rolls?: string } = {},
): LiarsDiceState {
  return { round: 1, seats: dice.map((hand) => ({ dice: hand, left: false })), turn, bids, reveal: null, rolls };
}

function play(state: LiarsDiceState, seat: number, move: LiarsDiceMove): LiarsDiceState {
  const refusal = liarsDice.validateMove(state, seat, move);
  if (refusal) throw new Error(`seat ${seat} ${JSON.stringify(move)} refused: ${refusal.message}`);
  return liarsDice.applyMove(state, seat, move);
}

describe("Liar's Dice setup", () => {
  it.each([2, 3, 4, 5, 6])("deals 5 dice of 1–6 to each of %i seats and keeps the rest of the rolls", (players) => {
    const state = liarsDice.setup({ players, round: 1, random: seededRandom(players) });
    expect(state.round).toBe(1);
    expect(state.seats).toHaveLength(players);
    for (const seat of state.seats) {
      expect(seat.left).toBe(false);
      expect(seat.dice).toHaveLength(5);
      for (const die of seat.dice) expect(die).toSatisfy((d: number) => Number.isInteger(d) && d >= 1 && d <= 6);
    }
    expect(state.rolls).toMatch(/^[1-6]*$/);
    expect(state.rolls.length + players * 5).toBe(rollsNeeded(players));
    expect(state).toMatchObject({ turn: 0, bids: [], reveal: null });
  });

  it("rotates the opener on rematches and is deterministic under a seed", () => {
    expect(liarsDice.setup({ players: 3, round: 2, random: seededRandom(1) }).turn).toBe(1);
    expect(liarsDice.setup({ players: 3, round: 4, random: seededRandom(1) }).turn).toBe(0);
    expect(liarsDice.setup({ players: 4, round: 1, random: seededRandom(9) })).toEqual(
      liarsDice.setup({ players: 4, round: 1, random: seededRandom(9) }),
    );
  });

  it("rolls every face, about evenly", () => {
    const { rolls } = liarsDice.setup({ players: 6, round: 1, random: seededRandom(3) });
    const counts = [1, 2, 3, 4, 5, 6].map((face) => rolls.split("").filter((d) => d === String(face)).length);
    for (const count of counts) expect(count).toBeGreaterThan(rolls.length / 6 / 2);
  });

  it("declares a turn-based mode for 2–6 players that hides information", () => {
    expect(liarsDiceGame.mode).toMatchObject({ id: "liars-dice", minPlayers: 2, maxPlayers: 6, realtime: false });
    expect(liarsDice.hidesInformation).toBe(true);
  });
});

describe("Liar's Dice bids", () => {
  const start = () =>
    table([
      [2, 2, 3, 5, 6],
      [1, 4, 4, 5, 6],
      [3, 3, 3, 1, 2],
    ]);

  it("accepts any opening bid and passes the turn on", () => {
    const state = play(start(), 0, bid(2, 3));
    expect(state.bids).toEqual([{ seat: 0, quantity: 2, face: 3 }]);
    expect(state.turn).toBe(1);
    expect(play(play(state, 1, bid(2, 4)), 2, bid(3, 1)).turn).toBe(0);
  });

  it("requires a raise: more dice, or as many of a higher face", () => {
    const state = play(start(), 0, bid(3, 4));
    expect(liarsDice.validateMove(state, 1, bid(3, 5))).toBeNull();
    expect(liarsDice.validateMove(state, 1, bid(4, 1))).toBeNull();
    expect(liarsDice.validateMove(state, 1, bid(3, 4))).toEqual({
      code: ErrorCode.IllegalMove,
      message: "Your bid must beat 3 fours: bid more dice, or 3 of a higher face.",
    });
    expect(liarsDice.validateMove(state, 1, bid(2, 6))?.code).toBe(ErrorCode.IllegalMove);
    const sixes = play(state, 1, bid(3, 6));
    expect(liarsDice.validateMove(sixes, 2, bid(3, 6))?.message).toBe(
      "Your bid must beat 3 sixes: bid at least 4 dice.",
    );
    expect(liarsDice.validateMove(play(start(), 0, bid(1, 2)), 1, bid(1, 1))?.message).toBe(
      "Your bid must beat 1 two: bid more dice, or 1 of a higher face.",
    );
  });

  it("refuses a bid on more dice than the table holds", () => {
    expect(liarsDice.validateMove(start(), 0, bid(15, 2))).toBeNull();
    expect(liarsDice.validateMove(start(), 0, bid(16, 2))).toEqual({
      code: ErrorCode.IllegalMove,
      message: "There are only 15 dice on the table.",
    });
  });

  it("refuses moves out of turn, from a seat that is out, and after the game", () => {
    expect(liarsDice.validateMove(start(), 1, bid(1, 2))).toEqual({
      code: ErrorCode.NotYourTurn,
      message: "It is not your turn.",
    });
    expect(liarsDice.validateMove(start(), 2, challenge)?.code).toBe(ErrorCode.NotYourTurn);
    const out = table([[1], [], [2]], { turn: 2 });
    expect(liarsDice.validateMove(out, 1, bid(1, 2))).toEqual({
      code: ErrorCode.IllegalMove,
      message: "You have no dice left: you are out of this game.",
    });
    expect(liarsDice.validateMove(start(), 7, bid(1, 2))?.code).toBe(ErrorCode.IllegalMove);
    const over = { ...table([[3], []]), turn: null };
    expect(liarsDice.validateMove(over, 0, bid(1, 2))).toEqual({
      code: ErrorCode.IllegalMove,
      message: "The game is over.",
    });
  });

  it("refuses a challenge before any bid", () => {
    expect(liarsDice.validateMove(start(), 0, challenge)).toEqual({
      code: ErrorCode.IllegalMove,
      message: "There is no bid to call yet: open the bidding.",
    });
  });

  it("skips seats that are out", () => {
    const state = table([[1, 2], [], [3, 4]]);
    expect(play(state, 0, bid(1, 2)).turn).toBe(2);
    expect(play(table([[1, 2], [], [3, 4]], { turn: 2 }), 2, bid(1, 2)).turn).toBe(0);
  });
});

describe("Liar's Dice challenges", () => {
  // Five 3s on the table: two with seat 0, one with seat 1, two with seat 2. No wilds: the 1s don't count.
  const dice = [
    [3, 3, 1, 6, 2],
    [3, 1, 1, 4, 5],
    [3, 3, 6, 6, 2],
  ];

  it("costs the challenger a die when the bid holds, and the challenger opens the next round", () => {
    const state = play(play(table(dice), 0, bid(5, 3)), 1, challenge);
    expect(state.reveal).toEqual({
      round: 1,
      challenger: 1,
      bid: { seat: 0, quantity: 5, face: 3 },
      dice,
      count: 5,
      loser: 1,
    });
    expect(state.seats.map((s) => s.dice.length)).toEqual([5, 4, 5]);
    expect(state).toMatchObject({ round: 2, turn: 1, bids: [] });
  });

  it("costs the bidder a die when the bid was a lie, and the bidder opens the next round", () => {
    const state = play(play(play(table(dice), 0, bid(5, 3)), 1, bid(6, 3)), 2, challenge);
    expect(state.reveal).toMatchObject({ challenger: 2, bid: { seat: 1, quantity: 6, face: 3 }, count: 5, loser: 1 });
    expect(state.seats.map((s) => s.dice.length)).toEqual([5, 4, 5]);
    expect(state).toMatchObject({ round: 2, turn: 1 });
  });

  it("re-rolls every remaining die from the pool, in seat order", () => {
    // Nine sixes was a lie: the bidder, seat 0, goes down to four dice.
    const state = play(play(table(dice, { rolls: "65432112345612" }), 0, bid(9, 6)), 1, challenge);
    expect(state.seats.map((s) => s.dice)).toEqual([
      [6, 5, 4, 3],
      [2, 1, 1, 2, 3],
      [4, 5, 6, 1, 2],
    ]);
    expect(state.rolls).toBe("");
  });

  it("puts a seat that loses its last die out; the next seat with dice opens", () => {
    const state = play(play(table([[2], [4, 4], [5, 5]], { turn: 0 }), 0, bid(1, 6)), 1, challenge);
    expect(state.seats.map((s) => s.dice.length)).toEqual([0, 2, 2]);
    expect(state.turn).toBe(1);
    expect(liarsDice.outcome(state)).toBeNull();
    expect(liarsDice.view(state, 0).myDice).toEqual([]);
  });

  it("ends with the last seat holding dice as the winner", () => {
    const state = play(play(table([[2], [4, 4]], { turn: 1 }), 1, bid(2, 4)), 0, challenge);
    expect(state.seats.map((s) => s.dice.length)).toEqual([0, 2]);
    expect(state.turn).toBeNull();
    expect(liarsDice.outcome(state)).toEqual({ kind: "win", winners: [1] });
    expect(liarsDice.view(state, null)).toMatchObject({ turn: null, reveal: { loser: 0, count: 2 } });
    expect(liarsDice.validateMove(state, 1, bid(3, 4))?.message).toBe("The game is over.");
  });

  it("plays a whole seeded game to a single winner", () => {
    let state = liarsDice.setup({ players: 3, round: 1, random: seededRandom(5) });
    const bot = liarsDiceGame.moves.bot!();
    for (let step = 0; liarsDice.outcome(state) === null; step++) {
      expect(step).toBeLessThan(2000);
      const seat = state.turn!;
      state = play(state, seat, bot(liarsDice.view(state, seat), seat, (step * 0.37) % 1)!);
    }
    expect(liarsDice.outcome(state)).toMatchObject({ kind: "win", winners: [expect.any(Number)] });
    expect(state.seats.filter((s) => s.dice.length > 0)).toHaveLength(1);
  });
});

describe("Liar's Dice seats leaving", () => {
  it("takes a leaver's dice off the table and voids the round: re-roll, the seat to move opens", () => {
    const before = play(
      table(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        { rolls: "6666" },
      ),
      0,
      bid(2, 3),
    );
    const state = liarsDice.removeSeat!(before, 0);
    expect(state.seats).toEqual([
      { dice: [], left: true },
      { dice: [6, 6], left: false },
      { dice: [6, 6], left: false },
    ]);
    expect(state).toMatchObject({ round: 2, turn: 1, bids: [], reveal: null });
    expect(liarsDice.outcome(state)).toBeNull();
  });

  it("passes the opening to the next seat when the leaver was to move", () => {
    const state = liarsDice.removeSeat!(
      table(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        { turn: 1 },
      ),
      1,
    );
    expect(state.turn).toBe(2);
  });

  it("ends the game when one seat is left holding dice", () => {
    const state = liarsDice.removeSeat!(table([[1, 2], [3]]), 0);
    expect(state.turn).toBeNull();
    expect(liarsDice.outcome(state)).toEqual({ kind: "win", winners: [1] });
    // The winner leaving afterwards changes nothing.
    expect(liarsDice.removeSeat!(state, 1)).toBe(state);
  });

  it("only marks a seat already out as gone, and ignores a second removal", () => {
    const before = table([[1, 2], [], [5, 6]]);
    const state = liarsDice.removeSeat!(before, 1);
    expect(state).toEqual({ ...before, seats: [before.seats[0], { dice: [], left: true }, before.seats[2]] });
    expect(liarsDice.removeSeat!(state, 1)).toBe(state);
    expect(liarsDice.removeSeat!(state, 9)).toBe(state);
  });
});

describe("Liar's Dice views", () => {
  const state = play(
    table([
      [2, 2, 3, 5, 6],
      [1, 4, 4, 5, 6],
      [3, 3, 3, 1, 2],
    ]),
    0,
    bid(2, 3),
  );

  it("show each seat its own dice, every seat's count, and the bidding", () => {
    const view = liarsDice.view(state, 1);
    expect(LiarsDiceView.parse(view)).toEqual(view);
    expect(view).toEqual({
      mode: "liars-dice",
      round: 1,
      seats: [0, 1, 2].map((seat) => ({ seat, dice: 5, left: false })),
      turn: 1,
      bid: { seat: 0, quantity: 2, face: 3 },
      bids: [{ seat: 0, quantity: 2, face: 3 }],
      reveal: null,
      myDice: [1, 4, 4, 5, 6],
    });
    expect(liarsDice.view(state, null).myDice).toBeNull();
    expect(liarsDice.view(state, 2).myDice).toEqual([3, 3, 3, 1, 2]);
  });

  it("never carry the pool of future rolls", () => {
    for (const seat of [0, 1, 2, null]) expect(JSON.stringify(liarsDice.view(state, seat))).not.toContain("rolls");
  });

  it("report no problems for sound tables, and name broken ones", () => {
    expect(liarsDice.problems!(liarsDice.view(state, 0), 3)).toEqual([]);
    const view = liarsDice.view(state, null);
    expect(
      liarsDice.problems!(
        { ...view, turn: 1, seats: view.seats.map((s) => ({ ...s, dice: s.seat === 1 ? 0 : s.dice })) },
        3,
      ),
    ).toContain("turn on seat 1, which has no dice");
    expect(liarsDice.problems!({ ...view, bids: [...view.bids, { seat: 1, quantity: 2, face: 2 }] }, 3)).toContain(
      "bid 2 (2 twos) does not raise the one before",
    );
    expect(liarsDice.problems!(view, 4)).toContain("3 seats in the view for 4 in the room");
  });
});

describe("Liar's Dice purity", () => {
  it("never mutates the state it is given", () => {
    const before = play(
      table([
        [2, 2, 3, 5, 6],
        [1, 4, 4, 5, 6],
        [3, 3, 3, 1, 2],
      ]),
      0,
      bid(2, 3),
    );
    const snapshot = structuredClone(before);
    liarsDice.applyMove(before, 1, bid(3, 3));
    liarsDice.applyMove(before, 1, challenge);
    liarsDice.removeSeat!(before, 2);
    liarsDice.removeSeat!(before, 1);
    liarsDice.view(before, 1);
    liarsDice.outcome(before);
    liarsDice.problems!(liarsDice.view(before, null), 3);
    expect(before).toEqual(snapshot);
  });
});

describe("Liar's Dice moves on the wire", () => {
  it("are strict: unknown keys and half-made moves are refused", () => {
    expect(LiarsDiceMove.safeParse(bid(3, 4)).success).toBe(true);
    expect(LiarsDiceMove.safeParse(challenge).success).toBe(true);
    expect(LiarsDiceMove.safeParse({ ...challenge, quantity: 3 }).success).toBe(false);
    expect(LiarsDiceMove.safeParse({ ...bid(3, 4), extra: 1 }).success).toBe(false);
    expect(LiarsDiceMove.safeParse({ mode: "liars-dice", action: "bid", quantity: 3 }).success).toBe(false);
    expect(LiarsDiceMove.safeParse(bid(3, 7)).success).toBe(false);
    expect(LiarsDiceMove.safeParse(bid(0, 2)).success).toBe(false);
    expect(LiarsDiceMove.safeParse(bid(31, 2)).success).toBe(false);
    expect(LiarsDiceMove.safeParse(bid(2.5, 2)).success).toBe(false);
  });

  it("nest in the lobby's union of every game's moves and views", () => {
    // As packages/contracts builds it: z.discriminatedUnion("mode", every game's schema).
    const other = z.strictObject({ mode: z.literal("connect-four"), column: z.int().min(0).max(6) });
    const GameMove = z.discriminatedUnion("mode", [other, liarsDiceGame.Move]);
    expect(GameMove.parse(bid(2, 5))).toEqual(bid(2, 5));
    expect(GameMove.parse(challenge)).toEqual(challenge);
    expect(GameMove.parse({ mode: "connect-four", column: 3 })).toEqual({ mode: "connect-four", column: 3 });
    expect(GameMove.safeParse({ mode: "liars-dice", column: 3 }).success).toBe(false);
    expect(GameMove.safeParse({ mode: "liars-dice", action: "fold" }).success).toBe(false);
    for (const sample of liarsDiceGame.moves.samples) expect(GameMove.parse(sample)).toEqual(sample);

    const GameView = z.discriminatedUnion("mode", [z.object({ mode: z.literal("connect-four") }), liarsDiceGame.View]);
    const view = liarsDice.view(liarsDice.setup({ players: 2, round: 1, random: seededRandom(1) }), 0);
    expect(GameView.parse(view)).toEqual(view);
  });
});
