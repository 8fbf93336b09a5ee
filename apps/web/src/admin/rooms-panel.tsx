import { MODE_IDS, type AdminRoom, type ModeId, type RoomPhase } from "@lobby/contracts";
import { useId, useMemo, useState } from "react";
import { ActionDialog, checkReason, NoticeLine, ReasonField, useNotice } from "./action-dialog";
import { adminConnection } from "./admin-connection";
import { formatCount, formatDuration, modeName, PHASE_LABELS } from "./admin-format";
import { useAdminStore } from "./admin-store";

/* The rooms, filtered by mode, phase and a code or a player's name; closing one with a reason. */

/** The most rows drawn at once; the filters narrow the rest down. */
export const ROOMS_SHOWN = 100;

export interface RoomFilter {
  mode: ModeId | "all";
  phase: RoomPhase | "all";
  text: string;
}

/** The rooms `filter` lets through: its mode, its phase, and a code or a seated player's name containing the text. */
export function filterRooms(rooms: readonly AdminRoom[], filter: RoomFilter): AdminRoom[] {
  const text = filter.text.trim().toLowerCase();
  return rooms.filter(
    (room) =>
      (filter.mode === "all" || room.mode === filter.mode) &&
      (filter.phase === "all" || room.phase === filter.phase) &&
      (text === "" ||
        room.code.toLowerCase().includes(text) ||
        room.seats.some((seat) => seat.name.toLowerCase().includes(text))),
  );
}

export function RoomsPanel() {
  const rooms = useAdminStore((s) => s.snapshot?.rooms);
  const roomsTotal = useAdminStore((s) => s.snapshot?.roomsTotal ?? 0);
  const now = useAdminStore((s) => s.snapshot?.at ?? 0);
  const [filter, setFilter] = useState<RoomFilter>({ mode: "all", phase: "all", text: "" });
  const [closing, setClosing] = useState<AdminRoom | null>(null);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useNotice();
  const textId = useId();
  const shown = useMemo(() => filterRooms(rooms ?? [], filter), [rooms, filter]);
  if (!rooms) return null;

  return (
    <section className="admin-panel card" aria-labelledby="rooms-title">
      <header className="admin-panel-head">
        <h2 id="rooms-title" className="admin-section-title">
          Rooms <span className="admin-count">{formatCount(roomsTotal)}</span>
        </h2>
      </header>
      <div className="admin-filters" role="search" aria-label="Filter rooms">
        <FilterSelect
          label="Game"
          value={filter.mode}
          onChange={(mode) => setFilter({ ...filter, mode })}
          options={[["all", "All games"], ...MODE_IDS.map((mode) => [mode, modeName(mode)] as const)]}
        />
        <FilterSelect
          label="Phase"
          value={filter.phase}
          onChange={(phase) => setFilter({ ...filter, phase })}
          options={[
            ["all", "All phases"],
            ...(Object.keys(PHASE_LABELS) as RoomPhase[]).map((p) => [p, PHASE_LABELS[p]] as const),
          ]}
        />
        <div className="admin-field admin-field--grow">
          <label htmlFor={textId} className="admin-field-label">
            Code or player
          </label>
          <input
            id={textId}
            className="text-input text-input--small"
            type="search"
            placeholder="K7QX3P or a name"
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </div>
      </div>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {shown.length === 0 ? (
        <p className="admin-empty">{rooms.length === 0 ? "No rooms right now." : "No room matches these filters."}</p>
      ) : (
        <ul className="admin-rooms" aria-label="Rooms">
          {shown.slice(0, ROOMS_SHOWN).map((room) => (
            <RoomRow
              key={room.id}
              room={room}
              now={now}
              onClose={() => {
                setReason("");
                setClosing(room);
              }}
            />
          ))}
        </ul>
      )}
      {shown.length > ROOMS_SHOWN && (
        <p className="admin-more">
          Showing {ROOMS_SHOWN} of {formatCount(shown.length)} rooms: narrow the filters to see the others.
        </p>
      )}
      {closing && (
        <ActionDialog
          title={`Close room ${closing.code}?`}
          lead={
            <p>
              Its game ends unrated, and {seatedNames(closing)} {closing.spectators > 0 && "and its spectators "}go back
              to the lobby, told your reason.
            </p>
          }
          confirmLabel="Close room"
          danger
          validate={() => checkReason(reason)}
          run={() => adminConnection.request("admin:close-room", { roomId: closing.id, reason: reason.trim() })}
          onDone={() => {
            setNotice({ kind: "ok", text: `Closed room ${closing.code}.` });
            setClosing(null);
          }}
          onClose={() => setClosing(null)}
        >
          <ReasonField value={reason} onChange={setReason} hint="Players see “An admin closed the room: …”." />
        </ActionDialog>
      )}
    </section>
  );
}

interface FilterSelectProps<V extends string> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly (readonly [V, string])[];
}

function FilterSelect<V extends string>({ label, value, onChange, options }: FilterSelectProps<V>) {
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id} className="admin-field-label">
        {label}
      </label>
      <select
        id={id}
        className="select-input select-input--small"
        value={value}
        onChange={(event) => onChange(options.find(([v]) => v === event.target.value)?.[0] ?? value)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function seatedNames(room: AdminRoom): string {
  const names = room.seats.map((seat) => seat.name);
  if (names.length === 0) return "nobody seated";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function RoomRow({ room, now, onClose }: { room: AdminRoom; now: number; onClose: () => void }) {
  return (
    <li className="admin-room" data-testid={`room-${room.code}`}>
      <div className="admin-room-head">
        <span className="admin-room-mode">{modeName(room.mode)}</span>
        <span className="admin-badge" data-phase={room.phase}>
          {PHASE_LABELS[room.phase]}
        </span>
        <code className="admin-code">{room.code}</code>
        <span className="admin-faint">
          {room.kind === "quick" ? "Quick match" : "Custom"} · {room.visibility === "private" ? "private" : "public"}
          {room.rated && " · rated"}
          {room.round > 1 && ` · game ${room.round}`}
        </span>
      </div>
      <ul className="admin-seats" aria-label="Players">
        {room.seats.map((seat) => (
          <li key={seat.playerId} className="admin-seat" data-status={seat.status}>
            <span className="admin-dot" aria-hidden="true" />
            {seat.name}
            {seat.status !== "connected" && (
              <span className="admin-faint"> ({seat.status === "left" ? "left" : "away"})</span>
            )}
          </li>
        ))}
        {room.seats.length === 0 && <li className="admin-faint">No players</li>}
      </ul>
      <p className="admin-room-meta">
        <span>
          {room.spectators} {room.spectators === 1 ? "spectator" : "spectators"}
        </span>
        <span>open {formatDuration(Math.max(0, now - room.createdAt))}</span>
      </p>
      <button
        type="button"
        className="button button--danger button--small admin-room-close"
        aria-haspopup="dialog"
        aria-label={`Close room ${room.code}`}
        onClick={onClose}
      >
        Close room
      </button>
    </li>
  );
}
