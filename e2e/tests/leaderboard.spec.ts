import type { Locator, Page } from "@playwright/test";
import { expect, matchedPair, playOpenerWin, seatRating, test } from "./support/player";

/*
 * Every test shares one server, so others may have put players on the
 * Connect Four board too: this one checks the order of its own two players
 * (names no other test uses) and each one's own row, never absolute ranks.
 */

/** Open the leaderboards from the lobby at Connect Four; the board's panel. */
async function openConnectFourBoard(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Leaderboards" }).click();
  const dialog = page.getByRole("dialog", { name: "Leaderboards" });
  await expect(dialog.getByRole("tab", { name: "Connect Four" })).toHaveAttribute("aria-selected", "true");
  return dialog.getByRole("tabpanel", { name: "Connect Four" });
}

/** `name`'s row on a board (your own says so after the name). */
function rowOf(board: Locator, name: string): Locator {
  const header = board.page().getByRole("rowheader", { name: new RegExp(`^${name}( ?, You)?$`) });
  return board.getByTestId("leaderboard-row").filter({ has: header });
}

/** The rank a row shows, as a number. */
async function rankOf(row: Locator): Promise<number> {
  return Number(await row.getByRole("cell").first().textContent());
}

test("after a rated win the leaderboard ranks the winner above the loser, each seeing their own row", async ({
  player,
}) => {
  // A repeated run (a retry, --repeat-each) meets its earlier players on the board: each run has its own names.
  const { repeatEachIndex, retry } = test.info();
  const [wrenName, larkName] = ["Wren", "Lark"].map((name) => `${name} ${repeatEachIndex}${retry}`) as [string, string];
  const [wren, lark] = await matchedPair(player, [wrenName, larkName]);
  await playOpenerWin(wren, lark);
  await expect(wren.getByTestId("match-result")).toContainText("You win");
  // Once the result has moved both ratings, read them off the roster.
  await expect(wren.getByTestId(`seat-${larkName}`).getByTestId("rating-delta")).toBeVisible();
  const wrenRating = await seatRating(wren, wrenName);
  const larkRating = await seatRating(wren, larkName);
  expect(wrenRating).toBeGreaterThan(larkRating);

  for (const page of [wren, lark]) {
    await page.getByRole("button", { name: "Leave" }).click();
    await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  }

  // Wren finds herself on the board, marked as her, above Lark; each with the rating the game left them.
  const wrensBoard = await openConnectFourBoard(wren);
  const wrenRow = rowOf(wrensBoard, wrenName);
  const larkRow = rowOf(wrensBoard, larkName);
  await expect(wrenRow).toHaveAttribute("aria-current", "true");
  await expect(wrenRow.getByTestId("leaderboard-rating")).toContainText(String(wrenRating));
  await expect(larkRow).not.toHaveAttribute("aria-current");
  await expect(larkRow.getByTestId("leaderboard-rating")).toContainText(String(larkRating));
  const names = await wrensBoard.getByRole("rowheader").allTextContents();
  const place = (name: string) => names.findIndex((text) => text === name || text === `${name}, You`);
  expect(place(larkName)).toBeGreaterThan(-1);
  expect(place(wrenName)).toBeLessThan(place(larkName));
  expect(await rankOf(wrenRow)).toBeLessThan(await rankOf(larkRow));
  // Her own row is in the table, so nothing is pinned under it.
  await expect(wrensBoard.getByTestId("leaderboard-you")).toHaveCount(0);

  // Lark sees his own row marked, below Wren's.
  const larksBoard = await openConnectFourBoard(lark);
  const own = larksBoard.locator("[data-testid=leaderboard-row][aria-current=true]");
  await expect(own).toHaveCount(1);
  await expect(own.getByRole("rowheader")).toHaveText(`${larkName}, You`);
  await expect(own.getByTestId("leaderboard-rating")).toContainText(String(larkRating));
  expect(await rankOf(own)).toBeGreaterThan(await rankOf(rowOf(larksBoard, wrenName)));

  // The arrow key moves to the next game's board, where Lark has no place yet.
  await lark.getByRole("tab", { name: "Connect Four" }).press("ArrowRight");
  const trails = lark.getByRole("tabpanel", { name: "Trails", exact: true });
  await expect(lark.getByRole("tab", { name: "Trails", exact: true })).toBeFocused();
  await expect(trails.getByText(/be the first|not on this board yet/)).toBeVisible();
  await expect(trails.locator("[aria-current=true]")).toHaveCount(0);

  // Escape closes the dialog, and focus goes back to the button that opened it.
  await lark.keyboard.press("Escape");
  await expect(lark.getByRole("dialog", { name: "Leaderboards" })).toBeHidden();
  await expect(lark.getByRole("button", { name: "Leaderboards" })).toBeFocused();
});
