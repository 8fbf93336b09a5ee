import type { Page } from "@playwright/test";
import { drop, expect, expectInRoom, expectWaiting, quickMatchConnectFour, test } from "./support/player";
import { capture } from "./support/screens";
import { ownServer, type OwnServer } from "./support/server";

/*
 * The server stops in the middle of a game and comes back with an empty
 * memory (it keeps everything in memory). While it is gone, nothing on
 * screen claims to know how the game stands; once it is back, the players
 * are told their game ended because the server restarted.
 */

let server: OwnServer;

test.beforeAll(async () => {
  server = await ownServer({ COUNTDOWN_MS: "1000" });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
});

/** While the connection is down: no seat's state, no turn, and no moves. */
async function expectStateUnknown(page: Page): Promise<void> {
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "reconnecting");
  await expect(page.getByTestId("match-status")).toContainText("Connection lost");
  await expect(page.getByTestId("match-status")).not.toContainText("Your turn");
  const roster = page.getByTestId("roster");
  for (const name of ["Ann", "Bob"]) {
    await expect(roster.getByTestId(`seat-${name}`)).toContainText("Status unknown");
    await expect(roster.getByTestId(`seat-${name}`)).not.toContainText("Connected");
  }
  await expect(roster.getByTestId("rtt")).toHaveCount(0);
  await expect(roster.getByText("Your move")).toHaveCount(0);
  // The board takes no moves: it is inert and says why.
  await expect(page.getByTestId("board-offline")).toContainText("moves are paused");
  await expect(page.locator(".room-board")).toHaveAttribute("inert", "");
}

test("a game on a server that restarts: state unknown while it is down, then the players are told why their game ended", async ({
  player,
}) => {
  test.setTimeout(90_000);
  const ann = await player("Ann", undefined, `${server.url}/`);
  const bob = await player("Bob", undefined, `${server.url}/`);
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await quickMatchConnectFour(bob);
  for (const page of [ann, bob]) await expectInRoom(page);
  await drop(ann, 4);
  await expect(bob.getByTestId("match-status")).toContainText("Your turn");
  await expect(bob.getByTestId("seat-Ann")).toContainText("Connected");

  await server.crash();
  for (const page of [ann, bob]) await expectStateUnknown(page);
  await capture(bob, "server-down");

  await server.start();
  for (const page of [ann, bob]) {
    await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible({ timeout: 30_000 });
    const notice = page.getByTestId("notice");
    await expect(notice).toContainText("The server restarted");
    await expect(notice).toContainText("Your game ended because the server restarted");
  }
  await capture(ann, "server-restarted");

  // Read and dismissed, the lobby is as ever: a new game is one click away.
  await ann.getByTestId("notice").getByRole("button", { name: "OK" }).click();
  await expect(ann.getByTestId("notice")).toBeHidden();
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
});
