import { expect, expectInRoom, playOpenerWin, quickMatchConnectFour, seatRating, test } from "./support/player";

test("a quick match is rated: provisional ratings before, the change after, and the game on the winner's profile", async ({
  player,
}) => {
  const ann = await player("Ann");
  const bob = await player("Bob");

  // While she waits, Ann sees the rating quick match goes by: the starting one.
  await quickMatchConnectFour(ann);
  await expect(ann.getByTestId("queue-rating")).toContainText("Your rating: 1000");
  await quickMatchConnectFour(bob);
  await expectInRoom(ann);
  await expectInRoom(bob);

  // Two new players: both provisional at the starting rating, in both rosters, in a rated room.
  for (const page of [ann, bob]) {
    await expect(page.getByTestId("rated-badge")).toBeVisible();
    for (const name of ["Ann", "Bob"]) {
      const seat = page.getByTestId(`seat-${name}`);
      await expect(seat.getByTestId("player-rating")).toContainText("1000?");
      await expect(seat.getByTestId("player-rating")).toHaveAttribute("title", /Provisional/);
      await expect(seat.getByTestId("rating-delta")).toHaveCount(0);
    }
  }

  await playOpenerWin(ann, bob);
  await expect(ann.getByTestId("match-result")).toContainText("You win");
  await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);

  // The result moves the winner up and the loser down, in both rosters and in each player's own result.
  for (const page of [ann, bob]) {
    await expect(page.getByTestId("seat-Ann").getByTestId("rating-delta")).toHaveText(/^\+\d+$/);
    await expect(page.getByTestId("seat-Bob").getByTestId("rating-delta")).toHaveText(/^\u2212\d+$/);
  }
  await expect(ann.getByTestId("match-rating")).toHaveAttribute("data-tone", "up");
  await expect(bob.getByTestId("match-rating")).toHaveAttribute("data-tone", "down");
  const annAfter = await seatRating(ann, "Ann");
  expect(annAfter).toBeGreaterThan(1000);
  expect(await seatRating(bob, "Bob")).toBeLessThan(1000);

  // Back in the lobby, Ann's profile has her Connect Four rating, her win, and the game against Bob.
  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(ann.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const profileButton = ann.getByRole("button", { name: "Profile" });
  await profileButton.click();
  const profile = ann.getByRole("dialog", { name: "Ann" });
  const rating = profile.getByTestId("profile-rating-connect-four");
  await expect(rating).toContainText("1 win, 0 losses, 0 draws");
  await expect(rating).toContainText(String(annAfter));
  const game = profile.getByTestId("history-entry");
  await expect(game).toHaveCount(1);
  await expect(game).toHaveAttribute("data-outcome", "win");
  await expect(game).toContainText("Connect Four");
  await expect(game).toContainText("vs Bob");
  await expect(game).toContainText(`1000 \u2192 ${annAfter}`);
  await expect(game).toContainText("just now");

  // Escape closes it, and focus goes back to the button that opened it.
  await ann.keyboard.press("Escape");
  await expect(profile).toBeHidden();
  await expect(profileButton).toBeFocused();
});
