import type { TrailsArena, TrailsDirection } from "../schemas";
import { useEffect, useEffectEvent, useRef, type PointerEvent } from "react";
import { directionForKey, planTurn, settlePending, swipeDirection, type PendingTurns } from "./trails-logic";

/** CSS pixels a finger must travel before a swipe counts: short enough for a flick. */
const SWIPE_PX = 22;

interface SteeringOptions {
  view: TrailsArena;
  mySeat: number | null;
  /** Whether input should steer now: a seated player whose rider is alive in a running round. */
  enabled: boolean;
  onSteer: (direction: TrailsDirection) => void;
}

/** Input handlers that turn key presses, swipes and pad taps into steering. */
export interface Steering {
  /** Steer, unless the server would refuse or ignore the turn. */
  steer: (direction: TrailsDirection) => void;
  /** Spread onto the element that takes swipes. */
  swipe: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: () => void;
    onPointerCancel: () => void;
  };
}

function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Keyboard (arrows and WASD, page-wide while `enabled`), swipes and direct
 * steering. Turns the server would refuse are dropped here so a flurry of
 * input never turns into a flurry of error toasts.
 */
export function useSteering({ view, mySeat, enabled, onSteer }: SteeringOptions): Steering {
  const pending = useRef<PendingTurns>({ tick: view.tick, turns: [] });
  // Where the current swipe started, or last turned: one drag can turn twice.
  const anchor = useRef<{ id: number; x: number; y: number } | null>(null);
  const me = mySeat === null ? undefined : view.riders.find((rider) => rider.seat === mySeat);

  function steer(direction: TrailsDirection) {
    if (!enabled || !me) return;
    const settled = settlePending(pending.current, view.tick);
    const turns = planTurn(me.direction, settled.turns, direction);
    pending.current = turns ? { tick: view.tick, turns } : settled;
    if (turns) onSteer(direction);
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // The chat box and any other field keep their keys.
    if (isTypingInto(event.target)) return;
    const direction = directionForKey(event);
    if (!direction) return;
    event.preventDefault();
    if (!event.repeat) steer(direction);
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);

  return {
    steer,
    swipe: {
      onPointerDown(event) {
        if (!enabled || !event.isPrimary || event.button > 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        anchor.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      },
      onPointerMove(event) {
        const start = anchor.current;
        if (!start || start.id !== event.pointerId) return;
        const direction = swipeDirection(event.clientX - start.x, event.clientY - start.y, SWIPE_PX);
        if (!direction) return;
        anchor.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
        steer(direction);
      },
      onPointerUp() {
        anchor.current = null;
      },
      onPointerCancel() {
        anchor.current = null;
      },
    },
  };
}
