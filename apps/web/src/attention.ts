import type { ChatMessage, ModeId, RoomView } from "@lobby/contracts";
import type { LobbyState } from "./lobby-state";

/*
 * When the app calls for the player: which moments matter (a match found,
 * their turn, a game over, a chat line while they look elsewhere), and what
 * each one does — a sound, a browser notification, a badge in the tab's
 * title — given whether the tab is hidden, the sound is muted and
 * notifications are allowed. Pure: attention-effects.ts feeds it the store's
 * changes and does what it decides through the Web Audio and Notification APIs.
 */

/** A moment that may call for the player. `game` is the mode's name ("Connect Four"). */
export type AttentionEvent =
  | { kind: "match-found"; game: string }
  | { kind: "your-turn"; game: string }
  | { kind: "game-over"; game: string; outcome: "win" | "lose" | "draw" }
  | { kind: "chat"; from: string; text: string };

/** The sounds the app can make (attention-sounds.ts draws them). */
export type SoundName = "match" | "turn" | "win" | "lose" | "draw" | "chat";

/** What the page may do besides drawing itself. `notifications` is the browser's permission, or "unsupported". */
export interface AttentionContext {
  hidden: boolean;
  muted: boolean;
  notifications: NotificationPermission | "unsupported";
}

export interface AttentionDecision {
  sound: SoundName | null;
  notification: { title: string; body: string } | null;
  /** What the tab's title says needs the player ("Your turn"), while the tab is hidden. */
  badge: string | null;
}

/** The part of the app state these decisions read. */
export interface AttentionSnapshot {
  /** Queued, or matched and waiting for the room (ourselves or through our party). */
  searching: boolean;
  /** The room we sit in (never one we watch). */
  roomId: string | null;
  mode: ModeId | null;
  phase: RoomView["phase"] | null;
  /** The game runs and it is our seat's turn (turn-based games only). */
  myTurn: boolean;
  /** How the finished game went for us. */
  outcome: "win" | "lose" | "draw" | null;
  /** The chat of our room or party: whose it is (room id or party code), and its lines. */
  chats: readonly { key: string; messages: readonly ChatMessage[] }[];
}

/** The seat whose turn it is in a running game's view, for turn-based games; null otherwise. */
export type TurnOf = (room: RoomView) => number | null;

/** Read what matters here from the app state. */
export function attentionSnapshot(state: LobbyState, turnOf: TurnOf): AttentionSnapshot {
  const me = state.session?.player.id ?? null;
  const room = state.room && state.watchingRoomId === null ? state.room : null;
  const seat = room && me ? (room.seats.find((s) => s.player.id === me && s.status !== "left") ?? null) : null;
  const seated = room && seat ? room : null;
  const chats: { key: string; messages: readonly ChatMessage[] }[] = [];
  if (state.roomChat) chats.push({ key: `room:${state.roomChat.roomId}`, messages: state.roomChat.messages });
  if (state.partyChat) chats.push({ key: `party:${state.partyChat.code}`, messages: state.partyChat.messages });
  return {
    searching: state.queue.state !== "idle",
    roomId: seated?.id ?? null,
    mode: seated?.mode ?? null,
    phase: seated?.phase ?? null,
    myTurn: seated !== null && seat !== null && seated.phase === "playing" && turnOf(seated) === seat.seat,
    outcome: seated && seat ? outcomeFor(seated, seat.seat) : null,
    chats,
  };
}

function outcomeFor(room: RoomView, seat: number): AttentionSnapshot["outcome"] {
  if (room.phase !== "finished" || !room.result) return null;
  if (room.result.kind === "draw") return "draw";
  return room.result.winners.includes(seat) ? "win" : "lose";
}

/**
 * The moments between two snapshots. `me` is our player id (our own chat
 * lines call for nobody); `gameName` names a mode.
 */
