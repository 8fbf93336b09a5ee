import type { ChatMessage } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { chatItems } from "./chat-lines";

const message = (id: string, kind: "user" | "system"): ChatMessage => ({
  id,
  scope: "room",
  roomId: "room-1",
  kind,
  from: kind === "user" ? { id: "ann", name: "Ann" } : null,
  text: id,
  at: 1,
});

describe("chatItems", () => {
  it("keeps the players' lines one by one and gathers the room's news in runs", () => {
    const items = chatItems([
      message("joined", "system"),
      message("started", "system"),
      message("hi", "user"),
      message("gl", "user"),
      message("left", "system"),
    ]);
    expect(items.map((item) => (item.kind === "news" ? item.messages.map((m) => m.id) : item.message.id))).toEqual([
      ["joined", "started"],
      "hi",
      "gl",
      ["left"],
    ]);
  });

  it("keys a run by its first line, so it stays the same run as it grows", () => {
    const before = chatItems([message("a", "system")]);
    const after = chatItems([message("a", "system"), message("b", "system")]);
    expect(before[0]).toMatchObject({ kind: "news", id: "a" });
    expect(after[0]).toMatchObject({ kind: "news", id: "a" });
  });

  it("has nothing to show for no messages", () => {
    expect(chatItems([])).toEqual([]);
  });
});
