import type { RoomPhase, SeatInfo } from "@lobby/game-kit/web";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { liarsDice, type LiarsDiceState } from "./rules";
import { web } from "./web";

/*
 * The web half, rendered to markup: the controls a player (and a Playwright
 * test) finds by label, and secrecy once more at the last step, the page.
 */

const seats: SeatInfo[] = ["Ana", "Bo", "Cy"].map((name, seat) => ({
  seat,
  name,
  playerId: `p${seat}`,
  connected: true,
}));

const state: LiarsDiceState = {
  round: 2,
  seats: [
    { dice: [2, 2, 3, 5], left: false },
    { dice: [1, 4, 4, 5, 6], left: false },
    { dice: [3, 3, 3, 1, 2], left: false },
  ],
  turn: 1,
  bids: [{ seat: 0, quantity: 2, face: 3 }],
  reveal: {
    round: 1,
    challenger: 0,
    bid: { seat: 2, quantity: 4, face: 6 },
    dice: [
      [6, 6, 1, 2, 3],
      [6, 1, 1, 2, 2],
      [4, 4, 4, 5, 6],
    ],
    count: 4,
    loser: 0,
  },
  rolls: "",
};

function board(mySeat: number | null, from = state, phase: RoomPhase = "playing"): string {
  const { Board } = web;
  return renderToStaticMarkup(
    <Board
      view={liarsDice.view(from, mySeat)}
      mySeat={mySeat}
      seats={seats}
      phase={phase}
      round={1}
      onMove={() => undefined}
    />,
  );
}

/** The opening tag of the element carrying `text` (a button's, say). */
function tagOf(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`no ${pattern} in the markup`);
  return html.slice(html.lastIndexOf("<", match.index), html.indexOf(">", match.index) + 1);
}

describe("the board", () => {
  it("gives the seat to move its dice, the bid controls by label, and both buttons", () => {
    const html = board(1);
    expect(html).toContain('data-testid="liars-dice-board"');
    expect(html).toMatch(/<label[^>]*for="([^"]+)-quantity"[^>]*>Quantity<\/label>/);
    expect(html).toMatch(/role="radiogroup" aria-labelledby="([^"]+)-face"/);
    expect(html).toMatch(/id="[^"]+-face"[^>]*>Face</);
    expect(tagOf(html, />Bid<\/button>/)).not.toContain("disabled");
    expect(tagOf(html, />Call liar<\/button>/)).not.toContain("disabled");
    const mine = html.slice(
      html.indexOf('data-testid="my-dice"'),
      html.indexOf("</ul>", html.indexOf('data-testid="my-dice"')),
    );
    expect([...mine.matchAll(/aria-label="(\d)"/g)].map((m) => Number(m[1]))).toEqual([1, 4, 4, 5, 6]);
  });

  it("disables the controls when it is not the viewer's turn, or the game is not running", () => {
    for (const html of [board(0), board(1, state, "finished")]) {
      expect(tagOf(html, />Bid<\/button>/)).toContain("disabled");
      expect(tagOf(html, />Call liar<\/button>/)).toContain("disabled");
    }
  });

  it("shows the last reveal with the bid's matching dice marked", () => {
    const html = board(null);
    const reveal = html.slice(html.indexOf('data-testid="reveal"'));
    expect(reveal).toContain("Ana called Cy a liar — Ana loses a die");
    expect(reveal.match(/data-match="true"/g)).toHaveLength(4);
  });

  it("gives a spectator no hand and no controls", () => {
    const html = board(null);
    expect(html).not.toContain('data-testid="my-dice"');
    expect(html).not.toContain(">Bid</button>");
  });

  it("renders the same page whatever the dice the viewer may not see", () => {
    const shuffled = (keep: number | null): LiarsDiceState => ({
      ...state,
      seats: state.seats.map((s, i) => (i === keep ? s : { ...s, dice: s.dice.map((d) => (d % 6) + 1) })),
    });
    for (const seat of [0, 1, 2, null]) expect(board(seat, shuffled(seat))).toBe(board(seat));
    // The check can fail: the viewer's own dice do show.
    expect(board(1, shuffled(0))).not.toBe(board(1));
  });
});

describe("the rest of the web half", () => {
  it("says whose turn it is and notes each seat's dice", () => {
    const view = liarsDice.view(state, 1);
    expect(web.turn?.(view)).toBe(1);
    expect(web.seatNote?.(view, 0, false)).toEqual({ text: "4 dice", tone: "ok" });
    const out = liarsDice.view(
      {
        ...state,
        seats: [
          { dice: [], left: false },
          { dice: [1], left: false },
          { dice: [], left: true },
        ],
      },
      null,
    );
    expect(web.seatNote?.(out, 0, false)).toEqual({ text: "Out", tone: "out" });
    expect(web.seatNote?.(out, 1, true)).toEqual({ text: "Winner · 1 die", tone: "ok" });
    expect(web.seatNote?.(out, 2, false)).toEqual({ text: "Left", tone: "out" });
    expect(web.words.twoSeat).toBe(false);
  });

  it("renders a status line and a decorative picture", () => {
    const { Status, Art } = web;
    const status = renderToStaticMarkup(
      Status ? <Status view={liarsDice.view(state, 1)} mySeat={1} seats={seats} phase="playing" round={1} /> : null,
    );
    expect(status).toContain("Your turn: raise or call liar");
    expect(status).toContain("Ana bids 2 threes.");
    expect(renderToStaticMarkup(<Art />)).toContain('aria-hidden="true"');
  });
});
