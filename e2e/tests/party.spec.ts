import type { Page } from "@playwright/test";
import { expect, test } from "./support/player";

/*
 * Parties: friends who search together. Each player is a browser context of
 * their own; every wait is on what the pages show.
 */

/** Start a party; returns its code as the party card shows it. */
async function startParty(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Start a party" }).click();
  const code = page.getByTestId("party-code");
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
  return (await code.textContent())!.trim();
}

/** Quick match Trails: Teams: alone, or as a party's leader for the whole party. */
async function quickMatchTeams(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Quick match Trails: Teams/ }).click();
}

/** The room code this player's room shows, once in a room. */
async function roomCode(page: Page): Promise<string> {
  const code = page.getByTestId("room-code");
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
  return (await code.textContent())!.trim();
}

/** Once the game has drawn its teams: the names on this player's team and on the other, as the roster groups them. */
async function teamsSeenBy(page: Page, name: string): Promise<{ mine: string[]; theirs: string[] }> {
  await expect(page.getByTestId("trails-board")).toBeVisible({ timeout: 15_000 });
  const groups = page.getByTestId("roster").getByTestId(/^team-\d+$/);
  await expect(groups).toHaveCount(2);
  const mine = groups.filter({ has: page.getByTestId(`seat-${name}`) });
  const theirs = groups.filter({ hasNot: page.getByTestId(`seat-${name}`) });
  const names = async (group: typeof groups) =>
    (await group.getByTestId(/^seat-/).evaluateAll((seats) => seats.map((s) => s.dataset.testid!.slice(5)))).sort();
  return { mine: await names(mine), theirs: await names(theirs) };
}

