import type { SessionLoss } from "./lobby-state";
import type { Notice } from "./notice-state";

/*
 * A reconnect that could not resume the session: what the player lost, why,
 * and how to tell them. The server does not say why a session is gone; the
 * device identity does. A server keeps an identity for months, so a session
 * that arrives under another identity than the one we presented means the
 * server lost its memory (an in-memory server restarted). The same identity
 * means we were away longer than the server keeps a seat.
 */

const IDENTITY_TOKEN = /^i1\.([A-Za-z0-9_-]+)\./;

/** The identity's id in an identity token (its documented shape `i1.<id>.<expiry>.<generation>.<signature>`); null for anything else. */
export function identityIdOf(token: string | null | undefined): string | null {
  return (token && IDENTITY_TOKEN.exec(token)?.[1]) || null;
}

/** Whether the server no longer knew the identity we presented: it gave us another one. */
export function serverForgot(presented: string | null | undefined, received: string | null | undefined): boolean {
  const before = identityIdOf(presented);
  const after = identityIdOf(received);
  return before !== null && after !== null && before !== after;
}

export interface Loss {
  lost: SessionLoss;
  /** The server restarted and forgot us (see `serverForgot`). */
  restarted: boolean;
  /** We were in a party, which a new session is no longer in. */
  hadParty: boolean;
}

/** How a reconnect is announced: a notice to dismiss when something was lost, a toast when not, or nothing. */
export type LossAnnouncement = { notice: Notice } | { toast: string } | null;

const BACK_ONLINE = "You're back online.";

export function announceLoss({ lost, restarted, hadParty }: Loss): LossAnnouncement {
  if (lost === null) return null;
  if (restarted) {
    const party = hadParty ? " Your party ended too: start a new one to play together again." : "";
    const message =
      lost === "game"
        ? `Your game ended because the server restarted, and games in progress were lost.${party} Pick a game to play again.`
        : lost === "room"
          ? `Your room closed because the server restarted.${party} Create a new room or pick a game to play again.`
          : lost === "queue"
            ? `Your search stopped because the server restarted.${party} Press Quick match to search again.`
            : hadParty
              ? `The server restarted, and your party ended with it. Start a new one to play together again.`
              : null;
    return message
      ? { notice: { kind: "server-restarted", title: "The server restarted", message } }
      : { toast: BACK_ONLINE };
  }
  switch (lost) {
    case "game":
      return {
        notice: {
          kind: "seat-lost",
          title: "Your game went on without you",
          message: "You were disconnected for longer than the server keeps a seat, so you lost your place in the game.",
        },
      };
    case "room":
      return {
        notice: {
          kind: "seat-lost",
          title: "You lost your seat",
          message: "You were disconnected for longer than the server keeps a seat, so you're no longer in the room.",
        },
      };
    case "queue":
      return { toast: "You were disconnected and dropped out of the queue. Press Quick match to search again." };
    case "nothing":
      return { toast: BACK_ONLINE };
  }
}
