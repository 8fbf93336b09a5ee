import { signInAsAdmin, test as adminTest } from "./support/admin";
import { expect, playOpenerWin, test } from "./support/player";
import { roomOf, startGame } from "./support/rooms";
import { capture, look } from "./support/screens";

/*
 * A tour of every screen a player meets (and the operators' sign-in), each
 * reached the way a player reaches it and checked for what it must show.
 * At every stop `look` runs axe-core (no serious or critical violation
 * anywhere) and, with SCREENSHOTS=1, saves the screen at desktop and phone
 * size into .screenshots/ (see support/screens.ts); `capture` alone marks a
 * stop that is only worth a picture. The quick-match room and the notice
 * after a server restart are captured by their own journeys
 * (quick-room.spec.ts, server-restart.spec.ts).
 */

test("the name screen: the name's limit, and a broken link", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Ready to play?" })).toBeVisible();
  await expect(page.getByTestId("name-count")).toHaveText("0/24");
  await look(page, "name");

  // Nothing is cut off without a word: the form counts, and says what is too long.
  await page.getByLabel("Your name").fill("Bartholomew the Magnificent");
  await expect(page.getByTestId("name-count")).toHaveText("27/24");
  await expect(page.getByText("this one is 3 too long")).toBeVisible();
  await capture(page, "name-too-long");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("alert")).toContainText("at most 24 characters");
  await look(page, "name-refused");

  await page.goto("/r/not-a-code!!");
  await expect(page.getByTestId("notice")).toContainText("doesn't contain a valid room code");
  await look(page, "name-broken-link");
  await context.close();
});

