import { useMemo } from "react";
import { roomMessages } from "../chat-state";
import { roomNameLabels, type NameLabels } from "../room-names";
import { useLobbyStore } from "../store";

/** The labels that tell apart players with the same name in the room on screen (room-names.ts). */
export function useRoomNames(): NameLabels {
  // A string, so the selector's result stays equal while the labels do.
  const key = useLobbyStore((s) => JSON.stringify([...roomNameLabels(s.room, roomMessages(s))]));
  return useMemo(() => new Map(JSON.parse(key) as [string, string][]), [key]);
}
