import { PARTY_MAX_SIZE } from "@lobby/contracts";
import { games } from "../games/registry";
import type { Snapshot } from "./invariants";

/* The lobby's invariants about parties (see `checkInvariants`). */

/**
 * Parties: each member's session names the party and the party lists each
 * session that names it; a leader among at most `PARTY_MAX_SIZE` members; a
 * searching party is one queue entry holding exactly its members, all
 * queued with it; and in a team game, the members of a party that came
 * through quick match play on one team.
 */
export function partyProblems({ players, parties, queues, rooms }: Snapshot): string[] {
  const problems: string[] = [];
  for (const party of parties.values()) {
    const ids = party.members.map((m) => m.playerId);
    if (ids.length === 0 || ids.length > PARTY_MAX_SIZE) problems.push(`party ${party.id} has ${ids.length} members`);
    if (new Set(ids).size !== ids.length) problems.push(`party ${party.id} lists a member twice`);
    if (!ids.includes(party.leaderId)) problems.push(`party ${party.id} is led by ${party.leaderId}, not a member`);
    for (const id of ids) {
      const player = players.get(id);
      if (player?.partyId !== party.id) {
        problems.push(
          `party ${party.id} lists ${id}, ${player ? `whose session names ${player.partyId}` : "who has no session"}`,
        );
      }
    }
    const entries = [...queues].flatMap(([mode, queue]) =>
      queue.filter((e) => e.party?.id === party.id).map((entry) => ({ mode, entry })),
    );
    const { queued } = party;
    if (!queued) {
      if (entries.length > 0) problems.push(`party ${party.id} does not search but has a queue entry`);
      continue;
    }
    const [found, ...more] = entries;
    if (!found || more.length > 0 || found.mode !== queued.mode || found.entry.playerId !== queued.entry) {
      problems.push(`party ${party.id} searches ${queued.mode} but has ${entries.length} queue entries`);
    } else if ([...(found.entry.party?.members ?? [])].sort().join() !== [...ids].sort().join()) {
      problems.push(
        `party ${party.id}'s queue entry holds ${found.entry.party?.members.join()} for members ${ids.join()}`,
      );
    }
  }
  for (const player of players.values()) {
    if (player.partyId && !parties.get(player.partyId)?.members.some((m) => m.playerId === player.id)) {
      problems.push(
        `${player.id} is in party ${player.partyId}, which ${parties.has(player.partyId) ? "does not list them" : "is gone"}`,
      );
    }
    const { location } = player;
    if (location.kind === "queued" && location.party && parties.get(location.party)?.queued?.mode !== location.mode) {
      problems.push(`${player.id} searches with party ${location.party}, which is not searching ${location.mode}`);
    }
  }
  for (const room of rooms.values()) {
    if (room.kind !== "quick" || !games[room.mode].mode.teams || room.phase === "waiting" || room.phase === "countdown")
      continue;
    const teamOf = new Map<string, number | undefined>();
    for (const seat of room.seats) {
      if (seat.party === undefined) continue;
      if (teamOf.has(seat.party) && teamOf.get(seat.party) !== seat.team) {
        problems.push(`room ${room.id} splits party ${seat.party} across teams`);
      }
      teamOf.set(seat.party, seat.team);
    }
  }
  return problems;
}
