import { GameView, HISTORY_LENGTH, MODE_IDS, RoomView, type ModeId } from "@lobby/contracts";
import type { AnyGameDefinition } from "../games/game";
import { games } from "../games/registry";
import { deadlineKey } from "./deadline-key";
import { isOpenForQuickMatch } from "./match-room";
import type { HistoryRecord, PartyRecord, PlayerRecord, QueueEntry, RatingRecord, RoomRecord } from "./records";
import type { LobbyStore } from "./store";
import { partyProblems } from "./party-invariants";
import { toRoomView } from "./room-view";

/** What the checks read: every record, index and deadline, each read once. */
export interface Snapshot {
  players: Map<string, PlayerRecord>;
  rooms: Map<string, RoomRecord>;
  parties: Map<string, PartyRecord>;
  queues: Map<ModeId, QueueEntry[]>;
  /** Each mode's quick-match index, as stored. */
  open: Map<ModeId, string[]>;
  codes: Map<string, string>;
  deadlines: Map<string, number>;
  /** The ratings and history of every identity a session or a seat names. */
  identities: Map<string, { ratings: Map<ModeId, RatingRecord>; history: HistoryRecord[] }>;
  now: number;
}

/**
 * The lobby's invariants, checked against the store. Returns every
 * violation found (empty when all hold), so a failing property shows them all.
 *
 * The reads are plain, not one transaction, so on a lobby that is busy a
 * change can land between two of them (a room read after its countdown
 * ended, its deadline before) and look like a violation. A problem is
 * reported only if a second read finds it too: a change in flight is gone
 * by then, what is wrong is still there. A lobby at rest is read twice only
 * when something is wrong.
 */
export async function checkInvariants(store: LobbyStore, now: number): Promise<string[]> {
  const first = problemsOf(await read(store, now));
  if (first.length === 0) return first;
  const again = new Set(problemsOf(await read(store, now)));
  return first.filter((problem) => again.has(problem));
}

function problemsOf(lobby: Snapshot): string[] {
  return [
    ...placementProblems(lobby),
    ...[...lobby.rooms.values()].flatMap((room) => roomProblems(room, lobby)),
    ...sessionProblems(lobby),
    ...indexProblems(lobby),
    ...deadlineProblems(lobby),
    ...ratingProblems(lobby),
    ...partyProblems(lobby),
  ];
}

/** Everything at once: a store that answers over a socket pipelines the reads into a few round trips. */
async function read(store: LobbyStore, now: number): Promise<Snapshot> {
  const perMode = <T>(get: (mode: ModeId) => Promise<T>) =>
    Promise.all(MODE_IDS.map(async (mode) => [mode, await get(mode)] as const)).then((pairs) => new Map(pairs));
  const [players, rooms, parties, queues, open, codes, deadlines] = await Promise.all([
    store.listPlayerIds().then((ids) => Promise.all(ids.map((id) => store.getPlayer(id)))),
    store.listRoomIds().then((ids) => Promise.all(ids.map((id) => store.getRoom(id)))),
    store.listPartyIds().then((ids) => Promise.all(ids.map((id) => store.getParty(id)))),
    perMode((mode) => store.listQueue(mode)),
    perMode((mode) => store.openRoomIds(mode)),
    store.listCodes(),
    store.listDeadlines(),
  ]);
  const identityIds = new Set([
    ...players.flatMap((p) => (p?.identityId ? [p.identityId] : [])),
    ...rooms.flatMap((r) => r?.seats.flatMap((seat) => (seat.identityId ? [seat.identityId] : [])) ?? []),
  ]);
  const identities = new Map(
    await Promise.all(
      [...identityIds].map(async (id) => {
        const [ratings, history] = await Promise.all([perMode((mode) => store.getRating(id, mode)), store.history(id)]);
        const rated = [...ratings].flatMap(([mode, r]) => (r ? [[mode, r] as const] : []));
        return [id, { ratings: new Map(rated), history }] as const;
      }),
    ),
  );
  return {
    identities,
    // A record deleted between the listing and the read is simply gone.
    players: new Map(players.flatMap((p) => (p ? [[p.id, p] as const] : []))),
    rooms: new Map(rooms.flatMap((r) => (r ? [[r.id, r] as const] : []))),
    parties: new Map(parties.flatMap((p) => (p ? [[p.id, p] as const] : []))),
    queues,
    open,
    codes: new Map(codes.map((c) => [c.code, c.roomId])),
    deadlines: new Map(deadlines.map((d) => [d.key, d.dueAt])),
    now,
  };
}

