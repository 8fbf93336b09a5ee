import type { Page } from "@playwright/test";
import { expect, expectInRoom, matchedPair, test } from "./support/player";
import { capture } from "./support/screens";
import { ownServer, type OwnServer } from "./support/server";

/*
 * A quick-match room among strangers: its seats come ready and it counts
 * down by itself, so there is nothing to press and nothing to un-press; and
 * nobody in it hosts (no HOST badge, no Kick).
 *
 * The first journey runs on a server of its own with a long countdown, so a
 * player can walk out of the countdown and the room be seen waiting, however
 * slow the machine is.
 */

let server: OwnServer;

test.beforeAll(async () => {
  server = await ownServer({ COUNTDOWN_MS: "8000", QUICK_MATCH_WAIT_MS: "500" });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
});

async function quickMatchTrails(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Quick match Trails", exact: true }).click();
}

/** No host powers, and no ready control: what every seat of a quick-match room sees. */
async function expectNothingToPress(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: "Ready" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start game" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Kick / })).toHaveCount(0);
  await expect(page.getByTestId("roster").getByText("Host", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Private room")).toHaveCount(0);
}

test("a quick-match room waits for players, never for a button, and starts by itself", async ({ player }) => {
  test.setTimeout(90_000);
  const tia = await player("Tia", undefined, `${server.url}/`);
  const tom = await player("Tom", undefined, `${server.url}/`);
  await quickMatchTrails(tia);
  await quickMatchTrails(tom);
  for (const page of [tia, tom]) {
    await expect(page.getByTestId("quick-room-note")).toContainText("Match found", { timeout: 15_000 });
    await expectNothingToPress(page);
  }

  // Tom walks out during the countdown: Tia's room goes back to waiting, for players only.
  await tom.getByRole("button", { name: "Leave" }).click();
  await expect(tom.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const note = tia.getByTestId("quick-room-note");
  await expect(note).toHaveText("Waiting for 1 more player: the game starts by itself.");
  await expect(tia.getByTestId("roster").getByTestId(/^seat-/)).toHaveCount(1);
  await expect(tia.getByTestId("seat-Tia")).toContainText("Connected");
  await expect(tia.getByTestId("seat-Tia")).not.toContainText("Ready");
  await expectNothingToPress(tia);
  await capture(tia, "quick-room-waiting");

  // The next player to quick-match is seated with her, and the game starts without anyone pressing anything.
  const uma = await player("Uma", undefined, `${server.url}/`);
  await quickMatchTrails(uma);
  await expect(tia.getByTestId("seat-Uma")).toBeVisible({ timeout: 15_000 });
  await expectNothingToPress(tia);
  for (const page of [tia, uma]) await expect(page.getByTestId("trails-board")).toBeVisible({ timeout: 15_000 });
  await expect(tia.getByTestId("roster").getByText("Host", { exact: true })).toHaveCount(0);

  // The arena scales to the screen: as large as the window allows, wider than the usual column, never past the bottom.
  const arena = tia.getByRole("img", { name: /Trails arena/ });
  const box = async () => (await arena.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  for (const viewport of [
    { width: 1280, height: 800, least: 760 },
    { width: 1280, height: 600, least: 480 },
    { width: 1920, height: 1080, least: 900 },
  ]) {
    await tia.setViewportSize(viewport);
    // The arena refits after the window's resize event: wait for both bounds to hold.
    await expect
      .poll(async () => {
        const { y, width, height } = await box();
        return width >= viewport.least && y + height <= viewport.height;
      })
      .toBe(true);
  }
  // On a phone it takes the column's width (whole pixels per cell), the d-pad under it.
  await tia.setViewportSize({ width: 390, height: 844 });
  await expect.poll(async () => (await box()).width).toBeGreaterThanOrEqual(300);
  await expect(tia.getByRole("group", { name: "Steering pad" })).toBeVisible();
});

test("Connect Four quick match: no HOST badge and no Kick for anyone in the game", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  for (const page of [ann, bob]) {
    await expectInRoom(page);
    await expectNothingToPress(page);
    for (const name of ["Ann", "Bob"]) {
      await expect(page.getByTestId(`seat-${name}`)).not.toContainText("Host");
    }
  }
});
