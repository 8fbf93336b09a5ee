import { create } from "zustand";

/*
 * The player's choices about sound and notifications, remembered in
 * localStorage across visits: muted or not, whether they turned the offer of
 * notifications down, and whether they have had a match yet (the offer waits
 * for one). Storage can throw (private mode); then the choices last the visit.
 */

const MUTED_KEY = "lobby:muted";
const OFFER_KEY = "lobby:notify-offer";
const MATCHED_KEY = "lobby:had-match";

export type NotificationState = NotificationPermission | "unsupported";

export interface AttentionSettings {
  muted: boolean;
  /** The browser's permission for notifications, as last seen. */
  notifications: NotificationState;
  /** The player said "No thanks" to notifications: never offer again. */
  offerDismissed: boolean;
  /** The player has had a match (found or finished) on this device. */
  hadMatch: boolean;
}

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

function write(key: string, value: boolean): void {
  try {
    if (value) localStorage.setItem(key, "1");
    else localStorage.removeItem(key);
  } catch {
    // Remembered for this visit only.
  }
}

/** The browser's notification permission now, or "unsupported". */
export function notificationPermission(): NotificationState {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

export const useAttentionSettings = create<AttentionSettings>()(() => ({
  muted: read(MUTED_KEY),
  notifications: notificationPermission(),
  offerDismissed: read(OFFER_KEY),
  hadMatch: read(MATCHED_KEY),
}));

export function setMuted(muted: boolean): void {
  write(MUTED_KEY, muted);
  useAttentionSettings.setState({ muted });
}

export function dismissNotificationOffer(): void {
  write(OFFER_KEY, true);
  useAttentionSettings.setState({ offerDismissed: true });
}

export function noteMatch(): void {
  if (useAttentionSettings.getState().hadMatch) return;
  write(MATCHED_KEY, true);
  useAttentionSettings.setState({ hadMatch: true });
}

/** Ask the browser for notifications (only ever from the player's own click). */
export async function requestNotifications(): Promise<void> {
  if (typeof Notification === "undefined") return;
  const permission = await Notification.requestPermission();
  useAttentionSettings.setState({ notifications: permission });
}
