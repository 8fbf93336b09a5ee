import { startCluster, type Cluster } from "@lobby/cluster";
import { E2E_ADMIN_TOKEN } from "./support/admin-token";
import { closeRoomOf, expect, expectBackInLobbyToldWhy, roomSeating, signInAsAdmin, test } from "./support/admin";
import { drop, expectInRoom, expectWaiting, quickMatchConnectFour } from "./support/player";

/*
 * The admin page over a cluster of three nodes: the admin's node gathers
 * the others' figures, and its actions reach players on the other nodes.
 */

let cluster: Cluster;

test.beforeAll(async () => {
  cluster = await startCluster({
    nodes: 3,
    env: { ADMIN_TOKEN: E2E_ADMIN_TOKEN, COUNTDOWN_MS: "1000", RECONNECT_GRACE_MS: "5000" },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

test("an admin on one node closes a game whose players are on the two others, and sees all three nodes", async ({
  player,
  admin,
}) => {
  test.setTimeout(90_000);
  const [one, two, three] = cluster.nodes;
  const ann = await player("Ann", undefined, `${two!.url}/`);
  const bob = await player("Bob", undefined, `${three!.url}/`);
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await quickMatchConnectFour(bob);
  await expectInRoom(ann);
  await expectInRoom(bob);
  await drop(ann, 1);

  const ops = await admin(`${one!.url}/admin`);
  await signInAsAdmin(ops);
  const nodes = ops.getByTestId("nodes-table").locator("tbody tr");
  await expect(nodes).toHaveCount(3);
  for (const node of cluster.nodes) await expect(ops.getByTestId(`node-${node.id}`)).toBeVisible();
  await expect(ops.getByTestId("count-nodes")).toHaveText("3");
  await expect(roomSeating(ops, "Ann")).toContainText("Bob");

  const reason = "Moving this game off the cluster";
  await closeRoomOf(ops, "Ann", reason);
  await expectBackInLobbyToldWhy(ann, reason);
  await expectBackInLobbyToldWhy(bob, reason);

  // Draining a node the admin is not on: its row says so, and it takes players again when undrained.
  await ops.getByRole("button", { name: `Drain ${three!.id}` }).click();
  await ops.getByRole("dialog").getByRole("button", { name: "Drain" }).click();
  await expect(ops.getByText(`${three!.id} is draining.`)).toBeVisible();
  await expect(ops.getByTestId(`node-${three!.id}`)).toContainText("Draining");
  await ops.getByRole("button", { name: `Undrain ${three!.id}` }).click();
  await ops.getByRole("dialog").getByRole("button", { name: "Undrain" }).click();
  await expect(ops.getByTestId(`node-${three!.id}`)).not.toContainText("Draining");
});
