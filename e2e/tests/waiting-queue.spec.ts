import type { Page } from "@playwright/test";
import { expect, expectInRoom, expectWaiting, quickMatchConnectFour, test } from "./support/player";

/** The players-online figure this player's lobby shows. */
async function onlineCount(page: Page): Promise<number> {
  return Number(await page.getByTestId("online-count").textContent());
}

test("three players queue for a 2-player mode: two are matched, the third waits for a fourth", async ({ player }) => {
  const [ann, bob, cat] = await Promise.all(["Ann", "Bob", "Cat"].map((name) => player(name)));
  await quickMatchConnectFour(ann!);
  await expectWaiting(ann!);
  await quickMatchConnectFour(bob!);
  await expectInRoom(ann!);
  await expectInRoom(bob!);

  await quickMatchConnectFour(cat!);
  await expectWaiting(cat!);
  await expect(cat!.getByTestId("board")).toHaveCount(0);

  const dan = await player("Dan");
  // The online count is the whole server's: players of earlier tests are still counted while their
  // reconnect grace runs out, and leave at any moment. What holds whatever ran before: the four of us
  // are counted, and Cat, waiting in the lobby, is kept up to date with the figure Dan sees.
  await expect
    .poll(
      async () => {
        const [seenByCat, seenByDan] = await Promise.all([onlineCount(cat!), onlineCount(dan)]);
        return seenByCat === seenByDan && seenByDan >= 4;
      },
      { message: "Cat and Dan see the same online count, and it counts all four of us" },
    )
    .toBe(true);
  await quickMatchConnectFour(dan);
  await expectInRoom(cat!);
  await expectInRoom(dan);
  await expect(cat!.getByTestId("roster")).toContainText("Dan");
  await expect(cat!.getByTestId("roster")).not.toContainText("Ann");
});

test("a player can cancel a queue wait", async ({ player }) => {
  const ann = await player("Ann");
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await ann.getByRole("button", { name: "Cancel" }).click();
  await expect(ann.getByText("Looking for players")).toHaveCount(0);
  await expect(ann.getByRole("button", { name: "Quick match Connect Four" })).toBeEnabled();
});
