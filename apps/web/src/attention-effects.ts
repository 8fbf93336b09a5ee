import {
  attentionEvents,
  attentionSnapshot,
  decideAll,
  NO_BADGE,
  nextBadge,
  titleWithBadge,
  type AttentionSnapshot,
  type TurnOf,
} from "./attention";
import { noteMatch, notificationPermission, useAttentionSettings } from "./attention-settings";
import { playSound, unlockAudio } from "./attention-sounds";
import { gameWeb } from "./game-web";
import { useLobbyStore } from "./store";

/*
 * The thin edge of attention.ts: it watches the store, asks attention.ts what
 * each change calls for, and does it — a sound (Web Audio), a notification,
 * the tab's title. Nothing here decides anything.
 */

let badge = NO_BADGE;

/** Start listening (once, at start-up); the player app only. */
export function startAttention(): void {
  const baseTitle = document.title;
  const turnOf: TurnOf = (room) => (room.game ? (gameWeb(room.mode).turn?.(room.game) ?? null) : null);
  let before: AttentionSnapshot = attentionSnapshot(useLobbyStore.getState(), turnOf);

  useLobbyStore.subscribe((state) => {
    const after = attentionSnapshot(state, turnOf);
    const gameName = (mode: string) => state.session?.modes.find((m) => m.id === mode)?.name ?? mode;
    const events = attentionEvents(before, after, state.session?.player.id ?? null, gameName);
    before = after;
    if (events.length === 0) return;
    if (events.some((e) => e.kind === "match-found" || e.kind === "game-over")) noteMatch();

    const hidden = document.visibilityState === "hidden";
    const { muted } = useAttentionSettings.getState();
    const decision = decideAll(events, { hidden, muted, notifications: notificationPermission() });
    if (decision.sound) playSound(decision.sound);
    if (decision.notification) notify(decision.notification.title, decision.notification.body);
    badge = nextBadge(badge, decision.badges, hidden);
    document.title = titleWithBadge(baseTitle, badge);
  });

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") return;
    badge = nextBadge(badge, [], false);
    document.title = titleWithBadge(baseTitle, badge);
    // The player may have changed the permission in the browser's settings meanwhile.
    useAttentionSettings.setState({ notifications: notificationPermission() });
  });

  // Audio may only start after the player uses the page; the first click or key press unlocks it.
  for (const type of ["pointerdown", "keydown"] as const) {
    window.addEventListener(type, unlockAudio, { capture: true, passive: true });
  }
}

function notify(title: string, body: string): void {
  try {
    // One at a time: a newer call replaces the older one (same tag) rather than stacking.
    const notification = new Notification(title, { body, tag: "lobby", icon: "/favicon.svg" });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers (Android Chrome) allow notifications only from a service worker; the title badge still says it.
  }
}
