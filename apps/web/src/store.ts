import { create } from "zustand";
import { addToast, initialState, removeToast, type LobbyState, type ToastKind } from "./lobby-state";

/** The single app store. Written by the connection module, read by components through selectors. */
export const useLobbyStore = create<LobbyState>()(() => initialState);

/** Apply a pure transition from lobby-state.ts. */
export function update(transition: (state: LobbyState) => LobbyState): void {
  useLobbyStore.setState(transition, true);
}

export const TOAST_DURATION_MS = 6000;
let nextToastId = 1;

export interface ToastOptions {
  /** Stay until dismissed: news the player must not miss (why they are no longer in their room). */
  sticky?: boolean;
}

/** Show a toast that dismisses itself (unless `sticky`). */
export function showToast(kind: ToastKind, message: string, options: ToastOptions = {}): number {
  const id = nextToastId++;
  update((state) => addToast(state, { id, kind, message }));
  if (options.sticky) return id;
  // Errors stay a little longer: they usually explain why a click did nothing.
  const duration = kind === "error" ? TOAST_DURATION_MS + 2000 : TOAST_DURATION_MS;
  setTimeout(() => dismissToast(id), duration);
  return id;
}

export function dismissToast(id: number): void {
  update((state) => removeToast(state, id));
}
