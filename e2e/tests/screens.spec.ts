import { expect, playOpenerWin, test } from "./support/player";
import { roomOf, startGame } from "./support/rooms";
import { capture } from "./support/screens";

/*
 * A tour of the screens a player meets, each checked for what it must show.
 * With SCREENSHOTS=1 every stop is also saved at desktop and phone size into
 * .screenshots/ (see support/screens.ts); the quick-match room and the notice
 * after a server restart are captured by their own journeys
 * (quick-room.spec.ts, server-restart.spec.ts).
 */

test("the name screen: the name's limit, and a broken link", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Ready to play?" })).toBeVisible();
  await expect(page.getByTestId("name-count")).toHaveText("0/24");
  await capture(page, "name");

  // Nothing is cut off without a word: the form counts, and says what is too long.
  await page.getByLabel("Your name").fill("Bartholomew the Magnificent");
  await expect(page.getByTestId("name-count")).toHaveText("27/24");
  await expect(page.getByText("this one is 3 too long")).toBeVisible();
  await capture(page, "name-too-long");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("alert")).toContainText("at most 24 characters");

  await page.goto("/r/not-a-code!!");
  await expect(page.getByTestId("notice")).toContainText("doesn't contain a valid room code");
  await capture(page, "name-broken-link");
  await context.close();
});

test("every screen of a game among friends, from the lobby to the result", async ({ player }) => {
  test.setTimeout(180_000);
  const hugo = await player("Hugo");
  await hugo.getByTestId("lobby-chat").getByLabel("Message").fill("Anyone up for Connect Four?");
  await hugo.getByTestId("lobby-chat").getByRole("button", { name: "Send" }).click();
  await capture(hugo, "lobby");

  await hugo.getByRole("button", { name: "Create room" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await capture(hugo, "create-room");
  await hugo.keyboard.press("Escape");

  const ann = await player("Ann");
  const code = await roomOf(hugo, "Connect Four", [ann]);
  await expect(hugo.getByTestId("seat-Ann")).toBeVisible();
  await capture(hugo, "room-setup-host");
  await capture(ann, "room-setup-guest");

  await hugo.getByRole("button", { name: "Kick Ann" }).click();
  await expect(hugo.getByRole("dialog", { name: "Kick Ann?" })).toBeVisible();
  await capture(hugo, "kick-confirm");
  await hugo.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  await startGame(hugo, [hugo, ann]);
  await expect(hugo.getByTestId("match-status")).toContainText("Your turn");
  await expect(ann.getByTestId("c4-waiting")).toHaveText("Waiting for Hugo…");
  await capture(hugo, "connect-four-your-turn");
  await capture(ann, "connect-four-waiting");

  // Someone with the code, once the game is on: it can be watched, right there.
  const vera = await player("Vera");
  await vera.getByLabel("Room code").fill(code);
  await vera.getByRole("button", { name: "Join", exact: true }).click();
  await expect(vera.getByTestId("watch-offer")).toContainText("has already started");
  await capture(vera, "lobby-watch-offer");
  await vera.getByRole("button", { name: "Watch the game" }).click();
  await expect(vera.getByTestId("watching-banner")).toBeVisible();
  await capture(vera, "spectator");

  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(ann.getByRole("dialog", { name: "Leave and lose this game?" })).toBeVisible();
  await capture(ann, "leave-confirm");
  await ann.getByRole("button", { name: "Keep playing" }).click();

  await ann.context().setOffline(true);
  await expect(ann.getByTestId("board-offline")).toBeVisible();
  await capture(ann, "connect-four-offline");
  await ann.context().setOffline(false);
  await expect(ann.getByTestId("connection")).toHaveAttribute("data-state", "connected");

  await playOpenerWin(hugo, ann);
  await expect(hugo.getByTestId("match-result")).toContainText("You win");
  await capture(hugo, "connect-four-result");

  await hugo.getByRole("button", { name: "Leave" }).click();
  await hugo.getByRole("button", { name: "Profile" }).click();
  await expect(hugo.getByRole("dialog", { name: "Hugo" })).toContainText("vs Ann");
  await capture(hugo, "profile");
  await hugo.keyboard.press("Escape");
  await hugo.getByRole("button", { name: "Leaderboards" }).click();
  await expect(hugo.getByRole("dialog")).toBeVisible();
  await capture(hugo, "leaderboards");
  await hugo.keyboard.press("Escape");

  await hugo.getByRole("button", { name: "Start a party" }).click();
  await expect(hugo.getByTestId("party-code")).toBeVisible();
  await capture(hugo, "lobby-party");
});

test("the other games (two players with one name told apart), and a link to a room that is gone", async ({
  player,
}) => {
  test.setTimeout(120_000);
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
  await capture(alex, "same-names");
  await startGame(alex, [alex, other]);
  const arena = alex.getByTestId("trails-board");
  await expect.poll(async () => Number(await arena.getAttribute("data-tick")), { timeout: 15_000 }).toBeGreaterThan(5);
  await capture(alex, "trails");

  const [lia, leo] = [await player("Lia"), await player("Leo")];
  await roomOf(lia, "Liar's Dice", [leo], 2);
  await startGame(lia, [lia, leo]);
  await expect(lia.getByTestId("my-dice").getByRole("listitem")).toHaveCount(5);
  await capture(lia, "liars-dice");

  // A link to a room that has closed since it was shared.
  const gus = await player("Gus");
  const code = await roomOf(gus, "Connect Four", []);
  await gus.getByRole("button", { name: "Leave" }).click();
  await expect(gus.getByRole("heading", { name: "Lobby" })).toBeVisible();
  const late = await player("Kim", undefined, `/r/${code}`);
  await expect(late.getByTestId("notice")).toContainText(`Couldn't join room ${code}`);
  await expect(late.getByTestId("notice")).toContainText("No room has that code");
  await capture(late, "lobby-link-not-found");
});