test("every screen of a game among friends, from the lobby to the result", async ({ player }) => {
  test.setTimeout(180_000);
  const hugo = await player("Hugo");
  await hugo.getByTestId("lobby-chat").getByLabel("Message").fill("Anyone up for Connect Four?");
  await hugo.getByTestId("lobby-chat").getByRole("button", { name: "Send" }).click();
  await expect(hugo.getByTestId("lobby-chat").getByRole("listitem")).toContainText(["Anyone up"]);
  await look(hugo, "lobby");

  await hugo.getByRole("button", { name: "Create room" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await look(hugo, "create-room");
  await hugo.keyboard.press("Escape");

  await hugo.getByRole("button", { name: "Quick match Connect Four" }).click();
  await expect(hugo.getByText("Looking for players")).toBeVisible();
  await look(hugo, "lobby-searching");
  await hugo.getByRole("button", { name: /^Cancel/ }).click();
  await expect(hugo.getByText("Looking for players")).toBeHidden();

  const ann = await player("Ann");
  const code = await roomOf(hugo, "Connect Four", [ann]);
  await expect(hugo.getByTestId("seat-Ann")).toBeVisible();
  await look(hugo, "room-setup-host");
  await look(ann, "room-setup-guest");

  await hugo.getByRole("button", { name: "Kick Ann" }).click();
  await expect(hugo.getByRole("dialog", { name: "Kick Ann?" })).toBeVisible();
  await look(hugo, "kick-confirm");
  await hugo.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  await startGame(hugo, [hugo, ann]);
  await expect(hugo.getByTestId("match-status")).toContainText("Your turn");
  await expect(ann.getByTestId("c4-waiting")).toHaveText("Waiting for Hugo…");
  await look(hugo, "connect-four-your-turn");
  await look(ann, "connect-four-waiting");

  // Someone with the code, once the game is on: it can be watched, right there.
  const vera = await player("Vera");
  await vera.getByLabel("Room code").fill(code);
  await vera.getByRole("button", { name: "Join", exact: true }).click();
  await expect(vera.getByTestId("watch-offer")).toContainText("has already started");
  await look(vera, "lobby-watch-offer");
  await vera.getByRole("button", { name: "Watch the game" }).click();
  await expect(vera.getByTestId("watching-banner")).toBeVisible();
  await look(vera, "spectator");

  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(ann.getByRole("dialog", { name: "Leave and lose this game?" })).toBeVisible();
  await look(ann, "leave-confirm");
  await ann.getByRole("button", { name: "Keep playing" }).click();

  // A player offline (pictured only: a seat away for the 5 s grace forfeits, and axe can take that long),
  // then the spectator offline, checked.
  await ann.context().setOffline(true);
  await expect(ann.getByTestId("board-offline")).toBeVisible();
  await capture(ann, "connect-four-offline");
  await ann.context().setOffline(false);
  await expect(ann.getByTestId("connection")).toHaveAttribute("data-state", "connected");
  await vera.context().setOffline(true);
  // A spectator has no moves to pause: they are told the game comes back with the connection.
  await expect(vera.getByTestId("board-offline")).toHaveText("Reconnecting…");
  await expect(vera.getByTestId("match-status")).toContainText("You'll see it again once you're back online");
  await look(vera, "spectator-offline");
  await vera.context().setOffline(false);
  await expect(vera.getByTestId("connection")).toHaveAttribute("data-state", "connected");

  await playOpenerWin(hugo, ann);
  await expect(hugo.getByTestId("match-result")).toContainText("You win");
  await look(hugo, "connect-four-result");
  await expect(ann.getByTestId("match-result")).toContainText("You lose");
  await look(ann, "connect-four-result-loss");

  await hugo.getByRole("button", { name: "Leave" }).click();
  await hugo.getByRole("button", { name: "Profile" }).click();
  await expect(hugo.getByRole("dialog", { name: "Hugo" })).toContainText("vs Ann");
  await look(hugo, "profile");
  await hugo.keyboard.press("Escape");
  await hugo.getByRole("button", { name: "Leaderboards" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await look(hugo, "leaderboards");
  await hugo.keyboard.press("Escape");

  await hugo.getByRole("button", { name: "Start a party" }).click();
  await expect(hugo.getByTestId("party-code")).toBeVisible();
  await look(hugo, "lobby-party");
});

test("the other games (two players with one name told apart), and a link to a room that is gone", async ({
  player,
}) => {
  test.setTimeout(150_000);
  const [alex, other] = [await player("Alex"), await player("Alex")];
  await roomOf(alex, "Trails", [other], 2);
  // The second Alex is "Alex (2)" in the roster, for both of them, and in the chat.
  for (const page of [alex, other]) {
    await expect(page.getByTestId("seat-Alex")).toBeVisible();
    await expect(page.getByTestId("seat-Alex (2)")).toBeVisible();
  }
  await other.getByTestId("room-chat").getByLabel("Message").fill("Which Alex are you?");
  await other.getByTestId("room-chat").getByRole("button", { name: "Send" }).click();
  const line = alex.getByTestId("room-chat").getByRole("listitem").filter({ hasText: "Which Alex" });
  await expect(line).toContainText("Alex (2)");
  await look(alex, "same-names");
  await startGame(alex, [alex, other]);
  const arena = alex.getByTestId("trails-board");
  await expect.poll(async () => Number(await arena.getAttribute("data-tick")), { timeout: 15_000 }).toBeGreaterThan(5);
  await look(alex, "trails");

  const team = [await player("Kai"), await player("Lou"), await player("Max"), await player("Noa")] as const;
  await roomOf(team[0], "Trails: Teams", team.slice(1), 4);
  await startGame(team[0], [...team]);
  const teamArena = team[0].getByTestId("trails-board");
  await expect
    .poll(async () => Number(await teamArena.getAttribute("data-tick")), { timeout: 15_000 })
    .toBeGreaterThan(3);
  await look(team[0], "trails-teams");

  const [lia, leo] = [await player("Lia"), await player("Leo")];
  await roomOf(lia, "Liar's Dice", [leo], 2);
  await startGame(lia, [lia, leo]);
  await expect(lia.getByTestId("my-dice").getByRole("listitem")).toHaveCount(5);
  await look(lia, "liars-dice");

  // A link to a room that has closed since it was shared.
  const gus = await player("Gus");
  const code = await roomOf(gus, "Connect Four", []);
  await gus.getByRole("button", { name: "Leave" }).click();
  await expect(gus.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const late = await player("Kim", undefined, `/r/${code}`);
  await expect(late.getByTestId("notice")).toContainText(`Couldn't join room ${code}`);
  await expect(late.getByTestId("notice")).toContainText("No room has that code");
  await look(late, "lobby-link-not-found");
});

adminTest("the admin page: its token prompt, a refused token, and the dashboard", async ({ admin }) => {
  const ops = await admin();
  await look(ops, "admin-token");
  await ops.getByLabel("Admin token").fill("not the token, but long enough");
  await ops.getByRole("button", { name: "Sign in" }).click();
  await expect(ops.getByRole("alert")).toBeVisible();
  await look(ops, "admin-token-refused");
  await signInAsAdmin(ops);
  await look(ops, "admin-dashboard");

  // The confirmation before an announcement, then the audit log with that entry in it.
  await ops.getByLabel("Message to every connected player").fill("Back in five minutes.");
  await ops.getByRole("button", { name: "Announce…" }).click();
  await expect(ops.getByRole("dialog")).toBeVisible();
  await look(ops, "admin-announce-confirm");
  await ops.getByRole("dialog").getByRole("button", { name: "Announce" }).click();
  await expect(ops.getByTestId("audit-log").getByRole("listitem").first()).toContainText("Back in five minutes.");
  await look(ops, "admin-audit-log");
});
