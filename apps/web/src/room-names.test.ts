import type { ChatMessage } from "@lobby/contracts";
import { describe, expect, it } from "vitest";
import { distinctNames, labelOf, roomNameLabels } from "./room-names";
import { room } from "./test-fixtures";

const player = (id: string, name: string) => ({ id, name });

describe("distinctNames", () => {
  it("leaves unique names alone", () => {
    expect(distinctNames([player("a", "Ann"), player("b", "Bob")]).size).toBe(0);
  });

  it("numbers a repeated name from 2 in the order given, the first keeping it", () => {
    const labels = distinctNames([player("a", "Alex"), player("b", "Bob"), player("c", "Alex"), player("d", "Alex")]);
    expect([...labels]).toEqual([
      ["c", "Alex (2)"],
      ["d", "Alex (3)"],
    ]);
    expect(labelOf(labels, player("a", "Alex"))).toBe("Alex");
    expect(labelOf(labels, player("d", "Alex"))).toBe("Alex (3)");
  });

  it("never labels someone with another player's real name, and counts a player once", () => {
    const labels = distinctNames([
      player("a", "Alex"),
      player("b", "Alex (2)"),
      player("c", "Alex"),
      player("a", "Alex"),
    ]);
    expect([...labels]).toEqual([["c", "Alex (3)"]]);
  });

  it("tells names apart exactly as written: a different case is a different name", () => {
    expect(distinctNames([player("a", "alex"), player("b", "Alex")]).size).toBe(0);
  });
});

describe("roomNameLabels", () => {
  const seat = room().seats[0]!;
  const seated = (id: string, name: string, index: number) => ({ ...seat, seat: index, player: player(id, name) });
  const line = (id: string, name: string): ChatMessage => ({
    id: `m-${id}`,
    scope: "room",
    roomId: "room-1",
    kind: "user",
    from: player(id, name),
    text: "hi",
    at: 1,
  });

  it("labels the seats first, then anyone heard in the chat who has left", () => {
    const view = room({ seats: [seated("a", "Alex", 0), seated("b", "Alex", 1)] });
    const labels = roomNameLabels(view, [line("gone", "Alex"), line("b", "Alex")]);
    expect([...labels]).toEqual([
      ["b", "Alex (2)"],
      ["gone", "Alex (3)"],
    ]);
    expect(roomNameLabels(null, [])).toEqual(new Map());
  });
});
