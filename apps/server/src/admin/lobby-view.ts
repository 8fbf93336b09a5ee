import { ADMIN_LIST_LIMIT, MODE_IDS, type AdminPlayer, type AdminRoom, type ModeId } from "@lobby/contracts";
import type { PlayerRecord, RoomRecord } from "../lobby/records";
import type { LobbyStore } from "../lobby/store";

/** Records read at once while scanning the store. */
const BATCH = 200;

/** The lobby's rooms, players and queues as the admin page shows them: the busiest first, capped. */
export interface LobbyView {
  online: number;
  queues: Record<ModeId, number>;
  rooms: AdminRoom[];
  roomsTotal: number;
  players: AdminPlayer[];
  playersTotal: number;
}

/** Read the whole lobby from the store (plain reads, in batches: a view may be a moment behind). */
export async function lobbyView(store: LobbyStore): Promise<LobbyView> {
  const [roomIds, playerIds, queues] = await Promise.all([
    store.listRoomIds(),
    store.listPlayerIds(),
    Promise.all(MODE_IDS.map(async (mode) => [mode, await store.queueLength(mode)] as const)),
  ]);
  const rooms = (await inBatches(roomIds, (id) => store.getRoom(id))).map(adminRoom);
  const players = (await inBatches(playerIds, (id) => store.getPlayer(id))).map(adminPlayer);
  // Games in play first, then rooms filling, then the rest; the newest first within each.
  const phaseOrder = { playing: 0, countdown: 1, waiting: 2, finished: 3 } as const;
  rooms.sort((a, b) => phaseOrder[a.phase] - phaseOrder[b.phase] || b.createdAt - a.createdAt);
  players.sort((a, b) => b.connectedAt - a.connectedAt);
  return {
    online: players.length,
    queues: Object.fromEntries(queues) as Record<ModeId, number>,
    rooms: rooms.slice(0, ADMIN_LIST_LIMIT),
    roomsTotal: rooms.length,
    players: players.slice(0, ADMIN_LIST_LIMIT),
    playersTotal: players.length,
  };
}

/** Players whose name contains `query` (any case) or whose id is `query`, at most `limit`. */
export async function searchPlayers(store: LobbyStore, query: string, limit = 50): Promise<AdminPlayer[]> {
  const wanted = query.toLowerCase();
  const players = await inBatches(await store.listPlayerIds(), (id) => store.getPlayer(id));
  return players
    .filter((p) => p.id === query || p.name.toLowerCase().includes(wanted))
    .slice(0, limit)
    .map(adminPlayer);
}

async function inBatches<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const record of await Promise.all(ids.slice(i, i + BATCH).map(read))) if (record) found.push(record);
  }
  return found;
}

function adminRoom(room: RoomRecord): AdminRoom {
  return {
    id: room.id,
    code: room.code,
    mode: room.mode,
    kind: room.kind,
    visibility: room.visibility,
    phase: room.phase,
    rated: room.rated,
    round: room.round,
    createdAt: room.createdAt,
    seats: room.seats.map((s) => ({ playerId: s.playerId, name: s.name, status: s.status })),
    spectators: room.spectators.length,
  };
}

export function adminPlayer(player: PlayerRecord): AdminPlayer {
  const { location } = player;
  const where = { idle: "lobby", queued: "queued", seated: "playing", watching: "watching" } as const;
  return {
    id: player.id,
    name: player.name,
    node: player.node,
    away: player.awayUntil !== null,
    where: where[location.kind],
    mode: location.kind === "queued" ? location.mode : null,
    roomId: location.kind === "seated" || location.kind === "watching" ? location.roomId : null,
    connectedAt: player.connectedAt,
  };
}
