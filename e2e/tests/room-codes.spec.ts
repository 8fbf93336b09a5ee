import type { Page } from "@playwright/test";
import { expect, test } from "./support/player";

/*
 * Codes and links that do not lead to a seat: a game that has started is
 * offered to watch right where its code was typed (as its link would), and a
 * broken link or one to a room that is gone says so in the page.
 */

/** `host` makes a private Connect Four room, `guest` joins it by code, and they start; resolves with its code. */
async function privateGame(host: Page, guest: Page): Promise<string> {
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: "Connect Four" });
  await host.getByLabel("Private room").check();
  await host.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await host.getByTestId("room-code").textContent())!.trim();
  await guest.getByLabel("Room code").fill(code);
  await guest.getByRole("button", { name: "Join", exact: true }).click();
  for (const page of [host, guest]) await page.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
  await expect(host.getByTestId("match-status")).toContainText("Your turn");
  return code;
}

test("a code typed for a game that has started offers to watch it, right there", async ({ player }) => {
  const [hana, ann] = [await player("Hana"), await player("Ann")];
  const code = await privateGame(hana, ann);

  // A private room is in no list: the offer is where the code was typed.
  const vera = await player("Vera");
  await vera.getByLabel("Room code").fill(code);
  await vera.getByRole("button", { name: "Join", exact: true }).click();
  const offer = vera.getByTestId("watch-offer");
  await expect(offer).toContainText(`The game in room ${code} has already started.`);
  await expect(vera.getByText("from the room list")).toHaveCount(0);
  await expect(vera.getByRole("alert")).toHaveCount(0);

  // Another code in the field: the offer goes with the code it was about.
  await vera.getByLabel("Room code").fill("K7QX3P");
  await expect(offer).toHaveCount(0);
  await vera.getByLabel("Room code").fill(code);
  await vera.getByRole("button", { name: "Join", exact: true }).click();
  await offer.getByRole("button", { name: "Watch the game" }).click();

  await expect(vera.getByTestId("watching-banner")).toBeVisible();
  await expect(vera.getByTestId("room-code")).toHaveText(code);
  await expect(hana.getByTestId("spectator-count")).toHaveText("1");
});

test("leaving a game that is on asks first, and staying keeps the game", async ({ player }) => {
  const [hana, ann] = [await player("Hana"), await player("Ann")];
  await privateGame(hana, ann);

  await ann.getByRole("button", { name: "Leave" }).click();
  const confirm = ann.getByRole("dialog", { name: "Leave and lose this game?" });
  await expect(confirm).toContainText("counts as a loss");
  await expect(confirm.getByRole("button", { name: "Keep playing" })).toBeFocused();
  await ann.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(ann.getByTestId("board")).toBeVisible();
  await expect(hana.getByTestId("seat-Ann")).toContainText("Connected");

  await ann.getByRole("button", { name: "Leave" }).click();
  await confirm.getByRole("button", { name: "Leave and forfeit" }).click();
  await expect(ann.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(hana.getByTestId("match-result")).toContainText("You win");
  // The game is over: leaving now asks nothing.
  await hana.getByRole("button", { name: "Leave" }).click();
  await expect(hana.getByRole("heading", { name: "Lobby" })).toBeVisible();
});

test("a broken link, and a link to a room that is gone, say so", async ({ player, browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto("/r/not-a-code!!");
  const broken = page.getByTestId("notice");
  await expect(broken).toContainText("That link doesn't work");
  await expect(broken).toContainText("doesn't contain a valid room code");
  // It stays while the player signs in, until they have read it.
  await page.getByLabel("Your name").fill("Nia");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(broken).toContainText("doesn't contain a valid room code");
  await broken.getByRole("button", { name: "OK" }).click();
  await expect(broken).toBeHidden();
  await context.close();

  // A room that closed after its link was shared.
  const gus = await player("Gus");
  await gus.getByRole("button", { name: "Create room" }).click();
  await gus.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await gus.getByTestId("room-code").textContent())!.trim();
  await gus.getByRole("button", { name: "Leave" }).click();
  await expect(gus.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const late = await player("Kim", undefined, `/r/${code}`);
  const gone = late.getByTestId("notice");
  await expect(gone).toContainText(`Couldn't join room ${code}`);
  await expect(gone).toContainText("No room has that code");
  await expect(late.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(late).toHaveURL(/\/$/);
});
