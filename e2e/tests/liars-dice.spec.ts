import type { Page } from "@playwright/test";
import { expect, test } from "./support/player";

/** Whose turn it is on these pages (the one whose Bid button is live), or "over" once the result shows. */
async function turnOf(pages: Page[]): Promise<Page | "over" | null> {
  for (const page of pages) if (await page.getByTestId("match-result").isVisible()) return "over";
  for (const page of pages) {
    // A seat that is out has no controls at all: look before asking (isEnabled would wait for one).
    const bid = page.getByRole("button", { name: "Bid", exact: true });
    if ((await bid.isVisible()) && (await bid.isEnabled())) return page;
  }
  return null;
}

test("three friends play Liar's Dice to the end: each sees only their own dice until a call of liar reveals them all", async ({
  player,
}) => {
  test.setTimeout(150_000);
  const host = await player("Hana");
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: "Liar's Dice" });
  await host.getByLabel("Seats").fill("3");
  await host.getByLabel("Private room").check();
  await host.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await host.getByTestId("room-code").textContent())!.trim();
  const ann = await player("Ann");
  const bob = await player("Bob");
  for (const friend of [ann, bob]) {
    await friend.getByLabel("Room code").fill(code);
    await friend.getByRole("button", { name: "Join", exact: true }).click();
    await expect(friend.getByTestId("room-code")).toHaveText(code);
  }
  const pages = [host, ann, bob];
  for (const p of pages) await p.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
  for (const p of pages) {
    await expect(p.getByTestId("liars-dice-board")).toBeVisible({ timeout: 15_000 });
    // Five dice of one's own, and the others' as face-down counts.
    await expect(p.getByTestId("my-dice").getByRole("listitem")).toHaveCount(5);
  }

  // Whoever's turn it is calls liar on a standing bid, or opens with the suggested bid.
  let calls = 0;
  for (let move = 0; move < 120; move++) {
    let turn: Page | "over" | null = null;
    await expect.poll(async () => (turn = await turnOf(pages)) !== null, { timeout: 15_000 }).toBe(true);
    if (turn === "over") break;
    const page = turn as unknown as Page;
    const before = await page.getByTestId("current-bid").textContent();
    const liar = page.getByRole("button", { name: "Call liar" });
    if (await liar.isEnabled()) {
      await liar.click();
      calls++;
    } else {
      await page.getByRole("button", { name: "Bid", exact: true }).click();
    }
    await expect
      .poll(
        async () =>
          (await page.getByTestId("match-result").isVisible()) ||
          (await page.getByTestId("current-bid").textContent()) !== before,
      )
      .toBe(true);
    if (calls === 1 && move < 4) {
      // The first call of liar shows everyone every die of that round.
      for (const p of pages) await expect(p.getByTestId("reveal")).toBeVisible();
    }
  }

  for (const p of pages) await expect(p.getByTestId("match-result")).toBeVisible({ timeout: 15_000 });
  const results = await Promise.all(pages.map((p) => p.getByTestId("match-result").textContent()));
  expect(results.filter((text) => /You win/.test(text ?? ""))).toHaveLength(1);
  expect(calls).toBeGreaterThanOrEqual(12);
});
