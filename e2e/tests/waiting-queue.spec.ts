import { expect, expectInRoom, expectWaiting, quickMatchConnectFour, test } from "./support/player";

test("three players queue for a 2-player mode: two are matched, the third waits for a fourth", async ({ player }) => {
  const [ann, bob, cat] = await Promise.all(
    ["Ann", "Bob", "Cat"].map((name) => player(name)),
  );
  await quickMatchConnectFour(ann!);
  await expectWaiting(ann!);
  await quickMatchConnectFour(bob!);
  await expectInRoom(ann!);
  await expectInRoom(bob!);

  await quickMatchConnectFour(cat!);
  await expectWaiting(cat!);
  await expect(cat!.getByTestId("board")).toHaveCount(0);

  const dan = await player("Dan");
  await expect(dan.getByTestId("online-count")).toHaveText("4");
  await quickMatchConnectFour(dan);
  await expectInRoom(cat!);
  await expectInRoom(dan);
  await expect(cat!.getByTestId("roster")).toContainText("Dan");
  await expect(cat!.getByTestId("roster")).not.toContainText("Ann");
});

test("a player can cancel a queue wait", async ({ player }) => {
  const ann = await player("Ann");
  await quickMatchConnectFour(ann);
  await expectWaiting(ann);
  await ann.getByRole("button", { name: "Cancel" }).click();
  await expect(ann.getByText("Looking for players")).toHaveCount(0);
  await expect(ann.getByRole("button", { name: "Quick match Connect Four" })).toBeEnabled();
});
