import type { Page } from "@playwright/test";
import { expect } from "./player";

/** `host` makes a private room of `game` and `guests` join it by code; resolves with its code. */
export async function roomOf(host: Page, game: string, guests: Page[], seats?: number): Promise<string> {
  await host.getByRole("button", { name: "Create room" }).click();
  await host.getByLabel("Game", { exact: true }).selectOption({ label: game });
  if (seats !== undefined) await host.getByLabel("Seats").fill(String(seats));
  await host.getByLabel("Private room").check();
  await host.getByRole("button", { name: "Create", exact: true }).click();
  const code = (await host.getByTestId("room-code").textContent())!.trim();
  for (const guest of guests) {
    await guest.getByLabel("Room code").fill(code);
    await guest.getByRole("button", { name: "Join", exact: true }).click();
    await expect(guest.getByTestId("room-code")).toHaveText(code);
  }
  return code;
}

/** Everyone ready, and the host starts. */
export async function startGame(host: Page, players: Page[]): Promise<void> {
  for (const page of players) await page.getByRole("button", { name: "Ready" }).click();
  await host.getByRole("button", { name: "Start game" }).click();
}