/** Everyone is in at most one queue or room, exactly where their session says. */
function placementProblems({ players, rooms, queues }: Snapshot): string[] {
  const problems: string[] = [];
  const placements = new Map<string, string[]>();
  const place = (playerId: string, where: string) => {
    placements.set(playerId, [...(placements.get(playerId) ?? []), where]);
  };
  for (const [mode, queue] of queues) {
    for (const entry of queue) {
      // A party's entry holds every member: each is placed in the queue, once, as one of the party.
      for (const id of entry.party?.members ?? [entry.playerId]) {
        place(id, `queue:${mode}`);
        const location = players.get(id)?.location;
        if (location?.kind !== "queued" || location.mode !== mode || location.party !== entry.party?.id) {
          problems.push(`queue ${mode} holds ${id}, whose location is ${JSON.stringify(location)}`);
        }
      }
    }
  }
  for (const room of rooms.values()) {
    for (const seat of room.seats) if (seat.status !== "left") place(seat.playerId, `seat:${room.id}`);
    for (const spectator of room.spectators) {
      place(spectator.playerId, `watch:${room.id}`);
      const location = players.get(spectator.playerId)?.location;
      if (location?.kind !== "watching" || location.roomId !== room.id) {
        problems.push(
          `room ${room.id} lists spectator ${spectator.playerId}, whose location is ${JSON.stringify(location)}`,
        );
      }
    }
  }
  for (const [id, player] of players) {
    const where = placements.get(id) ?? [];
    if (where.length > 1) problems.push(`${id} is in ${where.join(" and ")}`);
    const expected = player.location.kind === "idle" ? 0 : 1;
    if (where.length !== expected)
      problems.push(`${id} is ${player.location.kind} but placed in ${where.length} places`);
    const { location } = player;
    if (location.kind === "watching" && !rooms.get(location.roomId)?.spectators.some((s) => s.playerId === id)) {
      problems.push(
        `${id} watches room ${location.roomId}, which ${rooms.has(location.roomId) ? "does not list them" : "is gone"}`,
      );
    }
  }
  for (const [id, where] of placements) {
    if (!players.has(id)) problems.push(`${id} has no session but is in ${where.join(", ")}`);
  }
  return problems;
}

/** One room: capacity, host, phase, seats against sessions, and its game. */
function roomProblems(room: RoomRecord, { players }: Snapshot): string[] {
  const problems: string[] = [];
  const game = games[room.mode];
  const present = room.seats.filter((s) => s.status !== "left");
  if (present.length === 0) problems.push(`room ${room.id} has no player but was not destroyed`);
  if (present.length > room.maxPlayers) problems.push(`room ${room.id} is over capacity`);
  if (room.maxPlayers > game.mode.maxPlayers) problems.push(`room ${room.id} allows more than the mode's maximum`);
  // The host passes to the longest-seated present player whenever the host goes (a seat removed
  // before the start, or left during a game), so a custom room with players always has one of them as
  // host; a quick room, among strangers, never has one.
  if (room.kind === "quick" && room.hostId !== null) problems.push(`quick room ${room.id} has a host`);
  if (room.kind === "custom" && present.length > 0 && !present.some((s) => s.playerId === room.hostId)) {
    const host = room.seats.find((s) => s.playerId === room.hostId);
    const why =
      room.hostId === null
        ? "no host"
        : host
          ? `host ${host.playerId}, whose seat is ${host.status}`
          : `host ${room.hostId}, who has no seat`;
    problems.push(`room ${room.id} (${room.phase}) has players but ${why}`);
  }
  // The last game stays on show until the next one starts (a rematch's countdown shows it too).
  const inGame = room.phase === "playing" || room.phase === "finished";
  if (inGame && room.game === null) problems.push(`room ${room.id} is ${room.phase} with no game`);
  if (room.round > 0 !== (room.game !== null)) {
    problems.push(
      `room ${room.id} has played ${room.round} rounds but its game is ${room.game === null ? "missing" : "present"}`,
    );
  }
  if (room.phase === "countdown" && room.countdownEndsAt === null)
    problems.push(`room ${room.id} counts down to nothing`);
  if (room.phase === "playing" && game.tickMs && room.tickAt === null)
    problems.push(`room ${room.id} plays in real time with no tick due`);
  for (const seat of present) {
    const player = players.get(seat.playerId);
    if (!player) {
      problems.push(`room ${room.id} seats ${seat.playerId}, who has no session`);
      continue;
    }
    if (player.location.kind !== "seated" || player.location.roomId !== room.id) {
      problems.push(`room ${room.id} seats ${seat.playerId}, whose location is ${JSON.stringify(player.location)}`);
    }
    if ((seat.status === "disconnected") !== (player.connectionId === null)) {
      problems.push(
        `seat of ${seat.playerId} is ${seat.status} but the session is ${player.connectionId ? "connected" : "away"}`,
      );
    }
  }
  if (room.game !== null) {
    const view = toRoomView(room, game, null);
    const parsed = RoomView.safeParse(view);
    if (!parsed.success)
      problems.push(`room ${room.id} view breaks the contract: ${parsed.error.message.slice(0, 200)}`);
    // Between games the last one's seats may no longer be the room's (a rematch drops those who left).
    if (inGame) problems.push(...gameProblems(room.id, view.game, room.seats.length, game));
  }
  problems.push(...scoreProblems(room));
  return problems;
}

