import type { ModeInfo, RejoinOffer } from "@lobby/contracts";
import { secondsLeft } from "./format";

/*
 * The words of the lobby's "Rejoin your game" banner and of its outcomes,
 * kept apart from React so the wording and the moment the banner disappears
 * are testable on their own.
 */

export interface RejoinPrompt {
  /** What still waits for the player: "Your Connect Four game with Bob is still on". */
  waiting: string;
  /** What happens when the time is up, said before the seconds: "it is forfeited in". */
  deadline: string;
  secondsLeft: number;
  /** The button's words. */
  action: string;
}

interface PhaseWording {
  waiting: (game: string, company: string) => string;
  deadline: string;
}

/** What waits in each phase, and how it is lost when nobody takes it back; a new phase must say its own. */
const WORDING = {
  queued: {
    waiting: (game) => `Your place in the ${game} queue is still held`,
    deadline: "it runs out in",
  },
  waiting: {
    waiting: (game, company) => `Your ${game} room${company} is still open`,
    deadline: "your seat is kept for",
  },
  countdown: {
    waiting: (game, company) => `Your ${game} game${company} is about to start`,
    deadline: "it is forfeited in",
  },
  playing: {
    waiting: (game, company) => `Your ${game} game${company} is still on`,
    deadline: "it is forfeited in",
  },
  finished: {
    waiting: (game, company) => `Your ${game} game${company} has just finished`,
    deadline: "your seat is kept for",
  },
} satisfies Record<RejoinOffer["phase"], PhaseWording>;

/** The banner for `offer` at server time `serverNow`; null once its time is up. */
export function rejoinPrompt(offer: RejoinOffer, modes: readonly ModeInfo[], serverNow: number): RejoinPrompt | null {
  const left = secondsLeft(offer.awayUntil, serverNow);
  if (left === 0) return null;
  const game = modes.find((m) => m.id === offer.mode)?.name ?? offer.mode;
  const wording: PhaseWording = WORDING[offer.phase];
  return {
    waiting: wording.waiting(game, withText(offer.with)),
    deadline: wording.deadline,
    secondsLeft: left,
    action: offer.phase === "queued" ? "Rejoin the queue" : "Rejoin your game",
  };
}

/** " with Bob", " with Bob and Cid", " with Bob, Cid and 3 others"; empty for nobody. */
export function withText(names: readonly string[]): string {
  const listed = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} others`] : [...names];
  const last = listed.pop();
  if (last === undefined) return "";
  return listed.length === 0 ? ` with ${last}` : ` with ${listed.join(", ")} and ${last}`;
}

export const REJOIN_FAILED_MESSAGE = "Your game couldn't be rejoined.";

/** The place on offer was gone by the time the player asked for it. */
export function rejoinLostMessage(offer: RejoinOffer): string {
  return offer.phase === "queued"
    ? "Too late: your place in the queue had already run out. You're still in the lobby."
    : "Too late: that game had already ended without you. You're still in the lobby.";
}
