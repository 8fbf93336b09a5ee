import { describe, expect, it } from "vitest";
import {
  attentionEvents,
  attentionSnapshot,
  decide,
  decideAll,
  NO_BADGE,
  nextBadge,
  shouldOfferNotifications,
  titleWithBadge,
  type AttentionContext,
  type AttentionSnapshot,
  type TurnOf,
} from "./attention";
import { chat, emptyBoard, ME, queued, room, signedIn, strangersRoom, THEM } from "./test-fixtures";

const turnOf: TurnOf = (view) => (view.game?.mode === "connect-four" ? view.game.turn : null);
const gameName = () => "Connect Four";

const lobby: AttentionSnapshot = {
  searching: false,
  roomId: null,
  mode: null,
  phase: null,
  myTurn: false,
  outcome: null,
  chats: [],
};
const searching: AttentionSnapshot = { ...lobby, searching: true };
const inRoom = (overrides: Partial<AttentionSnapshot> = {}): AttentionSnapshot => ({
  ...lobby,
  roomId: "room-1",
  mode: "connect-four",
  phase: "playing",
  ...overrides,
});

const events = (before: AttentionSnapshot, after: AttentionSnapshot) =>
  attentionEvents(before, after, ME.id, gameName).map((e) => e.kind);

describe("attentionSnapshot", () => {
  it("reads our seat's turn, and nothing of a room we only watch", () => {
    const mine = { ...signedIn(), room: room() };
    expect(attentionSnapshot(mine, turnOf)).toMatchObject({ roomId: "room-1", phase: "playing", myTurn: true });
    const theirs = { ...signedIn(), room: room({ game: { ...emptyBoard, turn: 1 } }) };
    expect(attentionSnapshot(theirs, turnOf).myTurn).toBe(false);
    const watched = { ...signedIn(), room: strangersRoom(), watchingRoomId: "room-1" };
    expect(attentionSnapshot(watched, turnOf)).toMatchObject({ roomId: null, myTurn: false });
  });

  it("reads how a finished game went for us", () => {
    const won = room({ phase: "finished", result: { kind: "win", winners: [0], reason: "rules" } });
    expect(attentionSnapshot({ ...signedIn(), room: won }, turnOf).outcome).toBe("win");
    const lost = room({ phase: "finished", result: { kind: "win", winners: [1], reason: "rules" } });
    expect(attentionSnapshot({ ...signedIn(), room: lost }, turnOf).outcome).toBe("lose");
  });

  it("counts a queue place, or a match on its way, as searching", () => {
    expect(attentionSnapshot({ ...signedIn(), queue: queued("connect-four", 1) }, turnOf).searching).toBe(true);
    expect(attentionSnapshot(signedIn(), turnOf).searching).toBe(false);
  });
});

describe("attentionEvents", () => {
  it("finds a match when a search ends in a room: a room:state seating us is all we are told", () => {
    expect(events(searching, inRoom({ phase: "countdown" }))).toEqual(["match-found"]);
    // Creating or joining a room by code is not a match found.
    expect(events(lobby, inRoom({ phase: "waiting" }))).toEqual([]);
  });

  it("calls once when our turn comes, not again while it lasts", () => {
    expect(events(inRoom(), inRoom({ myTurn: true }))).toEqual(["your-turn"]);
    expect(events(inRoom({ myTurn: true }), inRoom({ myTurn: true }))).toEqual([]);
    // A new round's first turn is a new turn.
    expect(events(inRoom({ phase: "countdown" }), inRoom({ myTurn: true }))).toEqual(["your-turn"]);
  });

  it("calls a game over only for a game we saw running, with how it went", () => {
    const over = attentionEvents(inRoom(), inRoom({ phase: "finished", outcome: "lose" }), ME.id, gameName);
    expect(over).toEqual([{ kind: "game-over", game: "Connect Four", outcome: "lose" }]);
    // Back in a finished room after a reload: old news.
    expect(events(lobby, inRoom({ phase: "finished", outcome: "win" }))).toEqual([]);
    expect(
      events(inRoom({ phase: "finished", outcome: "win" }), inRoom({ phase: "finished", outcome: "win" })),
    ).toEqual([]);
  });

  it("calls for other players' new chat lines only: not ours, not the lobby's own, not a chat's history", () => {
    const room1 = (ids: string[], overrides: Parameters<typeof chat>[1] = {}) => ({
      key: "room:room-1",
      messages: ids.map((id) => chat(id, overrides)),
    });
    const before = inRoom({ chats: [room1(["m1"])] });
    const after = inRoom({ chats: [{ key: "room:room-1", messages: [chat("m1"), chat("m2")] }] });
    expect(attentionEvents(before, after, ME.id, gameName)).toEqual([
      { kind: "chat", from: THEM.name, text: "message m2" },
    ]);
    const mine = inRoom({ chats: [{ key: "room:room-1", messages: [chat("m1"), chat("m2", { from: ME })] }] });
    expect(events(before, mine)).toEqual([]);
    const system = inRoom({
      chats: [{ key: "room:room-1", messages: [chat("m1"), chat("m2", { kind: "system", from: null })] }],
    });
    expect(events(before, system)).toEqual([]);
    expect(events(inRoom(), after)).toEqual([]);
  });
});

