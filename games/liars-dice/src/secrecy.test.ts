import { seededRandom, type GameRules } from "@lobby/game-kit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liarsDiceGame } from "./index";
import { liarsDice, type LiarsDiceState } from "./rules";
import { LiarsDiceView, type LiarsDiceMove, type LiarsDiceReveal } from "./schemas";

/*
 * Secrecy, as a property over whole random games: what a seat is sent is a
 * function of its own dice and the public table only. Checked structurally
 * (noninterference), not by searching the text for small numbers: change
 * every die the viewer may not see, and every roll still to come, and the
 * serialized view must not change by a byte. A spectator may see no dice of
 * the current round at all. Any reveal must be exactly the dice of the round
 * its challenge ended.
 */

type View = (state: LiarsDiceState, seat: number | null) => LiarsDiceView;

const realView: View = (state, seat) => liarsDice.view(state, seat);

const other = (die: number) => (die % 6) + 1;

/** The same table with every die `seat` may not see (and every future roll) changed. */
function hideAndSeek(state: LiarsDiceState, seat: number | null): LiarsDiceState {
  return {
    ...state,
    seats: state.seats.map((s, i) => (i === seat ? s : { ...s, dice: s.dice.map(other) })),
    rolls: [...state.rolls].map((d) => other(Number(d))).join(""),
  };
}

/** What `view` lets `seat` learn that it should not; empty when nothing. */
function secrecyProblems(
  view: View,
  state: LiarsDiceState,
  seat: number | null,
  revealed: LiarsDiceReveal | null,
): string[] {
  const problems: string[] = [];
  const shown = view(state, seat);
  const who = seat === null ? "a spectator" : `seat ${seat}`;
  if (JSON.stringify(shown) !== JSON.stringify(view(hideAndSeek(state, seat), seat))) {
    problems.push(`${who}'s view changes with dice it may not see`);
  }
  const expected = seat === null ? null : (state.seats[seat]?.dice ?? null);
  if (JSON.stringify(shown.myDice) !== JSON.stringify(expected)) problems.push(`${who} is shown the wrong hand`);
  if (JSON.stringify(shown.reveal) !== JSON.stringify(revealed))
    problems.push(`${who} sees a reveal that no challenge made`);
  return problems;
}

interface Step {
  /** How the mover picks: the game's bot, a sensible move at random, or any sample (often refused). */
  how: "bot" | "sensible" | "sample" | "leave";
  pick: number;
}

// Weighted towards play; "leave" removes a seat for good now and then.
const HOW: readonly Step["how"][] = ["bot", "bot", "sensible", "sensible", "sensible", "sample", "leave"];

const step: fc.Arbitrary<Step> = fc.record({
  how: fc.constantFrom(...HOW),
  pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});

interface Game {
  players: number;
  seed: number;
  /** The room's round (rematch count), which picks the opener. */
  rematch: number;
  steps: Step[];
}

const game: fc.Arbitrary<Game> = fc.record({
  players: fc.integer({ min: 2, max: 6 }),
  seed: fc.integer(),
  rematch: fc.integer({ min: 1, max: 6 }),
  steps: fc.array(step, { minLength: 1, maxLength: 40 }),
});

/** Plays one game to its end; `check` runs on every state reached, with the reveal the harness expects. */
function playOut(
  { players, seed, rematch, steps }: Game,
  check: (state: LiarsDiceState, revealed: LiarsDiceReveal | null) => void,
): LiarsDiceState {
  const rules: GameRules<LiarsDiceState, LiarsDiceMove, LiarsDiceView> = liarsDice;
  const moves = liarsDiceGame.moves;
  const bots = Array.from({ length: players }, () => moves.bot!());
  let state = rules.setup({ players, round: rematch, random: seededRandom(seed) });
  let revealed: LiarsDiceReveal | null = null;
  check(state, revealed);
  for (let i = 0; rules.outcome(state) === null; i++) {
    if (i > 5000) throw new Error("the game did not end");
    // Past the scripted steps, the bots finish the game.
    const { how, pick } = steps[i] ?? { how: "bot", pick: (i * 0.618) % 1 };
    const seat = state.turn!;
    if (how === "leave") {
      const gone = Math.floor(pick * players);
      state = rules.removeSeat!(state, gone);
      check(state, revealed);
      continue;
    }
    const view = rules.view(state, seat);
    const sensible = moves.sensible(view, seat);
    const refused = sensible.filter((move) => rules.validateMove(state, seat, move) !== null);
    const offered = state.seats.some((_, s) => s !== seat && moves.sensible(rules.view(state, s), s).length > 0);
    if (refused.length > 0 || offered) throw new Error(`sensible moves: ${JSON.stringify({ refused, offered })}`);
    const move =
      how === "bot"
        ? bots[seat]!(view, seat, pick)
        : how === "sensible"
          ? sensible[Math.floor(pick * sensible.length)]
          : moves.samples[Math.floor(pick * moves.samples.length)];
    if (!move) throw new Error(`seat ${seat} had nothing to play`);
    if (rules.validateMove(state, seat, move)) continue;
    if (move.action === "challenge") {
      const bid = state.bids.at(-1)!;
      const dice = state.seats.map((s) => [...s.dice]);
      const count = dice.flat().filter((d) => d === bid.face).length;
      revealed = {
        round: state.round,
        challenger: seat,
        bid,
        dice,
        count,
        loser: count >= bid.quantity ? seat : bid.seat,
      };
    }
    state = rules.applyMove(state, seat, move);
    check(state, revealed);
  }
  return state;
}

describe("Liar's Dice secrecy", () => {
  it("never shows a seat another's dice, nor a spectator any, before the reveal", () => {
    fc.assert(
      fc.property(game, (g) => {
        const end = playOut(g, (state, revealed) => {
          const problems = [null, ...state.seats.keys()].flatMap((seat) => {
            const view = liarsDice.view(state, seat);
            const parsed = LiarsDiceView.safeParse(view);
            return [
              ...secrecyProblems(realView, state, seat, revealed),
              ...(parsed.success ? [] : [`the view breaks its schema: ${parsed.error.message}`]),
              ...liarsDice.problems!(view, g.players),
            ];
          });
          expect(problems).toEqual([]);
        });
        expect(liarsDice.outcome(end)).not.toBeNull();
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it("catches a view that leaks (the check itself is sound)", () => {
    const state = liarsDice.setup({ players: 3, round: 1, random: seededRandom(4) });
    const leaky: View = (s, seat) => ({ ...liarsDice.view(s, seat), myDice: s.seats[1]!.dice });
    expect(secrecyProblems(leaky, state, 0, null)).toContain("seat 0's view changes with dice it may not see");
    const spectatorLeak: View = (s, seat) => ({
      ...liarsDice.view(s, seat),
      bids: [{ seat: 0, quantity: 1, face: s.seats[0]!.dice[0]! }],
    });
    expect(secrecyProblems(spectatorLeak, state, null, null)).toContain(
      "a spectator's view changes with dice it may not see",
    );
    const future: View = (s, seat) => ({ ...liarsDice.view(s, seat), round: Number(s.rolls[0]) });
    expect(secrecyProblems(future, state, 2, null)).toContain("seat 2's view changes with dice it may not see");
  });
});
