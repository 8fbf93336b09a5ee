import type { ModeInfo, RoomSummary } from "@lobby/contracts";
import { RatedBadge } from "./rating-badge";
import { useId, useState } from "react";
import { lobbyConnection } from "../lobby-connection";
import { watchRoom } from "../room-actions";
import { phaseLabel, roomAction, visibleRooms, type RoomFilter } from "../room-list";
import { useLobbyStore } from "../store";

interface RoomBrowserProps {
  modes: readonly ModeInfo[];
  /**
   * Leave the filter out while a modal form covers the page: its "Filter by
   * game" label would otherwise compete with the form's own "Game" field.
   */
  hideFilter?: boolean;
}

/**
 * The live list of rooms a player can join or watch (the server leaves out
 * private rooms, quick-match rooms and finished games); kept current by
 * pushes while the lobby screen is open.
 */
export function RoomBrowser({ modes, hideFilter = false }: RoomBrowserProps) {
  const rooms = useLobbyStore((s) => s.rooms);
  const [filter, setFilter] = useState<RoomFilter>("all");
  const filterId = useId();
  const titleId = useId();
  const shown = rooms ? visibleRooms(rooms, filter) : [];
  const modeName = (id: string) => modes.find((m) => m.id === id)?.name ?? id;

  return (
    <section className="browser" data-testid="room-browser" aria-labelledby={titleId}>
      <div className="browser-head">
        <h2 id={titleId} className="section-title">
          Open rooms
        </h2>
        {/* Nothing to filter while nothing is listed (a filter that hides rooms keeps its place, though). */}
        {!hideFilter && (filter !== "all" || (rooms?.length ?? 0) > 0) && (
          <div className="browser-filter">
            <label htmlFor={filterId}>Filter by game</label>
            <select
              id={filterId}
              className="select-input select-input--small"
              value={filter}
              onChange={(event) => setFilter(event.target.value as RoomFilter)}
            >
              <option value="all">All games</option>
              {modes.map((mode) => (
                <option key={mode.id} value={mode.id}>
                  {mode.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {rooms === null ? (
        <p className="browser-empty" aria-busy="true">
          <span className="spinner" aria-hidden="true" /> Loading rooms…
        </p>
      ) : shown.length === 0 ? (
        <div className="browser-empty">
          <p className="browser-empty-title">
            {rooms.length === 0 ? "No open rooms right now" : `No ${modeName(filter)} rooms right now`}
          </p>
          <p>Create one and invite your friends, or use Quick match to find players.</p>
        </div>
      ) : (
        <ul className="browser-list" aria-label="Public rooms">
          {shown.map((room) => (
            <RoomRow key={room.id} room={room} modeName={modeName(room.mode)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RoomRow({ room, modeName }: { room: RoomSummary; modeName: string }) {
  const action = roomAction(room);
  const full = room.players >= room.maxPlayers;
  return (
    <li className="browser-row" data-testid={`room-row-${room.code}`} data-mode={room.mode} data-phase={room.phase}>
      <span className="browser-mode" data-mode={room.mode} aria-hidden="true" />
      <span className="browser-main">
        <span className="browser-title">
          <strong className="browser-game">{modeName}</strong>
          <span className="browser-code">{room.code}</span>
          {room.rated && <RatedBadge />}
        </span>
        {room.hostName && (
          <span className="browser-host">
            Host <strong>{room.hostName}</strong>
          </span>
        )}
      </span>
      <span className="browser-facts">
        <span className="browser-players" title="Players / seats">
          <span className="visually-hidden">Players: </span>
          <span data-testid="room-players">
            {room.players}/{room.maxPlayers}
          </span>
        </span>
        <span className="browser-phase" data-phase={room.phase}>
          {phaseLabel(room.phase)}
          {full && (room.phase === "waiting" || room.phase === "countdown") ? " · Full" : ""}
        </span>
        {room.spectatorCount > 0 && <span className="browser-spectators">{room.spectatorCount} watching</span>}
      </span>
      <span className="browser-action">
        {action === "join" && (
          <button
            type="button"
            className="button button--primary button--small"
            aria-label={`Join room ${room.code}`}
            onClick={() => void lobbyConnection.enterByCode(room.code)}
          >
            Join
          </button>
        )}
        {action === "watch" && (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={`Watch room ${room.code}`}
            onClick={() => void watchRoom(room.code)}
          >
            Watch
          </button>
        )}
      </span>
    </li>
  );
}
