import type { RefObject } from "react";
import { RoomChatPanel } from "../components/chat-tabs";
import { HostSettings } from "../components/host-settings";
import { InviteCard } from "../components/invite-card";
import { RatedBadge } from "../components/rating-badge";
import { ReadyControls } from "../components/ready-controls";
import { RoomCountdown } from "../components/room-countdown";
import { Roster } from "../components/roster";
import { useRoomNames } from "../components/use-room-names";
import { SpectatorCount, WatchingBanner } from "../components/watching-banner";
import { roomMessages } from "../chat-state";
import { leaveRoom } from "../room-actions";
import { useLobbyStore } from "../store";

/** The room before its first game: invite, roster, ready check, host controls and chat. */
export function RoomSetup({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const room = useLobbyStore((s) => s.room);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const watching = useLobbyStore((s) => s.watchingRoomId !== null);
  const modes = useLobbyStore((s) => s.session?.modes);
  const messages = useLobbyStore(roomMessages);
  const names = useRoomNames();
  if (!room) return null;

  const mode = modes?.find((m) => m.id === room.mode);
  const me = watching ? null : (room.seats.find((seat) => seat.player.id === myId) ?? null);
  const amHost = me !== null && room.hostId === me.player.id;
  const kind =
    room.kind === "quick" ? "Quick match room" : room.visibility === "private" ? "Private room" : "Public room";

  return (
    <section className="room-setup" aria-labelledby="room-title">
      <header className="setup-head">
        <div className="setup-title">
          <p className="setup-kind">
            <span className="eyebrow">{kind}</span>
            {room.rated && <RatedBadge />}
          </p>
          <h1 id="room-title" ref={headingRef} tabIndex={-1}>
            {mode?.name ?? room.mode}
          </h1>
          <p className="setup-sub">
            {room.seats.length} of {room.maxPlayers} seats taken
            {mode && mode.minPlayers > 1 && ` · needs at least ${mode.minPlayers}`}
          </p>
        </div>
        {/* A quick-match room fills from the queue: its code needs no big card. */}
        <InviteCard code={room.code} compact={room.kind === "quick"} />
      </header>

      {watching && <WatchingBanner spectatorCount={room.spectatorCount} />}

      <div className="setup-body">
        <div className="setup-main">
          {room.phase === "countdown" && room.countdownEndsAt !== null && (
            <div className="setup-countdown">
              <RoomCountdown endsAt={room.countdownEndsAt} />
            </div>
          )}
          <div className="panel">
            <div className="panel-head">
              <h2 className="panel-title">Players</h2>
              <SpectatorCount count={room.spectatorCount} />
            </div>
            <Roster room={room} myPlayerId={myId} names={names} />
          </div>
          {me && <ReadyControls room={room} me={me} mode={mode} names={names} />}
          {amHost && room.kind === "custom" && <HostSettings room={room} mode={mode} />}
        </div>

        <aside className="setup-side">
          <RoomChatPanel
            messages={messages}
            watching={watching}
            names={names}
            emptyText="Nobody has said anything yet. Say hello!"
          />
          <button type="button" className="button button--ghost setup-leave" onClick={leaveRoom}>
            Leave
          </button>
        </aside>
      </div>
    </section>
  );
}
