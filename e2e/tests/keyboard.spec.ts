import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./support/chromium";
import { expect, test } from "./support/player";

/*
 * Connect Four with the keyboard alone: two players in two browsers sign in,
 * quick-match and play a whole game to a win pressing keys only (Tab, the
 * arrows, Enter and Space); the pages are only read, never clicked.
 */

/** Press Tab until `target` has the focus (a page has far fewer than 40 stops before it). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Open the app in `browser` and get into the lobby, typing only. */
async function signIn(browser: Browser, baseURL: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/");
  await expect(page.getByLabel("Your name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "connected");
  return page;
}

async function quickMatchByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole("button", { name: "Quick match Connect Four" }));
  await page.keyboard.press("Enter");
}

const column = (page: Page, n: number) => page.getByRole("button", { name: `Drop in column ${n}` });
const yourTurn = (page: Page) => expect(page.getByTestId("match-status")).toContainText("Your turn");

test("two players play Connect Four to a win with the keyboard alone", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const [first, second] = [await chromium.launch(chromiumLaunchOptions), await chromium.launch(chromiumLaunchOptions)];
  try {
    const ann = await signIn(first, baseURL!, "Ann");
    const bob = await signIn(second, baseURL!, "Bob");
    await quickMatchByKeyboard(ann);
    await expect(ann.getByText("Looking for players")).toBeVisible();
    await quickMatchByKeyboard(bob);

    // The game starts with the focus on its heading; one Tab stop later is the board's column row,
    // over the middle column (4). Ann opens there with Enter.
    await yourTurn(ann);
    await tabTo(ann, column(ann, 4));
    await expect(column(ann, 4)).toHaveCSS("outline-style", "solid");
    await ann.keyboard.press("Enter");
    await expect(ann.getByTestId("cell-5-3")).toHaveAttribute("data-seat", "0");
    await expect(bob.getByTestId("c4-announcement")).toHaveText("Ann dropped coral in column 4. Your turn.");

    // Bob moves one column right with the arrow key and drops with Space.
    await yourTurn(bob);
    await tabTo(bob, column(bob, 4));
    await bob.keyboard.press("ArrowRight");
    await expect(column(bob, 5)).toBeFocused();
    await bob.keyboard.press(" ");
    await expect(bob.getByTestId("cell-5-4")).toHaveAttribute("data-seat", "1");
    await expect(ann.getByTestId("c4-announcement")).toHaveText("Bob dropped gold in column 5. Your turn.");

    // Out of turn a key press drops nothing: Bob's Space now leaves the board as it is.
    await bob.keyboard.press(" ");
    await expect(bob.getByTestId("c4-announcement")).toHaveText("You dropped gold in column 5. Waiting for Ann.");
    await expect(bob.getByTestId("cell-4-4")).toHaveAttribute("data-seat", "");

    // The focus stays where each player left it: Enter and Space again, turn by turn, to four in column 4.
    for (let round = 0; round < 2; round++) {
      await yourTurn(ann);
      await expect(column(ann, 4)).toBeFocused();
      await ann.keyboard.press("Enter");
      await yourTurn(bob);
      await expect(column(bob, 5)).toBeFocused();
      await bob.keyboard.press(" ");
    }
    await yourTurn(ann);
    await ann.keyboard.press("Enter");

    await expect(ann.getByTestId("match-result")).toContainText("You win");
    await expect(bob.getByTestId("match-result")).toContainText("You lose");
    // Screen readers hear the result from a live region that was on the page the whole game.
    await expect(ann.getByTestId("result-announcement")).toHaveText("You win! Four in a row. Nicely played!");
    await expect(bob.getByTestId("result-announcement")).toContainText("You lose");
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
