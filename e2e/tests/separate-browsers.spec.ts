import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./support/chromium";
import { expect, matchedPair, playOpenerWin, test } from "./support/player";

test("two separate browser instances find each other and finish a game", async ({ player }) => {
  const first = await chromium.launch(chromiumLaunchOptions);
  const second = await chromium.launch(chromiumLaunchOptions);
  try {
    let opened = 0;
    const [ann, bob] = await matchedPair((name) => player(name, opened++ === 0 ? first : second));
    await playOpenerWin(ann, bob);
    await expect(ann.getByTestId("match-result")).toContainText("You win");
    await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
