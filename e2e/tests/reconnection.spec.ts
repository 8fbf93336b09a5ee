import { drop, expect, expectInRoom, matchedPair, test } from "./support/player";

test("a player who reloads mid-game continues in the same seat with the same board", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  // Buttons count columns from 1; cell ids from 0.
  await drop(ann, 4);
  await drop(bob, 5);
  await expect(ann.getByTestId("cell-5-4")).toHaveAttribute("data-seat", "1");

  await bob.reload();
  await expectInRoom(bob);
  await expect(bob.getByTestId("cell-5-3")).toHaveAttribute("data-seat", "0");
  await expect(bob.getByTestId("cell-5-4")).toHaveAttribute("data-seat", "1");
  await expect(bob.getByTestId("roster")).toContainText("Ann");
  await expect(ann.getByTestId("roster")).not.toContainText(/reconnecting/i);

  await drop(ann, 4);
  await drop(bob, 5);
  await expect(ann.getByTestId("cell-4-4")).toHaveAttribute("data-seat", "1");
});

test("a player who goes offline and comes back within the grace period keeps playing", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  await drop(ann, 1);

  await bob.context().setOffline(true);
  await expect(bob.getByTestId("connection")).not.toHaveAttribute("data-state", "connected");
  await expect(ann.getByTestId("roster")).toContainText(/reconnecting/i);

  await bob.context().setOffline(false);
  await expect(bob.getByTestId("connection")).toHaveAttribute("data-state", "connected");
  await expect(ann.getByTestId("roster")).not.toContainText(/reconnecting/i);
  await drop(bob, 2);
  await expect(ann.getByTestId("cell-5-1")).toHaveAttribute("data-seat", "1");
  await expect(ann.getByTestId("cell-5-0")).toHaveAttribute("data-seat", "0");
});

test("a player who closes the tab loses by forfeit once the grace period runs out", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  await drop(ann, 3);
  await bob.close();
  await expect(ann.getByTestId("roster")).toContainText(/reconnecting/i);
  await expect(ann.getByTestId("match-result")).toContainText("You win", { timeout: 20_000 });
  await expect(ann.getByTestId("match-result")).toContainText(/forfeit/i);
});
