import type { Page } from "@playwright/test";
import { expect, expectInRoom, expectWaiting, playOpenerWin, quickMatchConnectFour, test } from "./support/player";

/** `host` makes a public Connect Four room; resolves with its code. */
async function createPublicRoom(host: Page): Promise<string> {
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: "Connect Four" });
  await host.getByRole("button", { name: "Create", exact: true }).click();
  return (await host.getByTestId("room-code").textContent())!.trim();
}

test("the live room browser shows a public room appear, fill, start and close", async ({ player }) => {
  const viewer = await player("Vera");
  const browser = viewer.getByTestId("room-browser");

  const host = await player("Hugo");
  const code = await createPublicRoom(host);

  const row = browser.getByTestId(`room-row-${code}`);
  await expect(row).toContainText("Hugo");
  await expect(row).toContainText("Connect Four");
  await expect(row.getByTestId("room-players")).toHaveText("1/2");

  // Filtering by another game hides it; back to all games shows it.
  await viewer.getByLabel("Filter by game").selectOption({ label: "Trails" });
  await expect(row).toHaveCount(0);
  await viewer.getByLabel("Filter by game").selectOption({ label: "All games" });
  await expect(row.getByTestId("room-players")).toHaveText("1/2");

  // Someone joins from the list: the count changes for the viewer.
  const ann = await player("Ann");
  await ann
    .getByTestId("room-browser")
    .getByRole("button", { name: `Join room ${code}` })
    .click();
  await expect(ann.getByTestId("room-code")).toHaveText(code);
  await expect(row.getByTestId("room-players")).toHaveText("2/2");

  // Once it starts it is no longer open to join (it can be watched); once everyone leaves it is gone.
  await host.getByRole("button", { name: "Ready" }).click();
  await ann.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
  await expect(browser.getByRole("button", { name: `Join room ${code}` })).toHaveCount(0);
  await expect(browser.getByRole("button", { name: `Watch room ${code}` })).toBeVisible();
  // Leaving a running game loses it: the host is asked first.
  await expect(host.getByTestId("board")).toBeVisible();
  await host.getByRole("button", { name: "Leave" }).click();
  await host.getByRole("dialog").getByRole("button", { name: "Leave and forfeit" }).click();
  await expect(host.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(row).toHaveCount(0);
});

test("the room browser lists only what can be joined or watched: no quick-match rooms, no finished games", async ({
  player,
}) => {
  const viewer = await player("Vera");
  const browser = viewer.getByTestId("room-browser");

  // A public room made by a host is listed while its game runs...
  const host = await player("Hugo");
  const custom = await createPublicRoom(host);
  const ann = await player("Ann");
  await browser.getByRole("button", { name: `Join room ${custom}` }).waitFor();
  await ann
    .getByTestId("room-browser")
    .getByRole("button", { name: `Join room ${custom}` })
    .click();
  for (const page of [host, ann]) await page.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
  await expect(browser.getByRole("button", { name: `Watch room ${custom}` })).toBeVisible();

  // ...while a quick match, running just as well, never is.
  const [cat, dan] = [await player("Cat"), await player("Dan")];
  await quickMatchConnectFour(cat);
  await expectWaiting(cat);
  await quickMatchConnectFour(dan);
  await expectInRoom(cat);
  const quick = (await cat.getByTestId("room-code").textContent())!.trim();

  // Once the hosted game is over it goes too: there is nothing left to join or watch.
  await playOpenerWin(host, ann);
  await expect(host.getByTestId("match-result")).toContainText("You win");
  await expect(browser.getByTestId(`room-row-${custom}`)).toHaveCount(0);
  // By now the quick match's room would have been pushed long since, had it been listed.
  await expect(browser.getByTestId(`room-row-${quick}`)).toHaveCount(0);

  // A late viewer's first list says the same.
  const late = await player("Lou");
  const list = late.getByTestId("room-browser");
  await expect(list).not.toContainText("Loading rooms");
  for (const code of [custom, quick]) await expect(list.getByTestId(`room-row-${code}`)).toHaveCount(0);
});
