import { useEffect, useRef } from "react";
import { useLobbyStore } from "../store";
import { RoomGame } from "./room-game";
import { RoomSetup } from "./room-setup";

/** Before the first game: the room's lobby. From then on: the game (and its rematches). */
export function RoomScreen() {
  const stage = useLobbyStore((s) => (s.room ? (s.room.game === null ? "setup" : "game") : null));
  const heading = useRef<HTMLHeadingElement>(null);

  // Entering a room, and the game starting, are context switches: move focus
  // so keyboard and screen-reader users start at the top of the new screen.
  useEffect(() => {
    heading.current?.focus();
  }, [stage]);

  if (stage === "setup") return <RoomSetup headingRef={heading} />;
  if (stage === "game") return <RoomGame headingRef={heading} />;
  return null;
}
