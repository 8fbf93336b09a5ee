import { startCluster, type Cluster } from "@lobby/cluster";
import { E2E_ADMIN_TOKEN } from "./support/admin-token";
import { expect, signInAsAdmin, test } from "./support/admin";
import { expectInRoom, expectWaiting, playOpenerWin, quickMatchConnectFour } from "./support/player";

/*
 * A node that stops answering without closing anything (SIGSTOP), as players
 * see it through the balancer: the one whose node stalled is told the server
 * is not answering (or, once the balancer finds the node down and closes its
 * connections, that the client is reconnecting), the client reconnects
 * through the balancer to the other node, and the game goes on in the same
 * seats.
 */

let cluster: Cluster;

test.beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    // A grace period longer than the web app's wait before it reconnects elsewhere (10 s).
    env: { ADMIN_TOKEN: E2E_ADMIN_TOKEN, COUNTDOWN_MS: "1000", RECONNECT_GRACE_MS: "30000" },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

test("a player whose node stalls mid-game is told so, reconnects through the balancer, and finishes the game", async ({
  player,
  admin,
}) => {
  test.setTimeout(120_000);
  const ann = await player("Ann", undefined, `${cluster.url}/`);
  const bob = await player("Bob", undefined, `${cluster.url}/`);
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await quickMatchConnectFour(bob);
  await expectInRoom(ann);
  await expectInRoom(bob);

  // Which node holds Ann, as the admin page shows it.
  const ops = await admin(`${cluster.url}/admin`);
  await signInAsAdmin(ops);
  const where = ops.getByTestId("player-Ann");
  await expect(where).toContainText(/node-\d/);
  const nodeId = /node-\d+/.exec((await where.textContent()) ?? "")?.[0];
  const stalling = cluster.nodes.find((node) => node.id === nodeId);
  expect(stalling, `Ann's node ${nodeId}`).toBeTruthy();
  await ops.close();

  // Every state Ann's connection indicator shows from here on (a state may last only a moment).
  await ann.evaluate(() => {
    const indicator = document.querySelector('[data-testid="connection"]')!;
    const shown: (string | null)[] = [];
    (window as unknown as { shownStates: typeof shown }).shownStates = shown;
    new MutationObserver(() => shown.push(indicator.getAttribute("data-state"))).observe(indicator, {
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
  const shown = () => ann.evaluate(() => (window as unknown as { shownStates: string[] }).shownStates);
  process.kill(stalling!.pid, "SIGSTOP");
  try {
    // Whichever comes first: the client's pings go unanswered ("Server not answering…"), or the balancer
    // finds the node down and closes its connections ("Reconnecting…"); then the client reconnects through
    // the balancer, which sends it to the node that answers.
    await expect.poll(shown, { timeout: 30_000 }).toContain("connected");
    const states = await shown();
    expect(["stalled", "reconnecting"]).toContain(states[0]);
    expect(states.at(-1)).toBe("connected");
  } finally {
    process.kill(stalling!.pid, "SIGCONT");
  }
  // Bob too, if his node was the same one.
  await expect(bob.getByTestId("connection")).toHaveAttribute("data-state", "connected", { timeout: 30_000 });
  await expectInRoom(ann);
  // Ann queued first, so she holds seat 0 and opens: the game goes on to its end.
  await playOpenerWin(ann, bob);
  await expect(ann.getByTestId("match-result")).toContainText("You win");
  await expect(bob.getByTestId("match-result")).toContainText(/You lose|Ann wins/);
});
