import type { BrowserContext, Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./admin-token";
import { expect, test as playerTest } from "./player";

/**
 * `admin(url)` opens the operators' page in a browser context of its own
 * (closed after the test, like the players'), not yet signed in.
 */
export const test = playerTest.extend<{ admin: (url?: string) => Promise<Page> }>({
  admin: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (url = "/admin") => {
      const context = await browser.newContext({ baseURL: baseURL! });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.getByLabel("Admin token")).toBeVisible();
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };

/** Sign the admin page in and wait for the dashboard's figures. */
export async function signInAsAdmin(page: Page, token = E2E_ADMIN_TOKEN): Promise<void> {
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  await expect(page.getByTestId("admin-connection")).toHaveAttribute("data-state", "connected");
}

/** The room row that seats `name`, once the admin's snapshot lists it. */
export function roomSeating(admin: Page, name: string) {
  return admin.getByTestId(/^room-/).filter({ has: admin.getByText(name, { exact: true }) });
}

/** Close the room seating `name` with `reason`, through the confirmation, and wait for the admin page to say it was done. */
export async function closeRoomOf(admin: Page, name: string, reason: string): Promise<void> {
  await admin.getByLabel("Code or player").fill(name);
  const row = roomSeating(admin, name);
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Close room/ }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Close room" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText(/^Closed room [2-9A-HJKMNP-Z]{6}\.$/)).toBeVisible();
}

/** What a player sees once an admin closed their room: the lobby, and the admin's reason. */
export async function expectBackInLobbyToldWhy(page: Page, reason: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Lobby" })).toBeVisible();
  await expect(page.getByTestId("board")).toBeHidden();
  await expect(page.getByRole("alert")).toContainText(`An admin closed the room: ${reason}`);
}
