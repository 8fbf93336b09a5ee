import { describe, expect, it } from "vitest";
import { formatAgo, formatElapsed, formatRtt, rttQuality, secondsLeft } from "./format";

describe("formatElapsed", () => {
  it("formats as mm:ss, flooring partial seconds", () => {
    expect(formatElapsed(0)).toBe("00:00");
    expect(formatElapsed(999)).toBe("00:00");
    expect(formatElapsed(65_400)).toBe("01:05");
    expect(formatElapsed(61 * 60_000)).toBe("61:00");
  });

  it("shows zero for a clock that is slightly behind the server", () => {
    expect(formatElapsed(-1500)).toBe("00:00");
  });
});

describe("secondsLeft", () => {
  it("rounds up and never goes negative", () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 100)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});

describe("rttQuality / formatRtt", () => {
  it("grades round trips", () => {
    expect(rttQuality(12)).toBe("good");
    expect(rttQuality(99)).toBe("good");
    expect(rttQuality(100)).toBe("ok");
    expect(rttQuality(249)).toBe("ok");
    expect(rttQuality(250)).toBe("poor");
  });

  it("rounds to whole milliseconds", () => {
    expect(formatRtt(41.6)).toBe("42 ms");
    expect(formatRtt(-3)).toBe("0 ms");
  });
});

describe("formatAgo", () => {
  it("says roughly how long ago, in the largest unit that fits", () => {
    expect(formatAgo(-2_000)).toBe("just now");
    expect(formatAgo(59_999)).toBe("just now");
    expect(formatAgo(3 * 60_000 + 20_000)).toBe("3 min ago");
    expect(formatAgo(59 * 60_000)).toBe("59 min ago");
    expect(formatAgo(2 * 3_600_000 + 59 * 60_000)).toBe("2 h ago");
    expect(formatAgo(30 * 3_600_000)).toBe("yesterday");
    expect(formatAgo(5 * 86_400_000)).toBe("5 days ago");
  });
});
