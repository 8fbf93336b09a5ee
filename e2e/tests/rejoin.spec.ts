import { drop, expect, expectInRoom, matchedPair, test } from "./support/player";

/*
 * A closed tab's game, taken back from a new tab of the same browser profile
 * (its localStorage keeps the name and the device's identity). The server's
 * grace period here is 5 s, so each step waits on what the page shows.
 */

test("a player who closed the tab comes back signed in and rejoins the game in one click", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  // Buttons count columns from 1; cell ids from 0.
  await drop(ann, 4);
  await drop(bob, 5);
  await expect(ann.getByTestId("cell-5-4")).toHaveAttribute("data-seat", "1");

  const profile = ann.context();
  await ann.close();
  await expect(bob.getByTestId("roster")).toContainText(/reconnecting/i);

  // A new tab: no session of its own, but the profile knows Ann.
  const back = await profile.newPage();
  await back.goto("/");
  await expect(back.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(back.getByLabel("Your name")).toHaveCount(0);
  await expect(back.getByRole("region", { name: "Lobby" })).toContainText("Hi, Ann!");
  await expect(back.getByTestId("rejoin-offer")).toContainText("Your Connect Four game with Bob is still on");
  await expect(back.getByTestId("rejoin-seconds")).toHaveText(/^\d+ s$/);
  await back.getByRole("button", { name: "Rejoin your game" }).click();

  // The same seat and the same board, and the game goes on.
  await expectInRoom(back);
  await expect(back.getByTestId("cell-5-3")).toHaveAttribute("data-seat", "0");
  await expect(back.getByTestId("cell-5-4")).toHaveAttribute("data-seat", "1");
  await expect(bob.getByTestId("roster")).toContainText("Ann");
  await expect(bob.getByTestId("roster")).not.toContainText(/reconnecting/i);
  await drop(back, 4);
  await expect(bob.getByTestId("cell-4-3")).toHaveAttribute("data-seat", "0");
  await drop(bob, 5);
  await expect(back.getByTestId("cell-4-4")).toHaveAttribute("data-seat", "1");
});

test("a private window is another player: the name screen, and no game to rejoin", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);
  await drop(ann, 1);
  await ann.close();
  await expect(bob.getByTestId("roster")).toContainText(/reconnecting/i);

  // A fresh browser context shares nothing with Ann's: `player` goes through the name screen.
  const stranger = await player("Ann");
  await expect(stranger.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(stranger.getByTestId("rejoin-offer")).toHaveCount(0);
  // Ann's seat was still held meanwhile: there was a game to offer, only not to this player.
  await expect(bob.getByTestId("roster")).toContainText(/reconnecting/i);
});
