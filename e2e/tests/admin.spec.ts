import { E2E_ADMIN_TOKEN } from "./support/admin-token";
import { closeRoomOf, expect, expectBackInLobbyToldWhy, roomSeating, signInAsAdmin, test } from "./support/admin";
import { drop, matchedPair } from "./support/player";

/*
 * The operators' page against the e2e server (which has ADMIN_TOKEN): an
 * admin in a browser of their own acts on what two other browsers play.
 */

test("an admin sees two players' game and closes it with a reason; both are back in the lobby and read why", async ({
  player,
  admin,
}) => {
  const [ann, bob] = await matchedPair(player);
  await drop(ann, 4);
  await drop(bob, 4);

  const ops = await admin();
  await signInAsAdmin(ops);
  const room = roomSeating(ops, "Ann");
  await expect(room).toContainText("Connect Four");
  await expect(room).toContainText("Bob");
  await expect(room).toContainText("Playing");
  await expect(ops.getByTestId("count-rooms")).not.toHaveText("0");

  const reason = "Closed for a test of the admin page";
  await closeRoomOf(ops, "Ann", reason);
  await expectBackInLobbyToldWhy(ann, reason);
  await expectBackInLobbyToldWhy(bob, reason);
  await expect(roomSeating(ops, "Ann")).toHaveCount(0);
  await expect(ops.getByTestId("audit-log")).toContainText(reason);
});

test("a wrong token is refused and the prompt stays; the right one lasts a reload of the tab, and Sign out forgets it", async ({
  admin,
}) => {
  const ops = await admin();
  // The admin page is not the player app: it never opens the lobby's namespace.
  const namespaces: string[] = [];
  ops.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      const open = /^40(\/[a-z]+)/.exec(String(payload));
      if (open?.[1]) namespaces.push(open[1]);
    }),
  );

  await signInAsAdminExpectingRefusal(ops);
  await signInAsAdmin(ops);
  await ops.reload();
  await expect(ops.getByRole("heading", { name: "Operations" })).toBeVisible();
  expect(await ops.evaluate(() => JSON.stringify(localStorage))).not.toContain(E2E_ADMIN_TOKEN);

  await ops.getByRole("button", { name: "Sign out" }).click();
  await expect(ops.getByLabel("Admin token")).toBeVisible();
  await ops.reload();
  await expect(ops.getByLabel("Admin token")).toBeVisible();
  await expect(ops.getByRole("heading", { name: "Operations" })).toBeHidden();
  expect(namespaces.length).toBeGreaterThan(0);
  expect(new Set(namespaces)).toEqual(new Set(["/admin"]));
});

test("an announcement reaches players wherever they are, and a kicked player is told why and stays out", async ({
  player,
  admin,
}) => {
  const [ann, bob] = await matchedPair(player);
  const cat = await player("Cat");
  const ops = await admin();
  await signInAsAdmin(ops);

  const text = "The server restarts at 22:00 UTC for five minutes.";
  await ops.getByLabel("Message to every connected player").fill(text);
  await ops.getByRole("button", { name: "Announce…" }).click();
  await ops.getByRole("dialog").getByRole("button", { name: "Announce" }).click();
  await expect(ops.getByText("Announced to every connected player.")).toBeVisible();
  for (const page of [ann, bob, cat]) await expect(page.getByTestId("announcement")).toContainText(text);
  // In a game as in the lobby; dismissed, it goes.
  await expect(ann.getByTestId("board")).toBeVisible();
  await cat.getByRole("button", { name: "Dismiss the announcement" }).click();
  await expect(cat.getByTestId("announcement")).toBeHidden();

  await ops.getByLabel("Find a player").fill("cat");
  await ops.getByRole("button", { name: "Search" }).click();
  await ops.getByRole("button", { name: "Kick Cat" }).click();
  await ops.getByRole("dialog").getByLabel("Reason").fill("Spamming the lobby chat");
  await ops.getByRole("dialog").getByRole("button", { name: "Kick" }).click();
  await expect(ops.getByText("Kicked Cat.")).toBeVisible();
  const ended = cat.getByTestId("session-ended");
  await expect(ended).toContainText("You were removed");
  await expect(ended).toContainText("Spamming the lobby chat");
  await expect(cat.getByTestId("connection")).not.toHaveAttribute("data-state", "connected");
  // Gone from everyone online, too.
  await ops.getByRole("button", { name: "Clear" }).click();
  await expect(ops.getByTestId("player-Ann")).toBeVisible();
  await expect(ops.getByTestId("player-Cat")).toHaveCount(0);
});

/** A wrong token: refused in plain words, and the prompt is still there to try again. */
async function signInAsAdminExpectingRefusal(ops: Parameters<typeof signInAsAdmin>[0]): Promise<void> {
  await ops.getByLabel("Admin token").fill("not-the-admin-token");
  await ops.getByRole("button", { name: "Sign in" }).click();
  await expect(ops.getByRole("alert")).toHaveText("That token was not accepted.");
  await expect(ops.getByLabel("Admin token")).toBeEditable();
  expect(await ops.evaluate(() => sessionStorage.length)).toBe(0);
}
