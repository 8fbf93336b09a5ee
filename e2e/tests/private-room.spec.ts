import { expect, test } from "./support/player";

test("friends play Trails in a private room: join by code and by link, chat, kick, ready, countdown, a spectator watches", async ({
  player,
}) => {
  test.setTimeout(150_000);
  // Six contexts: the host, three friends, a spectator, and someone browsing the lobby.
  const viewer = await player("Vera");
  const browser = viewer.getByTestId("room-browser");
  const host = await player("Hana");
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: "Trails" });
  await host.getByLabel("Seats").fill("4");
  await host.getByLabel("Private room").check();
  await host.getByRole("button", { name: "Create", exact: true }).click();
  const codeBox = host.getByTestId("room-code");
  await expect(codeBox).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
  const code = (await codeBox.textContent())!.trim();

  // Two friends type the code; a third opens the shared link.
  const ann = await player("Ann");
  const bob = await player("Bob");
  for (const friend of [ann, bob]) {
    await friend.getByLabel("Room code").fill(code.toLowerCase());
    await friend.getByRole("button", { name: "Join", exact: true }).click();
    await expect(friend.getByTestId("room-code")).toHaveText(code);
  }
  const cat = await player("Cat", undefined, `/r/${code}`);
  await expect(cat.getByTestId("room-code")).toHaveText(code);
  for (const p of [host, ann, bob, cat]) {
    await expect(p.getByTestId("roster").getByTestId(/^seat-/)).toHaveCount(4);
  }
  await expect(host.getByTestId("seat-Hana")).toContainText("Host");

  // Chat reaches everyone, as plain text.
  await ann.getByTestId("room-chat").getByLabel("Message").fill("hi all <b>not bold</b>");
  await ann.getByTestId("room-chat").getByRole("button", { name: "Send" }).click();
  for (const p of [host, ann, bob, cat]) {
    await expect(
      p.getByTestId("room-chat").getByRole("listitem").filter({ hasText: "hi all <b>not bold</b>" }),
    ).toHaveCount(1);
  }
  await expect(host.getByTestId("room-chat").locator("b")).toHaveCount(0);

  // Private rooms are not listed; once the host opens it up, the lobby sees it live.
  await expect(browser.getByTestId(`room-row-${code}`)).toHaveCount(0);
  await host.getByLabel("Private room").uncheck();
  const row = browser.getByTestId(`room-row-${code}`);
  await expect(row.getByTestId("room-players")).toHaveText("4/4");

  // A spectator-to-be is already in the lobby (a session that starts after a kick, from the kicked player's
  // address — every browser here shares 127.0.0.1 — would be kept out with them).
  const eve = await player("Eve");

  // The host removes Cat, after saying so twice; Cat is told why and cannot come back.
  await host.getByRole("button", { name: "Kick Cat" }).click();
  const confirm = host.getByRole("dialog", { name: "Kick Cat?" });
  await expect(confirm).toContainText("can't come back");
  await confirm.getByRole("button", { name: "Kick Cat" }).click();
  await expect(confirm).toBeHidden();
  await expect(cat.getByRole("alert")).toContainText(/removed/i);
  await expect(cat.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await cat.getByLabel("Room code").fill(code);
  await cat.getByRole("button", { name: "Join", exact: true }).click();
  await expect(cat.getByRole("alert")).toContainText(/host removed you|can't rejoin|cannot rejoin/i);
  for (const p of [host, ann, bob]) await expect(p.getByTestId(/^seat-/)).toHaveCount(3);
  await expect(row.getByTestId("room-players")).toHaveText("3/4");

  // A spectator watches by code.
  await eve.getByLabel("Room code").fill(code);
  await eve.getByRole("button", { name: "Watch", exact: true }).click();
  await expect(eve.getByTestId("watching-banner")).toBeVisible();
  await expect(host.getByTestId("spectator-count")).toHaveText("1");

  // Ready check, countdown, and the round plays out on server ticks.
  for (const p of [host, ann, bob]) await p.getByRole("button", { name: "Ready" }).click();
  for (const name of ["Hana", "Ann", "Bob"]) await expect(host.getByTestId(`seat-${name}`)).toContainText("Ready");
  await host.getByRole("button", { name: "Start game" }).click();
  await expect(bob.getByTestId("countdown")).toBeVisible();
  // Started: no longer open to join from the browser, only to watch.
  await expect(browser.getByRole("button", { name: `Join room ${code}` })).toHaveCount(0, { timeout: 15_000 });
  await expect(eve.getByTestId("trails-board")).toBeVisible({ timeout: 15_000 });
  const board = eve.getByTestId("trails-board");
  await expect.poll(async () => Number(await board.getAttribute("data-tick")), { timeout: 15_000 }).toBeGreaterThan(3);
  await ann.keyboard.press("ArrowUp");

  for (const p of [host, ann, bob, eve]) {
    await expect(p.getByTestId("match-result")).toBeVisible({ timeout: 60_000 });
  }
  const results = await Promise.all([host, ann, bob].map((p) => p.getByTestId("match-result").textContent()));
  expect(results.filter((text) => /You win/.test(text ?? "")).length).toBeLessThanOrEqual(1);
});
