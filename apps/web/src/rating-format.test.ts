import { describe, expect, it } from "vitest";
import {
  describeRecord,
  formatDelta,
  formatRecord,
  historyChange,
  otherPlayers,
  searchLine,
  searchRange,
  seatRatingView,
} from "./rating-format";
import { profile, queued, room } from "./test-fixtures";

const [ratedWin, unratedDraw] = profile.history;
const seat = (rating: { value: number; provisional: boolean } | null, ratingDelta: number | null) => ({
  rating,
  ratingDelta,
});

describe("ratings in figures", () => {
  it("signs a change with a plus or a true minus", () => {
    expect(formatDelta(14)).toBe("+14");
    expect(formatDelta(-9)).toBe("\u22129");
    expect(formatDelta(0)).toBe("\u00b10");
  });

  it("writes a record as wins–losses–draws, and in words", () => {
    const record = { wins: 3, losses: 1, draws: 0 };
    expect(formatRecord(record)).toBe("3\u20131\u20130");
    expect(describeRecord(record)).toBe("3 wins, 1 loss, 0 draws");
    expect(describeRecord({ wins: 1, losses: 2, draws: 1 })).toBe("1 win, 2 losses, 1 draw");
  });
});

describe("a seat's rating in the roster and the result", () => {
  it("shows the rating, and nothing while the server does not know it", () => {
    expect(seatRatingView(seat({ value: 1000, provisional: true }, null), room())).toEqual({
      value: "1000",
      provisional: true,
      delta: null,
    });
    expect(seatRatingView(seat(null, null), room())).toBeNull();
  });

  it("shows the change only once a rated game has finished", () => {
    const after = seat({ value: 1014, provisional: true }, 14);
    expect(seatRatingView(after, room({ phase: "finished" }))?.delta).toEqual({ text: "+14", tone: "up" });
    expect(seatRatingView(seat({ value: 991, provisional: false }, -9), room({ phase: "finished" }))?.delta).toEqual({
      text: "\u22129",
      tone: "down",
    });
    // The next round's countdown, or a room that does not count, shows the rating alone.
    expect(seatRatingView(after, room({ phase: "countdown" }))?.delta).toBeNull();
    expect(seatRatingView(after, room({ phase: "finished", rated: false }))?.delta).toBeNull();
  });
});

describe("the profile's history", () => {
  it("shows a rated game's change from before to after", () => {
    expect(historyChange(ratedWin!)).toEqual({ text: "1000 \u2192 1014", delta: "+14", tone: "up" });
    expect(historyChange({ ...ratedWin!, ratingBefore: 1014, ratingAfter: 1005 })).toMatchObject({ tone: "down" });
  });

  it("shows no change for an unrated game", () => {
    expect(historyChange(unratedDraw!)).toBeNull();
  });

  it("names the other players, leaving out this player's own seat", () => {
    expect(otherPlayers(["Grace", "Ada", "Linus"], 1)).toEqual(["Grace", "Linus"]);
    // Two players may share a name; the seat says which one was this player.
    expect(otherPlayers(["Ada", "Ada"], 0)).toEqual(["Ada"]);
    expect(otherPlayers(["Grace", "Bo", "Ada"], 2)).toEqual(["Grace", "Bo"]);
  });
});

describe("the queue panel's search line", () => {
  // 1012, looking 100 either side at first, 10 more a second up to 400, and for anyone after a minute.
  const search = queued("connect-four", 0).search;

  it("widens the range around the player's rating as the wait goes on, up to its cap", () => {
    expect(searchRange(search, 0)).toEqual({ low: 912, high: 1112 });
    expect(searchRange(search, 12_500)).toEqual({ low: 787, high: 1237 });
    expect(searchRange(search, 59_999)).toEqual({ low: 612, high: 1412 });
    // A clock slightly behind the server's has not waited less than nothing.
    expect(searchRange(search, -800)).toEqual({ low: 912, high: 1112 });
  });

  it("takes anyone once the wait is long enough", () => {
    expect(searchRange(search, 60_000)).toBeNull();
  });

  it("says both in a line", () => {
    expect(searchLine(search, 3_000)).toBe("Your rating: 1012 \u00b7 matching 882\u20131142");
    expect(searchLine(search, 61_000)).toBe("Your rating: 1012 \u00b7 matching anyone");
    expect(searchLine({ ...search, provisional: true }, 3_000)).toBe(
      "Your rating: 1012? \u00b7 matching 882\u20131142",
    );
  });
});
