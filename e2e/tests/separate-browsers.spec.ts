import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./support/chromium";
import { expect, expectInRoom, expectWaiting, playOpenerWin, quickMatchConnectFour, test } from "./support/player";

test("two separate browser instances find each other and finish a game", async ({ player }) => {
  const first = await chromium.launch(chromiumLaunchOptions);
  const second = await chromium.launch(chromiumLaunchOptions);
  try {
    const ann = await player("Ann", first);
    const bob = await player("Bob", second);
    await quickMatchConnectFour(ann);
    await expectWaiting(ann);
    await quickMatchConnectFour(bob);
    await expectInRoom(ann);
    await expectInRoom(bob);
    await playOpenerWin(ann, bob);
    await expect(ann.getByTestId("match-result")).toContainText("You win");
    await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