describe("decide", () => {
  const visible: AttentionContext = { hidden: false, muted: false, notifications: "granted" };
  const hidden: AttentionContext = { ...visible, hidden: true };

  it("sounds a match found and our turn; notifies and badges them only while the tab is hidden", () => {
    expect(decide({ kind: "match-found", game: "Trails" }, visible)).toEqual({
      sound: "match",
      notification: null,
      badge: null,
    });
    expect(decide({ kind: "your-turn", game: "Connect Four" }, hidden)).toEqual({
      sound: "turn",
      notification: { title: "Your turn", body: "Connect Four: it's your move." },
      badge: "Your turn",
    });
  });

  it("notifies only with the browser's permission, and mute silences every sound but nothing else", () => {
    const event = { kind: "match-found", game: "Trails" } as const;
    expect(decide(event, { ...hidden, notifications: "default" }).notification).toBeNull();
    expect(decide(event, { ...hidden, notifications: "denied" }).notification).toBeNull();
    expect(decide(event, { ...hidden, notifications: "unsupported" }).notification).toBeNull();
    expect(decide(event, { ...hidden, muted: true })).toEqual({
      sound: null,
      notification: { title: "Match found", body: "Your Trails game is about to start." },
      badge: "Match found",
    });
  });

  it("plays the result's own sound, and never notifies a game over", () => {
    expect(decide({ kind: "game-over", game: "Trails", outcome: "win" }, hidden)).toEqual({
      sound: "win",
      notification: null,
      badge: "You win",
    });
    expect(decide({ kind: "game-over", game: "Trails", outcome: "lose" }, visible).sound).toBe("lose");
    expect(decide({ kind: "game-over", game: "Trails", outcome: "draw" }, hidden).badge).toBe("Game over");
  });

  it("chimes for a chat line only while the tab is hidden", () => {
    const line = { kind: "chat", from: "Grace", text: "gg" } as const;
    expect(decide(line, visible)).toEqual({ sound: null, notification: null, badge: null });
    expect(decide(line, hidden)).toEqual({ sound: "chat", notification: null, badge: "New message" });
  });

  it("of several moments at once, plays the first sound and shows every badge", () => {
    const all = decideAll(
      [
        { kind: "match-found", game: "Connect Four" },
        { kind: "your-turn", game: "Connect Four" },
      ],
      hidden,
    );
    expect(all).toEqual({
      sound: "match",
      notification: { title: "Match found", body: "Your Connect Four game is about to start." },
      badges: ["Match found", "Your turn"],
    });
  });
});

describe("the title badge", () => {
  it("counts what waits while the tab is hidden, names the latest, and clears when the player looks", () => {
    const one = nextBadge(NO_BADGE, ["Match found"], true);
    expect(titleWithBadge("Lobby", one)).toBe("(1) Match found — Lobby");
    const two = nextBadge(one, ["Your turn"], true);
    expect(titleWithBadge("Lobby", two)).toBe("(2) Your turn — Lobby");
    expect(nextBadge(two, [], true)).toBe(two);
    expect(titleWithBadge("Lobby", nextBadge(two, [], false))).toBe("Lobby");
  });
});

describe("shouldOfferNotifications", () => {
  it("offers after a first match, once, and only while the browser has not been asked", () => {
    expect(shouldOfferNotifications({ permission: "default", dismissed: false, hadMatch: false })).toBe(false);
    expect(shouldOfferNotifications({ permission: "default", dismissed: false, hadMatch: true })).toBe(true);
    expect(shouldOfferNotifications({ permission: "default", dismissed: true, hadMatch: true })).toBe(false);
    expect(shouldOfferNotifications({ permission: "granted", dismissed: false, hadMatch: true })).toBe(false);
    expect(shouldOfferNotifications({ permission: "denied", dismissed: false, hadMatch: true })).toBe(false);
    expect(shouldOfferNotifications({ permission: "unsupported", dismissed: false, hadMatch: true })).toBe(false);
  });
});
