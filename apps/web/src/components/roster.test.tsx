import type { RoomView, SeatView } from "@lobby/contracts";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { room } from "../test-fixtures";
import { partyMarks, Roster, teamsOf } from "./roster";

/*
 * The roster rendered to markup: teams grouped under their names, and the
 * seats that came as one party marked alike.
 */

const names = ["Ann", "Cat", "Bob", "Dan"];

/** A Trails: Teams room: Ann and Bob came as party 1, Dan alone as party 2 (a party of one), Cat alone. */
function teamsRoom(teams: (number | null)[]): RoomView {
  const base = room().seats[0]!;
  const parties = [1, null, 1, 2];
  const seats: SeatView[] = names.map((name, seat) => ({
    ...base,
    seat,
    player: { id: name.toLowerCase(), name },
    team: teams[seat] ?? null,
    party: parties[seat] ?? null,
  }));
  return room({ mode: "trails-teams", maxPlayers: 4, seats, game: null, phase: "playing" });
}

/** The markup of one element found by its test id, up to the next element of that kind. */
function section(markup: string, testId: string): string {
  const start = markup.indexOf(`data-testid="${testId}"`);
  expect(start, testId).toBeGreaterThanOrEqual(0);
  const next = markup.indexOf("<section", start);
  return markup.slice(start, next === -1 ? undefined : next);
}

describe("the roster of a team game", () => {
  it("groups the seats under their team's name once the teams are drawn, the viewer's team marked", () => {
    const markup = renderToStaticMarkup(<Roster room={teamsRoom([0, 1, 0, 1])} myPlayerId="bob" />);
    const warm = section(markup, "team-0");
    const cool = section(markup, "team-1");
    expect(warm).toContain("Warm team");
    expect(warm).toContain("Your team");
    expect(warm).toMatch(/seat-Ann[\s\S]*seat-Bob/);
    expect(warm).not.toContain("seat-Cat");
    expect(cool).toContain("Cool team");
    expect(cool).not.toContain("Your team");
    expect(cool).toMatch(/seat-Cat[\s\S]*seat-Dan/);
    expect(markup).toContain('data-team="0"');
  });

  it("shows one list before the teams are drawn", () => {
    const markup = renderToStaticMarkup(<Roster room={teamsRoom([null, null, null, null])} myPlayerId="bob" />);
    expect(markup).not.toContain("team-0");
    expect(markup.match(/data-testid="seat-/g)).toHaveLength(4);
  });

  it("marks the seats that came together with their party's number, and no party of one", () => {
    const markup = renderToStaticMarkup(<Roster room={teamsRoom([0, 1, 0, 1])} myPlayerId="bob" />);
    expect(markup.match(/data-testid="party-mark"/g)).toHaveLength(2);
    expect(markup).toMatch(/data-testid="seat-Ann"[^>]*data-party="1"/);
    expect(markup).toMatch(/data-testid="seat-Bob"[^>]*data-party="1"/);
    expect(markup).not.toMatch(/data-testid="seat-Dan"[^>]*data-party/);
    expect(markup).toContain("Party 1.");
  });
});

describe("teamsOf and partyMarks", () => {
  it("order the teams and keep seat order within each", () => {
    const seats = teamsRoom([1, 0, 1, 0]).seats;
    expect(teamsOf(seats).map(({ team, seats: members }) => [team, members.map((s) => s.player.name)])).toEqual([
      [0, ["Cat", "Dan"]],
      [1, ["Ann", "Bob"]],
    ]);
    expect([...partyMarks(seats)]).toEqual([1]);
  });
});
