import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/**
 * `player(name)` opens one player: a fresh browser context (its own storage
 * and socket) past the name screen. Every context is closed after the test,
 * so no player lingers into the next one.
 */
export const test = base.extend<{
  player: (name: string, browser?: Browser, path?: string) => Promise<Page>;
}>({
  player: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name, on = browser, path = "/") => {
      const context = await on.newContext({ baseURL: baseURL! });
      contexts.push(context);
      return enterLobby(await context.newPage(), name, path);
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };

async function enterLobby(page: Page, name: string, path: string): Promise<Page> {
  await page.goto(path);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Play" }).click();
  // The lobby's front page, by path or by a node's full URL ("http://…/"): wait for the lobby itself, not only a
  // connected socket (a socket connects before its session is ready, which may still be waiting on the store).
  if (new URL(path, "http://lobby.test").pathname === "/") {
    await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  }
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "connected");
  return page;
}

export async function quickMatchConnectFour(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Quick match Connect Four" }).click();
}

export async function expectWaiting(page: Page): Promise<void> {
  await expect(page.getByText("Looking for players")).toBeVisible();
}

export async function expectInRoom(page: Page): Promise<void> {
  await expect(page.getByTestId("board")).toBeVisible();
}

/** Wait for this player's turn, then drop a disc in `column` (1-based, as the buttons say). */
export async function drop(page: Page, column: number): Promise<void> {
  await expect(page.getByTestId("match-status")).toContainText("Your turn");
  await page.getByRole("button", { name: `Drop in column ${column}` }).click();
}

/** Play a vertical four for `opener` in column 1 while `other` stacks column 2. */
export async function playOpenerWin(opener: Page, other: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await drop(opener, 1);
    await drop(other, 2);
  }
  await drop(opener, 1);
}

/** Two players quick-match into one Connect Four room; the first to queue (seat 0) opens. */
export async function matchedPair(open: (name: string) => Promise<Page>, names: [string, string] = ["Ann", "Bob"]) {
  const first = await open(names[0]);
  const second = await open(names[1]);
  await quickMatchConnectFour(first);
  await expectWaiting(first);
  await quickMatchConnectFour(second);
  await expectInRoom(first);
  await expectInRoom(second);
  return [first, second] as const;
}

/** The rating `name`'s seat shows on `page`, as a number. */
export async function seatRating(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId(`seat-${name}`).getByTestId("player-rating").textContent();
  return Number(/\d+/.exec(text ?? "")?.[0]);
}
