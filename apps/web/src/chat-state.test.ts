import { describe, expect, it } from "vitest";
import {
  MAX_CHAT_MESSAGES,
  applyChatHistory,
  applyChatMessage,
  mergeMessages,
  partyMessages,
  roomMessages,
} from "./chat-state";
import { applyLeftRoom, applyRoomState } from "./lobby-state";
import { applyPartyLeft, applyPartyState } from "./party-state";
import { chat, party, room, signedIn } from "./test-fixtures";

describe("lobby chat", () => {
  it("takes the history, then appends new messages without duplicates", () => {
    let state = applyChatHistory(signedIn(), {
      scope: "lobby",
      roomId: null,
      messages: [chat("m1", { scope: "lobby", roomId: null }), chat("m2", { scope: "lobby", roomId: null })],
    });
    state = applyChatMessage(state, chat("m3", { scope: "lobby", roomId: null }));
    state = applyChatMessage(state, chat("m3", { scope: "lobby", roomId: null }));
    expect(state.lobbyChat.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  it("keeps only the newest messages", () => {
    const many = Array.from({ length: MAX_CHAT_MESSAGES + 5 }, (_, i) => chat(`m${i + 1}`));
    const merged = mergeMessages([], many);
    expect(merged).toHaveLength(MAX_CHAT_MESSAGES);
    expect(merged[0]?.id).toBe("m6");
  });
});

describe("room chat", () => {
  it("shows the history and messages of the room on screen", () => {
    let state = applyRoomState(signedIn(), room());
    state = applyChatHistory(state, { scope: "room", roomId: "room-1", messages: [chat("m1"), chat("m2")] });
    state = applyChatMessage(state, chat("m3", { kind: "system", from: null, text: "Grace joined." }));
    expect(roomMessages(state).map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  it("keeps a history that arrives just before the room itself", () => {
    let state = applyChatHistory(signedIn(), { scope: "room", roomId: "room-1", messages: [chat("m1")] });
    state = applyRoomState(state, room());
    expect(roomMessages(state).map((m) => m.id)).toEqual(["m1"]);
  });

  it("ignores stragglers from another room and forgets the chat on leaving", () => {
    let state = applyRoomState(signedIn(), room());
    state = applyChatMessage(state, chat("m1"));
    state = applyChatMessage(state, chat("m2", { roomId: "room-old" }));
    expect(roomMessages(state).map((m) => m.id)).toEqual(["m1"]);
    state = applyLeftRoom(state, "room-1");
    expect(roomMessages(state)).toEqual([]);
    expect(state.roomChat).toBeNull();
  });
});

describe("party chat", () => {
  const line = (id: string, code = "PTY234") => chat(id, { scope: "party", roomId: code });

  it("merges the history and new lines of our party, apart from the room's and the lobby's", () => {
    let state = applyRoomState(applyPartyState(signedIn(), party()), room());
    state = applyChatHistory(state, { scope: "party", roomId: "PTY234", messages: [line("p1"), line("p2")] });
    state = applyChatMessage(state, line("p3"));
    state = applyChatMessage(state, line("p2"));
    state = applyChatMessage(state, chat("m1"));
    expect(partyMessages(state).map((m) => m.id)).toEqual(["p1", "p2", "p3"]);
    expect(roomMessages(state).map((m) => m.id)).toEqual(["m1"]);
    expect(state.lobbyChat).toEqual([]);
  });

  it("outlives leaving the room: a party is not a place", () => {
    let state = applyRoomState(applyPartyState(signedIn(), party()), room());
    state = applyChatMessage(state, line("p1"));
    state = applyLeftRoom(state, "room-1");
    expect(partyMessages(state).map((m) => m.id)).toEqual(["p1"]);
  });

  it("ignores lines of another party and of a party we left", () => {
    let state = applyPartyState(signedIn(), party());
    state = applyChatMessage(state, line("p1", "OLD234"));
    expect(partyMessages(state)).toEqual([]);
    state = applyPartyLeft(state, "PTY234").state;
    state = applyChatMessage(state, line("p2"));
    expect(state.partyChat).toBeNull();
    expect(partyMessages(state)).toEqual([]);
  });
});
