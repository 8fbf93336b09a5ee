import { drop, expect, matchedPair, playOpenerWin, test } from "./support/player";
import { capture } from "./support/screens";

test("two players quick-match, play Connect Four to a win, play again, and go back to the lobby", async ({
  player,
}) => {
  const [ann, bob] = await matchedPair(player);
  await expect(ann.getByTestId("roster")).toContainText("Bob");
  await expect(bob.getByTestId("roster")).toContainText("Ann");

  // Ann queued first, so she holds seat 0 and opens.
  await playOpenerWin(ann, bob);
  await expect(ann.getByTestId("match-result")).toContainText("You win");
  await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);
  await expect(ann.getByTestId("cell-2-0")).toHaveAttribute("data-seat", "0");
  await expect(bob.getByTestId("cell-5-1")).toHaveAttribute("data-seat", "1");

  // Play again: the same pair, a fresh board, and Bob opens this round.
  await ann.getByRole("button", { name: "Play again" }).click();
  await bob.getByRole("button", { name: "Play again" }).click();
  await expect(bob.getByTestId("match-status")).toContainText("Your turn");
  await expect(ann.getByTestId("cell-5-0")).toHaveAttribute("data-seat", "");
  await playOpenerWin(bob, ann);
  await expect(bob.getByTestId("match-result")).toContainText("You win");
  await expect(ann.getByTestId("match-result")).toContainText(/You lose|Bob wins/);
  // The room keeps the score across play again: one win each.
  for (const p of [ann, bob]) await expect(p.getByTestId("room-score")).toHaveText(/Ann\s*1 – 1\s*Bob/);
  await capture(ann, "score-after-rematch");

  // Back to the lobby, ready for another match.
  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(ann.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await bob.getByRole("button", { name: "Leave" }).click();
  await expect(bob.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(ann.getByRole("button", { name: "Quick match Connect Four" })).toBeEnabled();
});

test("out of turn, the board takes no moves and says whose turn it is, without a toast", async ({ player }) => {
  const [ann, bob] = await matchedPair(player);

  await expect(ann.getByTestId("match-status")).toContainText("Your turn");
  await expect(bob.getByTestId("c4-waiting")).toHaveText("Waiting for Ann…");
  const column = bob.getByRole("button", { name: "Drop in column 4" });
  await expect(column).toBeDisabled();
  // Pressed anyway (a keyboard player's Enter): nothing is sent, so nothing is refused and nothing pops up,
  // by the time Ann's next disc has reached Bob.
  await column.focus();
  await bob.keyboard.press("Enter");
  await drop(ann, 1);
  await expect(bob.getByTestId("cell-5-0")).toHaveAttribute("data-seat", "0");
  await expect(bob.getByTestId("cell-5-3")).toHaveAttribute("data-seat", "");
  await expect(bob.getByRole("alert")).toHaveCount(0);
  await expect(bob.getByTestId("c4-waiting")).toHaveCount(0);
  await expect(column).toBeEnabled();
  await expect(ann.getByTestId("c4-waiting")).toHaveText("Waiting for Bob…");
  await drop(bob, 4);
  await expect(ann.getByTestId("cell-5-3")).toHaveAttribute("data-seat", "1");
});
