import type { RoomView } from "@lobby/contracts";
import { labelOf, NO_LABELS, type NameLabels } from "../room-names";
import { teamName, teamsOf } from "./roster";

/**
 * The room's running score across play again, for the room's header:
 * "Ada 2 – 1 Bob" for two players, "Warm 2 – 1 Cool" for two teams, each
 * player's wins for more. Nothing before the first result (or after a
 * newcomer started it afresh).
 */
export function RoomScore({ room, names = NO_LABELS }: { room: RoomView; names?: NameLabels }) {
  const { score } = room;
  if (!score) return null;
  const teams = teamsOf(room.seats);
  const sides =
    score.teamWins && teams.length > 0
      ? teams.map(({ team, seats }) => ({
          key: `team-${team}`,
          name: teamName(room, team, seats[0]),
          wins: score.teamWins?.[team] ?? 0,
        }))
      : room.seats.map((seat) => ({ key: seat.player.id, name: labelOf(names, seat.player), wins: seat.wins }));
  const draws = score.draws === 0 ? "" : ` · ${score.draws} ${score.draws === 1 ? "draw" : "draws"}`;
  const spoken = `Score: ${sides.map((side) => `${side.name} ${side.wins}`).join(", ")}${draws}.`;
  return (
    <span
      className="room-score"
      data-testid="room-score"
      title={`${score.games} ${score.games === 1 ? "game" : "games"} played${draws}`}
    >
      <span className="visually-hidden">{spoken}</span>
      <span className="room-score-line" aria-hidden="true">
        {sides.length === 2 ? (
          <>
            <span className="room-score-name">{sides[0]!.name}</span>
            <strong className="room-score-wins">
              {sides[0]!.wins} – {sides[1]!.wins}
            </strong>
            <span className="room-score-name">{sides[1]!.name}</span>
          </>
        ) : (
          sides.map((side) => (
            <span key={side.key} className="room-score-side">
              <span className="room-score-name">{side.name}</span>{" "}
              <strong className="room-score-wins">{side.wins}</strong>
            </span>
          ))
        )}
      </span>
    </span>
  );
}
