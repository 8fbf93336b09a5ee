import { expect, test } from "./support/player";

test("the live room browser shows a public room appear, fill, start and close", async ({ player }) => {
  const viewer = await player("Vera");
  const browser = viewer.getByTestId("room-browser");

  const host = await player("Hugo");
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: "Connect Four" });
  await host.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await host.getByTestId("room-code").textContent())!.trim();

  const row = browser.getByTestId(`room-row-${code}`);
  await expect(row).toContainText("Hugo");
  await expect(row).toContainText("Connect Four");
  await expect(row.getByTestId("room-players")).toHaveText("1/2");

  // Filtering by another game hides it; back to all games shows it.
  await viewer.getByLabel("Filter by game").selectOption({ label: "Trails" });
  await expect(row).toHaveCount(0);
  await viewer.getByLabel("Filter by game").selectOption({ label: "All games" });
  await expect(row.getByTestId("room-players")).toHaveText("1/2");

  // Someone joins from the list: the count changes for the viewer.
  const ann = await player("Ann");
  await ann
    .getByTestId("room-browser")
    .getByRole("button", { name: `Join room ${code}` })
    .click();
  await expect(ann.getByTestId("room-code")).toHaveText(code);
  await expect(row.getByTestId("room-players")).toHaveText("2/2");

  // Once it starts it is no longer open to join (it can be watched); once everyone leaves it is gone.
  await host.getByRole("button", { name: "Ready" }).click();
  await ann.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
  await expect(browser.getByRole("button", { name: `Join room ${code}` })).toHaveCount(0);
  await expect(browser.getByRole("button", { name: `Watch room ${code}` })).toBeVisible();
  await host.getByRole("button", { name: "Leave" }).click();
  await ann.getByRole("button", { name: "Leave" }).click();
  await expect(row).toHaveCount(0);
});
