import { signInAsAdmin, test as adminTest } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { expect, playOpenerWin, test } from "./support/player";
import { roomOf, startGame } from "./support/rooms";

/*
 * axe-core on every screen a player meets (and the operators' sign-in): no
 * serious or critical violation anywhere. Each stop is reached the way a
 * player reaches it, and checked once it shows what it must.
 */

test("the name screen, its errors and a broken link", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Ready to play?" })).toBeVisible();
  await expectAccessible(page, "name screen");

  await page.getByLabel("Your name").fill("Bartholomew the Magnificent");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("alert")).toContainText("at most 24 characters");
  await expectAccessible(page, "name screen with a name too long");

  await page.goto("/r/not-a-code!!");
  await expect(page.getByTestId("notice")).toContainText("doesn't contain a valid room code");
  await expectAccessible(page, "name screen after a broken link");
  await context.close();
});

test("the lobby, its dialogs, room setup, Connect Four in play, a spectator and the result", async ({ player }) => {
  test.setTimeout(120_000);
  const hugo = await player("Hugo");
  await hugo.getByTestId("lobby-chat").getByLabel("Message").fill("Anyone up for Connect Four?");
  await hugo.getByTestId("lobby-chat").getByRole("button", { name: "Send" }).click();
  await expect(hugo.getByTestId("lobby-chat").getByRole("listitem")).toContainText(["Anyone up"]);
  await expectAccessible(hugo, "lobby");

  await hugo.getByRole("button", { name: "Create room" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await expectAccessible(hugo, "create-room dialog");
  await hugo.keyboard.press("Escape");

  await hugo.getByRole("button", { name: "Quick match Connect Four" }).click();
  await expect(hugo.getByText("Looking for players")).toBeVisible();
  await expectAccessible(hugo, "lobby while searching");
  await hugo.getByRole("button", { name: /^Cancel/ }).click();
  await expect(hugo.getByText("Looking for players")).toBeHidden();

  const ann = await player("Ann");
  const code = await roomOf(hugo, "Connect Four", [ann]);
  await expect(hugo.getByTestId("seat-Ann")).toBeVisible();
  await expectAccessible(hugo, "room setup (host)");
  await expectAccessible(ann, "room setup (guest)");

  await hugo.getByRole("button", { name: "Kick Ann" }).click();
  await expect(hugo.getByRole("dialog", { name: "Kick Ann?" })).toBeVisible();
  await expectAccessible(hugo, "kick confirmation");
  await hugo.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  await startGame(hugo, [hugo, ann]);
  await expect(hugo.getByTestId("match-status")).toContainText("Your turn");
  await expectAccessible(hugo, "Connect Four, your turn");
  await expect(ann.getByTestId("c4-waiting")).toBeVisible();
  await expectAccessible(ann, "Connect Four, waiting");

  const vera = await player("Vera");
  await vera.getByLabel("Room code").fill(code);
  await vera.getByRole("button", { name: "Join", exact: true }).click();
  await expect(vera.getByTestId("watch-offer")).toContainText("has already started");
  await expectAccessible(vera, "lobby offering to watch");
  await vera.getByRole("button", { name: "Watch the game" }).click();
  await expect(vera.getByTestId("watching-banner")).toBeVisible();
  await expectAccessible(vera, "spectator view");

  // The spectator loses the connection (a player would forfeit while axe runs, after 5 s away).
  await vera.context().setOffline(true);
  await expect(vera.getByTestId("board-offline")).toBeVisible();
  await expectAccessible(vera, "Connect Four while offline");
  await vera.context().setOffline(false);
  await expect(vera.getByTestId("connection")).toHaveAttribute("data-state", "connected");

  await playOpenerWin(hugo, ann);
  await expect(hugo.getByTestId("match-result")).toContainText("You win");
  await expectAccessible(hugo, "result (a win)");
  await expect(ann.getByTestId("match-result")).toContainText("You lose");
  await expectAccessible(ann, "result (a loss)");

  await hugo.getByRole("button", { name: "Leave" }).click();
  await hugo.getByRole("button", { name: "Profile" }).click();
  await expect(hugo.getByRole("dialog", { name: "Hugo" })).toContainText("vs Ann");
  await expectAccessible(hugo, "profile");
  await hugo.keyboard.press("Escape");
  await hugo.getByRole("button", { name: "Leaderboards" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await expectAccessible(hugo, "leaderboards");
  await hugo.keyboard.press("Escape");
  await hugo.getByRole("button", { name: "Start a party" }).click();
  await expect(hugo.getByTestId("party-code")).toBeVisible();
  await expectAccessible(hugo, "lobby with a party");
});

test("Trails, Trails: Teams and Liar's Dice in play, and a link to a room that is gone", async ({ player }) => {
  test.setTimeout(120_000);
  const [tia, tom] = [await player("Tia"), await player("Tom")];
  await roomOf(tia, "Trails", [tom], 2);
  await startGame(tia, [tia, tom]);
  await expect
    .poll(async () => Number(await tia.getByTestId("trails-board").getAttribute("data-tick")))
    .toBeGreaterThan(3);
  await expectAccessible(tia, "Trails");

  const team = [await player("Kai"), await player("Lou"), await player("Max"), await player("Noa")] as const;
  await roomOf(team[0], "Trails: Teams", team.slice(1), 4);
  await startGame(team[0], [...team]);
  await expect
    .poll(async () => Number(await team[0].getByTestId("trails-board").getAttribute("data-tick")))
    .toBeGreaterThan(3);
  await expectAccessible(team[0], "Trails: Teams");

  const [lia, leo] = [await player("Lia"), await player("Leo")];
  await roomOf(lia, "Liar's Dice", [leo], 2);
  await startGame(lia, [lia, leo]);
  await expect(lia.getByTestId("my-dice").getByRole("listitem")).toHaveCount(5);
  await expectAccessible(lia, "Liar's Dice");

  const gus = await player("Gus");
  const code = await roomOf(gus, "Connect Four", []);
  await gus.getByRole("button", { name: "Leave" }).click();
  await expect(gus.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const late = await player("Kim", undefined, `/r/${code}`);
  await expect(late.getByTestId("notice")).toContainText("No room has that code");
  await expectAccessible(late, "lobby with a notice");
});

adminTest("the admin page: its token prompt, a refused token, and the dashboard", async ({ admin }) => {
  const ops = await admin();
  await expectAccessible(ops, "admin token prompt");
  await ops.getByLabel("Admin token").fill("not the token, but long enough");
  await ops.getByRole("button", { name: "Sign in" }).click();
  await expect(ops.getByRole("alert")).toBeVisible();
  await expectAccessible(ops, "admin token prompt refused");
  await signInAsAdmin(ops);
  await expectAccessible(ops, "admin dashboard");
});
