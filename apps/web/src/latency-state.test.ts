import { describe, expect, it } from "vitest";
import { applyLatency, RTT_SAMPLES, RTT_SETTLE_MS, shownRttMs } from "./latency-state";
import { applyRoomState } from "./lobby-state";
import { ME, room, signedIn } from "./test-fixtures";

const seated = () => applyRoomState(signedIn(), room());

describe("applyLatency", () => {
  it("keeps the figures for the room on screen only", () => {
    const state = applyLatency(seated(), { roomId: "room-1", rttMs: { [ME.id]: 40 }, at: 1_000 });
    expect(state.latency?.samples).toEqual({ me: [{ rttMs: 40, at: 1_000 }] });
    expect(applyLatency(seated(), { roomId: "room-2", rttMs: { [ME.id]: 40 }, at: 1_000 })).toEqual(seated());
  });

  it("merges partial figures, keeping each player's last few reports", () => {
    const first = applyLatency(seated(), { roomId: "room-1", rttMs: { me: 40, other: 70 }, at: 0 });
    const second = applyLatency(first, { roomId: "room-1", rttMs: { other: 120 }, at: 5_000 });
    expect(second.latency?.samples).toEqual({
      me: [{ rttMs: 40, at: 0 }],
      other: [
        { rttMs: 70, at: 0 },
        { rttMs: 120, at: 5_000 },
      ],
    });
    let state = second;
    for (let at = 10_000; at <= 40_000; at += 5_000) {
      state = applyLatency(state, { roomId: "room-1", rttMs: { other: at / 1_000 }, at });
    }
    expect(state.latency?.samples.other?.map((sample) => sample.rttMs)).toEqual(
      [20, 25, 30, 35, 40].slice(-RTT_SAMPLES),
    );
  });
});

describe("shownRttMs", () => {
  it("shows nothing before the first report has stood a while: it is often a page still loading", () => {
    expect(shownRttMs(undefined, 0)).toBeNull();
    expect(shownRttMs([], 0)).toBeNull();
    const first = [{ rttMs: 40, at: 0 }];
    expect(shownRttMs(first, RTT_SETTLE_MS - 1)).toBeNull();
    expect(shownRttMs(first, RTT_SETTLE_MS)).toBe(40);
  });

  it("looks past a slow ping from a busy page: the best recent figure is the network's", () => {
    const samples = [
      { rttMs: 239, at: 0 },
      { rttMs: 3, at: 5_000 },
    ];
    expect(shownRttMs(samples, 6_000)).toBe(3);
  });

  it("follows a connection that got slower once the faster figures are old", () => {
    const samples = [
      { rttMs: 40, at: 0 },
      { rttMs: 300, at: 10_000 },
    ];
    expect(shownRttMs(samples, 11_000)).toBe(40);
    // A steady connection is reported once: its latest figure stands however old it is.
    expect(shownRttMs(samples, 60_000)).toBe(300);
  });
});