test("two friends party up by link, play Trails: Teams on one team against two strangers, and search again together", async ({
  player,
}) => {
  test.setTimeout(150_000);
  const ann = await player("Ann");
  const code = await startParty(ann);
  await expect(ann.getByTestId("party-member-Ann")).toContainText("Leader");

  // Bob opens Ann's link: he picks a name and lands in her party.
  const bob = await player("Bob", undefined, `/p/${code}`);
  await expect(bob.getByTestId("party-member-Ann")).toContainText("Leader");
  await expect(bob.getByTestId("party-member-Bob")).toContainText("You");
  await expect(ann.getByTestId("party-member-Bob")).toContainText("In the lobby");
  await expect(ann.getByTestId("party-size")).toHaveText("2 of 4");
  await expect(bob).toHaveURL(/\/$/);

  // Party chat, wherever each of them is.
  await bob.getByRole("tab", { name: /Party/ }).click();
  await bob.getByTestId("party-chat").getByLabel("Message").fill("teams tonight?");
  await bob.getByTestId("party-chat").getByRole("button", { name: "Send" }).click();
  await ann.getByRole("tab", { name: /Party/ }).click();
  await expect(ann.getByTestId("party-chat")).toContainText("teams tonight?");

  // Only the leader searches; a one-against-one game takes no party.
  await expect(bob.getByRole("button", { name: /^Quick match Trails: Teams/ })).toBeDisabled();
  await expect(bob.locator('[data-mode="trails-teams"]')).toContainText("Ann leads your party");
  await expect(ann.getByRole("button", { name: /^Quick match Connect Four/ })).toBeDisabled();
  await expect(ann.getByRole("button", { name: "Quick match Trails: Teams as a party of 2" })).toHaveText(
    "Search as a party of 2",
  );

  await quickMatchTeams(ann);
  await expect(ann.getByText("Looking for players")).toBeVisible();
  await expect(bob.getByText("Ann is searching for Trails: Teams…")).toBeVisible();
  await expect(bob.getByTestId("queue-elapsed")).toBeVisible();
  await expect(bob.getByRole("button", { name: "Stop search" })).toBeVisible();
  await expect(ann.getByTestId("party-member-Bob")).toContainText("Searching");

  // Two players on their own fill the room.
  const cat = await player("Cat");
  const dan = await player("Dan");
  await quickMatchTeams(cat);
  await quickMatchTeams(dan);
  const first = await roomCode(ann);
  for (const page of [bob, cat, dan]) await expect(page.getByTestId("room-code")).toHaveText(first);
  // The party is marked as one in everyone's roster, and Cat and Dan as no party.
  for (const name of ["Ann", "Bob"]) {
    await expect(cat.getByTestId(`seat-${name}`).getByTestId("party-mark")).toBeVisible();
  }
  for (const name of ["Cat", "Dan"])
    await expect(ann.getByTestId(`seat-${name}`).getByTestId("party-mark")).toHaveCount(0);

  // The game starts: Ann and Bob ride on one team.
  expect(await teamsSeenBy(ann, "Ann")).toEqual({ mine: ["Ann", "Bob"], theirs: ["Cat", "Dan"] });
  expect(await teamsSeenBy(dan, "Dan")).toEqual({ mine: ["Cat", "Dan"], theirs: ["Ann", "Bob"] });

  // Riders who do not steer hit a wall within seconds: the round ends by itself, the same for both friends.
  for (const page of [ann, bob, cat, dan]) {
    await expect(page.getByTestId("match-result")).toBeVisible({ timeout: 60_000 });
  }
  expect(await bob.getByTestId("match-result").textContent()).toBe(await ann.getByTestId("match-result").textContent());
  await expect(bob.getByTestId("party-next")).toContainText("Waiting for Ann to search again");
  await expect(bob.getByRole("button", { name: "Find a new match" })).toHaveCount(0);

  // Play again together: Ann's search takes Bob along, out of the finished game.
  await ann.getByRole("button", { name: "Find a new match" }).click();
  await expect(ann.getByText("Looking for players")).toBeVisible();
  await expect(bob.getByText("Ann is searching for Trails: Teams…")).toBeVisible();
  await expect(bob.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(cat.getByTestId("seat-Ann")).toContainText("Left the room");
  for (const page of [cat, dan]) await page.getByRole("button", { name: "Find a new match" }).click();

  // All four meet again in a new room, the friends on one team again.
  const second = await roomCode(ann);
  expect(second).not.toBe(first);
  for (const page of [bob, cat, dan]) await expect(page.getByTestId("room-code")).toHaveText(second);
  expect(await teamsSeenBy(bob, "Bob")).toEqual({ mine: ["Ann", "Bob"], theirs: ["Cat", "Dan"] });
});

test("a party member who reloads is still in the party, with its chat", async ({ player }) => {
  const ann = await player("Ann");
  const code = await startParty(ann);
  const bob = await player("Bob");
  // Typed, in lower case, rather than opened as a link.
  await bob.getByLabel("Got a party code?").fill(code.toLowerCase());
  await bob.getByRole("button", { name: "Join party" }).click();
  await expect(bob.getByTestId("party-code")).toHaveText(code);
  await ann.getByRole("tab", { name: /Party/ }).click();
  await ann.getByTestId("party-chat").getByLabel("Message").fill("see you in a sec");
  await ann.getByTestId("party-chat").getByRole("button", { name: "Send" }).click();
  await expect(bob.getByTestId("party-unread")).toHaveText("1 unread");

  await bob.reload();
  await expect(bob.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(bob.getByTestId("party-code")).toHaveText(code);
  await expect(bob.getByTestId("party-member-Ann")).toContainText("Leader");
  await expect(ann.getByTestId("party-member-Bob")).toContainText("In the lobby");
  await bob.getByRole("tab", { name: /Party/ }).click();
  await expect(bob.getByTestId("party-chat")).toContainText("see you in a sec");
});

test("a broken or unknown party link says so plainly", async ({ player }) => {
  const eve = await player("Eve", undefined, "/p/NOPE0");
  await expect(eve.getByRole("alert")).toContainText("doesn't contain a valid party code");
  await expect(eve.getByTestId("party-panel")).toContainText("Party up");

  const fay = await player("Fay", undefined, "/p/ABCDEF");
  await expect(fay.getByRole("alert")).toContainText("No party has that code");
  await expect(fay.getByTestId("party-panel")).toContainText("Start a party");
  await expect(fay).toHaveURL(/\/$/);
});
