import { GameView, MODE_IDS, RoomView } from "@lobby/contracts";
import { games } from "../games/registry";
import type { LobbyStore } from "./store";
import { toRoomView } from "./room-view";

/**
 * The lobby's invariants, checked against the store. Returns every
 * violation found (empty when all hold), so a failing property shows them all.
 */
export async function checkInvariants(store: LobbyStore, now: number): Promise<string[]> {
  const problems: string[] = [];
  const players = new Map<string, Awaited<ReturnType<LobbyStore["getPlayer"]>>>();
  for (const id of await store.listPlayerIds()) players.set(id, await store.getPlayer(id));

  const placements = new Map<string, string[]>();
  const place = (playerId: string, where: string) => {
    placements.set(playerId, [...(placements.get(playerId) ?? []), where]);
  };

  for (const mode of MODE_IDS) {
    for (const entry of await store.listQueue(mode)) {
      place(entry.playerId, `queue:${mode}`);
      const player = players.get(entry.playerId);
      if (player?.location.kind !== "queued" || player.location.mode !== mode) {
        problems.push(`queue ${mode} holds ${entry.playerId}, whose location is ${JSON.stringify(player?.location)}`);
      }
    }
  }

  for (const roomId of await store.listRoomIds()) {
    const room = await store.getRoom(roomId);
    if (!room) continue;
    const game = games[room.mode];
    const present = room.seats.filter((s) => s.status !== "left");
    if (present.length === 0) problems.push(`room ${roomId} has no player but was not destroyed`);
    if (present.length > room.maxPlayers) problems.push(`room ${roomId} is over capacity`);
    if (room.maxPlayers > game.mode.maxPlayers) problems.push(`room ${roomId} allows more than the mode's maximum`);
    if ((await store.roomIdByCode(room.code)) !== roomId) problems.push(`room ${roomId}'s code does not lead to it`);
    if ((room.phase === "playing" || room.phase === "finished") !== (room.game !== null)) {
      problems.push(`room ${roomId} is ${room.phase} with game ${room.game === null ? "missing" : "present"}`);
    }
    if (room.phase === "countdown" && room.countdownEndsAt === null) problems.push(`room ${roomId} counts down to nothing`);
    for (const seat of present) {
      place(seat.playerId, `seat:${roomId}`);
      const player = players.get(seat.playerId);
      if (!player) {
        problems.push(`room ${roomId} seats ${seat.playerId}, who has no session`);
        continue;
      }
      if (player.location.kind !== "seated" || player.location.roomId !== roomId) {
        problems.push(`room ${roomId} seats ${seat.playerId}, whose location is ${JSON.stringify(player.location)}`);
      }
      if ((seat.status === "disconnected") !== (player.connectionId === null)) {
        problems.push(`seat of ${seat.playerId} is ${seat.status} but the session is ${player.connectionId ? "connected" : "away"}`);
      }
    }
    for (const spectator of room.spectators) place(spectator.playerId, `watch:${roomId}`);
    if (room.game !== null) {
      const view = toRoomView(room, game, null);
      const parsed = RoomView.safeParse(view);
      if (!parsed.success) problems.push(`room ${roomId} view breaks the contract: ${parsed.error.message.slice(0, 200)}`);
      problems.push(...gameProblems(roomId, view.game, room.seats.length));
    }
  }

  for (const [id, player] of players) {
    if (!player) continue;
    if (player.awayUntil !== null && player.awayUntil < now) problems.push(`${id}'s session outlived its grace period`);
    if ((player.connectionId === null) !== (player.awayUntil !== null)) problems.push(`${id} is neither connected nor away`);
    if ((player.connectionId === null) !== (player.node === null)) problems.push(`${id}'s connection and node disagree`);
    const where = placements.get(id) ?? [];
    if (where.length > 1) problems.push(`${id} is in ${where.join(" and ")}`);
    const expected = player.location.kind === "idle" ? 0 : 1;
    if (where.length !== expected) problems.push(`${id} is ${player.location.kind} but placed in ${where.length} places`);
  }
  for (const [id, where] of placements) {
    if (!players.has(id)) problems.push(`${id} has no session but is in ${where.join(", ")}`);
  }
  return problems;
}

function gameProblems(roomId: string, view: RoomView["game"], seats: number): string[] {
  if (!view) return [];
  if (!GameView.safeParse(view).success) return [`room ${roomId} game view breaks the contract`];
  if (view.mode === "connect-four") {
    const discs = [0, 1].map((seat) => view.board.filter((c) => c === seat).length);
    const diff = Math.abs(discs[0]! - discs[1]!);
    const floating = view.board.some((cell, i) => cell !== null && i + view.columns < view.board.length && view.board[i + view.columns] === null);
    return [
      ...(diff > 1 ? [`room ${roomId} has ${discs.join(" vs ")} discs`] : []),
      ...(floating ? [`room ${roomId} has a floating disc`] : []),
    ];
  }
  const problems: string[] = [];
  if (view.riders.length !== seats) problems.push(`room ${roomId} has ${view.riders.length} riders for ${seats} seats`);
  if (view.cells.length !== view.width * view.height) problems.push(`room ${roomId} arena has the wrong size`);
  for (const rider of view.riders) {
    if (rider.x < 0 || rider.y < 0 || rider.x >= view.width || rider.y >= view.height) {
      if (rider.alive) problems.push(`room ${roomId} rider ${rider.seat} is alive outside the arena`);
    }
  }
  return problems;
}
