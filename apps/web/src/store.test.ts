import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { initialState } from "./lobby-state";
import { TOAST_DURATION_MS, dismissToast, showToast, useLobbyStore } from "./store";

describe("showToast", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useLobbyStore.setState(initialState, true);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("adds a toast and dismisses it on its own", () => {
    const id = showToast("info", "You're back online.");
    expect(useLobbyStore.getState().toasts).toEqual([{ id, kind: "info", message: "You're back online." }]);
    vi.advanceTimersByTime(TOAST_DURATION_MS - 1);
    expect(useLobbyStore.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(useLobbyStore.getState().toasts).toHaveLength(0);
  });

  it("keeps errors up longer than notices", () => {
    showToast("error", "Column 3 is full.");
    vi.advanceTimersByTime(TOAST_DURATION_MS);
    expect(useLobbyStore.getState().toasts.map((t) => t.message)).toEqual(["Column 3 is full."]);
    vi.runAllTimers();
    expect(useLobbyStore.getState().toasts).toHaveLength(0);
  });

  it("stays until dismissed when sticky", () => {
    const id = showToast("error", "An admin closed the room: spam.", { sticky: true });
    vi.runAllTimers();
    expect(useLobbyStore.getState().toasts.map((t) => t.message)).toEqual(["An admin closed the room: spam."]);
    dismissToast(id);
    expect(useLobbyStore.getState().toasts).toHaveLength(0);
  });

  it("can be dismissed early", () => {
    const id = showToast("error", "It is not your turn.");
    dismissToast(id);
    expect(useLobbyStore.getState().toasts).toHaveLength(0);
  });
});
