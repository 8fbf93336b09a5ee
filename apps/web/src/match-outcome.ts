import type { MatchResult, ModeId } from "@lobby/contracts";
import { gameWeb } from "./game-web";

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

/**
 * `teamGame`: the seats played in teams, so the winners are a team and the
 * game's own words for a win (`words.mine`) speak for it; in other games
 * several winners share a win, and each is told with whom.
 */
export function describeOutcome(
  result: MatchResult,
  mySeat: number | null,
  nameOf: (seat: number) => string,
  mode: ModeId,
  teamGame = false,
): Outcome {
  const words = gameWeb(mode).words;
  if (result.kind === "draw") return { tone: "draw", headline: "Draw", detail: words.draw };

  const won = mySeat !== null && result.winners.includes(mySeat);
  if (won) {
    const partners = teamGame ? [] : result.winners.filter((seat) => seat !== mySeat).map(nameOf);
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
  const namedDetail = result.reason === "rules" ? words.how : detail;
  if (mySeat === null) return { tone: "neutral", headline: who, detail: namedDetail };
  // Two-seat games keep the classic "You lose"; in a crowd, naming the winner says more.
  if (words.twoSeat) return { tone: "lose", headline: "You lose", detail };
  return { tone: "lose", headline: who, detail: namedDetail };
}