/**
 * The running score adds up: nobody won more games than were played, draws
 * and wins fit in them, every tally is a whole number, and wins exist only
 * with a score.
 */
function scoreProblems(room: RoomRecord): string[] {
  const { score } = room;
  const wins = room.seats.map((s) => s.wins ?? 0);
  const tallies = [score?.games ?? 0, score?.draws ?? 0, ...wins, ...(score?.teamWins ?? [])];
  if (tallies.some((n) => !Number.isInteger(n) || n < 0)) return [`room ${room.id} has a score that is not a count`];
  if (!score) return wins.some((n) => n > 0) ? [`room ${room.id} has wins but no score`] : [];
  const most = Math.max(0, ...wins, ...(score.teamWins ?? []));
  if (most + score.draws > score.games) return [`room ${room.id} counts more wins and draws than games`];
  return [];
}

/**
 * Every rated game moved each of its players' ratings exactly once: no game
 * is on an identity's history twice as rated, and while the history holds
 * every game (it keeps the latest `HISTORY_LENGTH`), each mode's rating
 * counts exactly the rated games on it.
 */
function ratingProblems({ identities }: Snapshot): string[] {
  const problems: string[] = [];
  for (const [id, { ratings, history }] of identities) {
    const rated = history.filter((entry) => entry.rated);
    const games = new Set(rated.map((entry) => entry.game));
    if (games.size !== rated.length) problems.push(`identity ${id} has a game rated twice on its history`);
    if (history.length >= HISTORY_LENGTH) continue;
    for (const mode of MODE_IDS) {
      const counted = ratings.get(mode)?.games ?? 0;
      const played = rated.filter((entry) => entry.mode === mode).length;
      if (counted !== played)
        problems.push(`identity ${id}'s ${mode} rating counts ${counted} games, its history ${played}`);
    }
  }
  return problems;
}

/** Sessions: connected or away, never past their grace period. */
function sessionProblems({ players, now }: Snapshot): string[] {
  const problems: string[] = [];
  for (const [id, player] of players) {
    if (player.awayUntil !== null && player.awayUntil < now) problems.push(`${id}'s session outlived its grace period`);
    if ((player.connectionId === null) !== (player.awayUntil !== null))
      problems.push(`${id} is neither connected nor away`);
    if ((player.connectionId === null) !== (player.node === null))
      problems.push(`${id}'s connection and node disagree`);
  }
  return problems;
}