export function attentionEvents(
  before: AttentionSnapshot,
  after: AttentionSnapshot,
  me: string | null,
  gameName: (mode: ModeId) => string,
): AttentionEvent[] {
  const events: AttentionEvent[] = [];
  const game = after.mode ? gameName(after.mode) : "";
  // Matched by someone else's arrival, we learn it from the room itself: we were searching, now we sit in a room.
  if (before.searching && after.roomId !== null && after.roomId !== before.roomId) {
    events.push({ kind: "match-found", game });
  }
  if (after.myTurn && !(before.myTurn && before.roomId === after.roomId)) events.push({ kind: "your-turn", game });
  if (after.outcome && before.roomId === after.roomId && before.phase !== "finished" && before.phase !== null) {
    events.push({ kind: "game-over", game, outcome: after.outcome });
  }
  for (const chat of after.chats) {
    const earlier = before.chats.find((c) => c.key === chat.key);
    // A chat seen for the first time is its history, read on arrival, not news.
    if (!earlier) continue;
    const seen = new Set(earlier.messages.map((m) => m.id));
    for (const message of chat.messages) {
      if (seen.has(message.id) || message.kind !== "user" || !message.from || message.from.id === me) continue;
      events.push({ kind: "chat", from: message.from.name, text: message.text });
    }
  }
  return events;
}

/** What one moment does in `context`. */
export function decide(event: AttentionEvent, context: AttentionContext): AttentionDecision {
  const { hidden, muted } = context;
  const notify = hidden && context.notifications === "granted";
  const sound = (name: SoundName) => (muted ? null : name);
  switch (event.kind) {
    case "match-found":
      return {
        sound: sound("match"),
        notification: notify ? { title: "Match found", body: `Your ${event.game} game is about to start.` } : null,
        badge: hidden ? "Match found" : null,
      };
    case "your-turn":
      return {
        sound: sound("turn"),
        notification: notify ? { title: "Your turn", body: `${event.game}: it's your move.` } : null,
        badge: hidden ? "Your turn" : null,
      };
    case "game-over":
      return {
        sound: sound(event.outcome),
        notification: null,
        badge: hidden ? (event.outcome === "win" ? "You win" : "Game over") : null,
      };
    case "chat":
      // A chat line in view is read there; a chime for each would only get in the way.
      return { sound: hidden ? sound("chat") : null, notification: null, badge: hidden ? "New message" : null };
    default:
      return exhaustive(event);
  }
}

function exhaustive(event: never): never {
  throw new Error(`Unknown attention event: ${JSON.stringify(event)}`);
}

/**
 * What several moments at once do: the first sound and the first
 * notification (the events come in order of importance), every badge.
 */
export function decideAll(events: readonly AttentionEvent[], context: AttentionContext) {
  const decisions = events.map((event) => decide(event, context));
  return {
    sound: decisions.find((d) => d.sound)?.sound ?? null,
    notification: decisions.find((d) => d.notification)?.notification ?? null,
    badges: decisions.flatMap((d) => (d.badge ? [d.badge] : [])),
  };
}

/** The tab title's badge: how many things wait for the player, and the latest. */
export interface TitleBadge {
  count: number;
  latest: string | null;
}

export const NO_BADGE: TitleBadge = { count: 0, latest: null };

/** Add badges while the tab is hidden; a visible tab clears them (the player is looking). */
export function nextBadge(badge: TitleBadge, added: readonly string[], hidden: boolean): TitleBadge {
  if (!hidden) return NO_BADGE;
  if (added.length === 0) return badge;
  return { count: badge.count + added.length, latest: added[added.length - 1] ?? badge.latest };
}

/** "(1) Your turn — Lobby", or the plain title when nothing waits. */
export function titleWithBadge(title: string, badge: TitleBadge): string {
  return badge.count === 0 || badge.latest === null ? title : `(${badge.count}) ${badge.latest} — ${title}`;
}

/** Whether to offer notifications: after a first match, once, while the browser has not been asked yet. */
export function shouldOfferNotifications(options: {
  permission: NotificationPermission | "unsupported";
  dismissed: boolean;
  hadMatch: boolean;
}): boolean {
  return options.permission === "default" && !options.dismissed && options.hadMatch;
}
