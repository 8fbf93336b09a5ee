import { startCluster, type Cluster } from "@lobby/cluster";
import { expect, playOpenerWin, quickMatchConnectFour, expectInRoom, expectWaiting, test } from "./support/player";

/*
 * Two server nodes over one redis-server, each serving the web app. Each
 * browser is pinned to its own node: only Redis joins them.
 */

let cluster: Cluster;

test.beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    env: { RECONNECT_GRACE_MS: "5000", COUNTDOWN_MS: "1000", BUSY_QUEUE_MS: "1000" },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

test("two browsers on different nodes find each other by quick match and by invite code, and play to the end", async ({
  player,
}) => {
  test.setTimeout(120_000);
  const [one, two] = cluster.nodes;
  const ann = await player("Ann", undefined, `${one!.url}/`);
  const bob = await player("Bob", undefined, `${two!.url}/`);
  for (const page of [ann, bob]) await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();

  // Quick match across the nodes: Ann waits on node 1 until Bob queues on node 2.
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await quickMatchConnectFour(bob);
  await expectInRoom(ann);
  await expectInRoom(bob);
  await playOpenerWin(ann, bob);
  await expect(ann.getByTestId("match-result")).toContainText("You win");
  await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);
  for (const page of [ann, bob]) {
    await page.getByRole("button", { name: "Leave" }).click();
    await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  }

  // A private room made on node 1, joined by its code on node 2.
  await bob.getByRole("button", { name: "Create room" }).click();
  await bob.getByLabel("Private room").check();
  await bob.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await bob.getByTestId("room-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  await ann.getByLabel("Room code").fill(code);
  await ann.getByRole("button", { name: "Join", exact: true }).click();
  await expect(ann.getByTestId("room-code")).toHaveText(code);
  await expect(bob.getByTestId("roster")).toContainText("Ann");
  for (const page of [bob, ann]) await page.getByRole("button", { name: "Ready" }).click();
  await bob.getByRole("button", { name: "Start game" }).click();
  // Bob made the room, so he holds seat 0 and opens.
  await playOpenerWin(bob, ann);
  await expect(bob.getByTestId("match-result")).toContainText("You win");
  await expect(ann.getByTestId("match-result")).toContainText(/You lose|Bob wins/);
});

test("while Redis stalls, a node turns new players away as busy; they get in by themselves once it recovers", async ({
  player,
  browser,
}) => {
  test.setTimeout(60_000);
  const [one] = cluster.nodes;
  const redisPid = cluster.redis?.pid;
  expect(redisPid).toBeTruthy();
  const health = async () => ((await (await fetch(`${one!.url}/healthz`)).json()) as { status: string }).status;
  const ann = await player("Ann", undefined, `${one!.url}/`);
  const cidContext = await browser.newContext();
  try {
    process.kill(redisPid!, "SIGSTOP");
    try {
      // Ann's quick match waits on Redis; her chat line waits behind it, and the node's queue ages.
      await quickMatchConnectFour(ann);
      await ann.getByPlaceholder("Say something…").fill("anyone there?");
      await ann.getByRole("button", { name: "Send" }).click();
      await expect.poll(health).toBe("busy");
      const cid = await cidContext.newPage();
      await cid.goto(`${one!.url}/`);
      await cid.getByLabel("Your name").fill("Cid");
      await cid.getByRole("button", { name: "Play" }).click();
      await expect(cid.getByText("The server is very busy right now")).toBeVisible();
    } finally {
      process.kill(redisPid!, "SIGCONT");
    }
    // Everything Ann asked for went through, in order (her place in the queue shows below, when Cid
    // is matched with her), and Cid's client tries again by itself.
    await expect.poll(health).toBe("ok");
    await expect(ann.getByTestId("lobby-chat")).toContainText("anyone there?");
    const [cid] = cidContext.pages();
    await expect(cid!.getByRole("heading", { name: "Lobby" })).toBeVisible();
    await quickMatchConnectFour(cid!);
    await expectInRoom(ann);
    await expectInRoom(cid!);
  } finally {
    await cidContext.close();
  }
});