/** The indexes kept beside the records — quick match's open rooms, invite codes — agree with them. */
function indexProblems({ rooms, open: index, codes }: Snapshot): string[] {
  const problems: string[] = [];
  for (const [mode, indexed] of index) {
    const open = [...rooms.values()].filter((r) => r.mode === mode && isOpenForQuickMatch(r));
    for (const room of open) {
      if (!indexed.includes(room.id))
        problems.push(`room ${room.id} is open for quick match but not in the ${mode} index`);
    }
    for (const id of indexed) {
      const room = rooms.get(id);
      if (room?.mode === mode && isOpenForQuickMatch(room)) continue;
      const what = room
        ? `${room.mode}, ${room.visibility}, ${room.phase} with ${room.seats.length}/${room.maxPlayers} seats`
        : "gone";
      problems.push(`the ${mode} quick-match index lists room ${id}, which is ${what}`);
    }
    const created = indexed.map((id) => rooms.get(id)?.createdAt ?? 0);
    if (created.some((at, i) => i > 0 && at < created[i - 1]!))
      problems.push(`the ${mode} quick-match index is not oldest first`);
  }

  for (const [code, roomId] of codes) {
    const room = rooms.get(roomId);
    if (room?.code === code) continue;
    problems.push(`invite code ${code} leads to room ${roomId}, which ${room ? `has code ${room.code}` : "is gone"}`);
  }
  for (const room of rooms.values()) {
    if (codes.get(room.code) !== room.id) problems.push(`room ${room.id}'s code ${room.code} does not lead to it`);
  }
  return problems;
}

/**
 * Timed work is a deadline derived from the state: the state says what must
 * be due and when, and the store must hold exactly that, or the work never
 * happens (a countdown that hangs, a session never ended) or happens for
 * nothing. Computed here from the records, not with the lobby's own helpers,
 * so a bug in those cannot hide itself.
 */
function deadlineProblems({ players, rooms, queues, deadlines: stored }: Snapshot): string[] {
  const problems: string[] = [];
  const expected = new Map<string, { dueAt: number; why: string }>();
  for (const room of rooms.values()) {
    const due = roomDue(room, games[room.mode]);
    if (due) expected.set(deadlineKey.encode(deadlineKey.room(room.id)), due);
  }
  for (const player of players.values()) {
    if (player.awayUntil !== null)
      expected.set(deadlineKey.encode(deadlineKey.player(player.id)), {
        dueAt: player.awayUntil,
        why: "the player's grace period ends",
      });
  }
  for (const [key, { dueAt, why }] of expected) {
    const actual = stored.get(key);
    if (actual === dueAt) continue;
    problems.push(
      `deadline ${key} is ${actual === undefined ? "missing" : `due at ${actual}`}, but ${why} at ${dueAt}`,
    );
  }

  // A queue's deadline may be left over once its players are gone (firing it finds nothing to do),
  // but while enough wait for a room there must be one — their windows widen, or a smaller room's wait
  // ends — or they wait for ever.
  const queueKeys = new Set<string>();
  for (const mode of MODE_IDS) {
    const { minPlayers } = games[mode].mode;
    queueKeys.add(deadlineKey.encode(deadlineKey.queue(mode)));
    const waiting = queues.get(mode)?.length ?? 0;
    if (waiting >= minPlayers && !stored.has(deadlineKey.encode(deadlineKey.queue(mode)))) {
      problems.push(`${waiting} players wait in the ${mode} queue but no deadline will match them`);
    }
  }
  for (const [key, dueAt] of stored) {
    if (!expected.has(key) && !queueKeys.has(key))
      problems.push(`deadline ${key} is due at ${dueAt}, but nothing is due then`);
  }
  return problems;
}

/** What a room's own state says must next happen on time. */
function roomDue(room: RoomRecord, game: AnyGameDefinition): { dueAt: number; why: string } | null {
  if (room.phase === "countdown" && room.countdownEndsAt !== null) {
    return { dueAt: room.countdownEndsAt, why: "the room's countdown ends" };
  }
  if (room.phase === "playing" && game.tickMs && room.tickAt !== null)
    return { dueAt: room.tickAt, why: "the game's next tick is due" };
  return null;
}

/** The view parses against the contracts, and the game's own `problems` hook finds nothing wrong with it. */
function gameProblems(roomId: string, view: RoomView["game"], seats: number, game: AnyGameDefinition): string[] {
  if (!view) return [];
  if (!GameView.safeParse(view).success) return [`room ${roomId} game view breaks the contract`];
  return (game.problems?.(view, seats) ?? []).map((problem) => `room ${roomId}: ${problem}`);
}
