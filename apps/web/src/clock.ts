import { useSyncExternalStore } from "react";
import { useLobbyStore } from "./store";

/*
 * One shared ticker for every countdown on screen. It ticks faster than once
 * a second so displayed seconds never skip when the timer drifts, and it only
 * runs while something is subscribed.
 */
const TICK_MS = 250;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;

/** This machine's current time (ms), ticking while on screen. */
export function useLocalNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}

/** The server's current time (ms), estimated from the offset measured at session start. */
export function useServerNow(): number {
  const local = useLocalNow();
  const offset = useLobbyStore((s) => s.clockOffsetMs);
  return local + offset;
}
