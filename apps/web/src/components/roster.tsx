import type { RoomView, SeatView } from "@lobby/contracts";
import { useId, type ReactNode } from "react";
import { gameWeb } from "../game-web";
import { labelOf, NO_LABELS, type NameLabels } from "../room-names";
import { useLobbyStore } from "../store";
import { SeatRow } from "./roster-seat";

interface RosterProps {
  room: RoomView;
  /** The viewer's player id; a spectator matches no seat. */
  myPlayerId: string;
  /** Turn-based games: the seat to move, highlighted; null when nobody is. */
  turn?: number | null;
  /** What to call each player where names are shared (room-names.ts). */
  names?: NameLabels;
}

/**
 * Everyone seated. Before the start it shows readiness, open seats and the
 * host's kick buttons; during and after a game, connection, rider state and
 * rematch requests. Every seat shows its rating, and after a rated result how
 * much it moved. Seats that came as a party share a mark; once a team game
 * has drawn its teams, the seats are grouped by team. While our own
 * connection is down nobody's state is known: no seat claims to be
 * connected, to have a round trip, or to be moving.
 */
export function Roster({ room, myPlayerId, turn = null, names = NO_LABELS }: RosterProps) {
  const latency = useLobbyStore((s) => (s.latency?.roomId === room.id ? s.latency.samples : null));
  const offline = useLobbyStore((s) => s.connection !== "connected");
  const realtime = useLobbyStore((s) => s.session?.modes.find((m) => m.id === room.mode)?.realtime ?? true);
  const pregame = room.phase === "waiting" || (room.phase === "countdown" && room.game === null);
  const amHost = room.hostId !== null && room.hostId === myPlayerId;
  const web = gameWeb(room.mode);
  const won = (seat: number) =>
    room.phase !== "playing" && room.result?.kind === "win" && room.result.winners.includes(seat);
  const openSeats = pregame ? Math.max(0, room.maxPlayers - room.seats.length) : 0;
  const marks = partyMarks(room.seats);

  const row = (seat: SeatView) => (
    <SeatRow
      key={seat.player.id}
      room={room}
      seat={seat}
      name={labelOf(names, seat.player)}
      isMe={seat.player.id === myPlayerId}
      isHost={seat.player.id === room.hostId}
      pregame={pregame}
      offline={offline}
      canKick={pregame && amHost && seat.player.id !== myPlayerId && !offline}
      turn={turn === seat.seat && !offline}
      note={room.game && !pregame ? (web.seatNote?.(room.game, seat.seat, won(seat.seat)) ?? null) : null}
      rtt={latency?.[seat.player.id]}
      realtime={realtime}
      partyMark={seat.party !== null && marks.has(seat.party) ? seat.party : null}
    />
  );

  const teams = teamsOf(room.seats);
  if (teams.length > 0) {
    return (
      <div className="roster-teams" data-testid="roster" role="group" aria-label="Players">
        {teams.map(({ team, seats }) => (
          <TeamGroup
            key={team}
            room={room}
            team={team}
            seats={seats}
            mine={seats.some((seat) => seat.player.id === myPlayerId)}
          >
            {seats.map(row)}
          </TeamGroup>
        ))}
      </div>
    );
  }

  return (
    <ul className="roster" data-testid="roster" data-pregame={pregame || undefined} aria-label="Players">
      {room.seats.map(row)}
      {/* A couple of empty chairs show the shape of the table; more just say how many. */}
      {Array.from({ length: openSeats > 2 ? 1 : openSeats }, (_, index) => (
        <li key={`open-${index}`} className="roster-seat roster-seat--open">
          <span className="roster-disc roster-disc--open" aria-hidden="true" />
          <span className="roster-body">
            <span className="roster-name">{openSeats > 2 ? `${openSeats} open seats` : "Open seat"}</span>
            <span className="roster-meta">Waiting for players to join…</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

interface TeamGroupProps {
  room: RoomView;
  team: number;
  seats: readonly SeatView[];
  /** The viewer plays on this team. */
  mine: boolean;
  children: ReactNode;
}

/** One team's seats under its name, in the team's colour. */
function TeamGroup({ room, team, seats, mine, children }: TeamGroupProps) {
  const headingId = useId();
  const web = gameWeb(room.mode);
  const first = seats[0];
  const style = first ? web.seatStyle?.(first.seat, team) : undefined;
  return (
    <section className="roster-team" data-testid={`team-${team}`} aria-labelledby={headingId} style={style}>
      <h3 id={headingId} className="roster-team-name">
        <span className="roster-team-swatch" aria-hidden="true" />
        {teamName(room, team, first)}
        {mine && <span className="badge badge--you">Your team</span>}
      </h3>
      <ul className="roster">{children}</ul>
    </section>
  );
}

/** The game's name for a team ("Warm team"), from what it tells screen readers; "Team 2" otherwise. */
export function teamName(room: RoomView, team: number, seat: SeatView | undefined): string {
  const label = seat ? gameWeb(room.mode).seatLabel?.(seat.seat, team).trim().replace(/\.$/, "") : "";
  return label || `Team ${team + 1}`;
}

/** The seats by team, teams in order; empty until a team game has drawn its teams. */
export function teamsOf(seats: readonly SeatView[]): { team: number; seats: SeatView[] }[] {
  const byTeam = new Map<number, SeatView[]>();
  for (const seat of seats) {
    if (seat.team === null) continue;
    byTeam.set(seat.team, [...(byTeam.get(seat.team) ?? []), seat]);
  }
  return [...byTeam.entries()].sort(([a], [b]) => a - b).map(([team, members]) => ({ team, seats: members }));
}

/** The party numbers shared by two seats or more: a party of one is no party to point out. */
export function partyMarks(seats: readonly SeatView[]): Set<number> {
  const counts = new Map<number, number>();
  for (const seat of seats) if (seat.party !== null) counts.set(seat.party, (counts.get(seat.party) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([party]) => party));
}
