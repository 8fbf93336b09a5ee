import { describe, expect, it } from "vitest";
import { room } from "./admin-fixtures";
import { formatBytes, formatCpu, formatDuration, formatMinutes } from "./admin-format";
import { parseBanMinutes } from "./player-dialogs";
import { filterRooms } from "./rooms-panel";

describe("filterRooms", () => {
  const rooms = [
    room("K7QX3P"),
    room("ABCDEF", {
      mode: "trails",
      phase: "waiting",
      seats: [{ playerId: "p-cid", name: "Cid", status: "connected" }],
    }),
  ];
  const all = { mode: "all", phase: "all", text: "" } as const;

  it("filters by game, by phase, and by a code or a seated player's name in any case", () => {
    expect(filterRooms(rooms, all)).toHaveLength(2);
    expect(filterRooms(rooms, { ...all, mode: "trails" }).map((r) => r.code)).toEqual(["ABCDEF"]);
    expect(filterRooms(rooms, { ...all, phase: "playing" }).map((r) => r.code)).toEqual(["K7QX3P"]);
    expect(filterRooms(rooms, { ...all, text: " k7q " }).map((r) => r.code)).toEqual(["K7QX3P"]);
    expect(filterRooms(rooms, { ...all, text: "cid" }).map((r) => r.code)).toEqual(["ABCDEF"]);
    expect(filterRooms(rooms, { ...all, mode: "trails", text: "bob" })).toEqual([]);
  });
});

describe("parseBanMinutes", () => {
  it("takes whole minutes from one to a week", () => {
    expect(parseBanMinutes("60")).toEqual({ ok: true, minutes: 60 });
    expect(parseBanMinutes(" 10080 ")).toEqual({ ok: true, minutes: 10080 });
    for (const bad of ["", "0", "1.5", "10081", "soon"]) expect(parseBanMinutes(bad).ok).toBe(false);
  });
});

describe("admin figures", () => {
  it("read as an operator expects", () => {
    expect(formatDuration(42_000)).toBe("42 s");
    expect(formatDuration(3 * 3600_000 + 5 * 60_000)).toBe("3 h 5 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(7 * 24 * 60)).toBe("7 d");
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatBytes(182 * 2 ** 20)).toBe("182 MB");
    expect(formatCpu(0.004)).toBe("0.4%");
    expect(formatCpu(0.27)).toBe("27%");
  });
});
