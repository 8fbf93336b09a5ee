import type { MatchResult, ModeId } from "@lobby/contracts";

/*
 * A finished match in words, for any number of seats and for spectators
 * (mySeat null). The server decides the result; this only phrases it.
 */

export interface Outcome {
  tone: "win" | "lose" | "draw" | "neutral";
  headline: string;
  detail: string;
}

/** "Ada", "Ada and Grace", "Ada, Grace and Linus". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const RULE_WIN: Record<ModeId, { mine: string; theirs: string; draw: string }> = {
  "connect-four": {
    mine: "Four in a row. Nicely played!",
    theirs: "with four in a row.",
    draw: "The board is full and nobody connected four.",
  },
  trails: {
    mine: "You outlasted everyone. Nicely ridden!",
    theirs: "by outlasting the rest.",
    draw: "Nobody outlasted the rest.",
  },
};

/** When the headline already names the winner, the detail only says how. */
const HOW: Record<ModeId, string> = {
  "connect-four": "Four in a row.",
  trails: "Last rider standing.",
};

export function describeOutcome(
  result: MatchResult,
  mySeat: number | null,
  nameOf: (seat: number) => string,
  mode: ModeId = "connect-four",
): Outcome {
  const words = RULE_WIN[mode];
  if (result.kind === "draw") return { tone: "draw", headline: "Draw", detail: words.draw };

  const won = mySeat !== null && result.winners.includes(mySeat);
  if (won) {
    const partners = result.winners.filter((seat) => seat !== mySeat).map(nameOf);
    const detail =
      partners.length > 0
        ? `Shared with ${listNames(partners)}.`
        : result.reason === "forfeit"
          ? "Won by forfeit: the others didn't come back in time."
          : result.reason === "left"
            ? "Everyone else left the game."
            : words.mine;
    return { tone: "win", headline: "You win!", detail };
  }

  const winners = result.winners.map(nameOf);
  const verb = winners.length === 1 ? "wins" : "win";
  const who = `${listNames(winners)} ${verb}`;
  const detail =
    result.reason === "forfeit"
      ? `${who} by forfeit.`
      : result.reason === "left"
        ? `${who}: the others left the game.`
        : `${who} ${words.theirs}`;
  const namedDetail = result.reason === "rules" ? HOW[mode] : detail;
  if (mySeat === null) return { tone: "neutral", headline: who, detail: namedDetail };
  // Two-seat Connect Four keeps its classic "You lose"; in a crowd, naming the winner says more.
  if (mode === "connect-four") return { tone: "lose", headline: "You lose", detail };
  return { tone: "lose", headline: who, detail: namedDetail };
}
