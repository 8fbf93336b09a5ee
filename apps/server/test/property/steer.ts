import {
  MODE_IDS,
  PARTY_MAX_SIZE,
  type ChatScope,
  type GameMove,
  type GameView,
  type ModeId,
  type Visibility,
} from "@lobby/contracts";
import { movesOf } from "@lobby/games";
import { games } from "../../src/games/registry";
import { startBlocker } from "../../src/lobby/match-room";
import type { PartyRecord, PlayerRecord, RoomRecord, SeatRecord } from "../../src/lobby/records";
import type { LobbyStore } from "../../src/lobby/store";
import { PLAYERS, type Command } from "./commands";

/** A step made concrete: who does what, to whom. */
export type Action =
  | { kind: "connect" | "drop" | "cancel" | "start" | "rematch" | "leave"; player: string }
  | { kind: "queue"; player: string; mode: ModeId }
  | { kind: "create"; player: string; mode: ModeId; maxPlayers: number; visibility: Visibility }
  | { kind: "join" | "watch"; player: string; code: string }
  | { kind: "kick"; player: string; target: string }
  | { kind: "ready"; player: string; ready: boolean }
  | { kind: "settings"; player: string; maxPlayers: number; visibility: Visibility }
  | { kind: "move"; player: string; move: GameMove }
  | { kind: "chat"; player: string; scope: ChatScope }
  | { kind: "party"; player: string; op: "create" | "leave" }
  | { kind: "party"; player: string; op: "join"; code: string }
  | { kind: "party"; player: string; op: "kick"; target: string }
  | { kind: "wait"; ms: number };

/** What the test itself knows: who has a connection, and every invite code (room or party) it was handed. */
export interface Cast {
  connected: ReadonlySet<string>;
  codes: readonly string[];
}

/** The lobby as the store has it now: what aimed steps choose from. */
export interface World {
  players: ReadonlyMap<string, PlayerRecord>;
  /** Oldest first, so a pick means the same room on every store. */
  rooms: readonly RoomRecord[];
  /** Oldest first, likewise. */
  parties: readonly PartyRecord[];
}

export async function look(store: LobbyStore): Promise<World> {
  const [playerIds, roomIds, partyIds] = await Promise.all([
    store.listPlayerIds(),
    store.listRoomIds(),
    store.listPartyIds(),
  ]);
  const [players, rooms, parties] = await Promise.all([
    Promise.all(playerIds.map((id) => store.getPlayer(id))),
    Promise.all(roomIds.map((id) => store.getRoom(id))),
    Promise.all(partyIds.map((id) => store.getParty(id))),
  ]);
  const oldestFirst = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
    a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return {
    players: new Map(players.flatMap((p) => (p ? [[p.id, p] as const] : []))),
    rooms: rooms.flatMap((r) => (r ? [r] : [])).sort(oldestFirst),
    parties: parties.flatMap((p) => (p ? [p] : [])).sort(oldestFirst),
  };
}

/** The action a step stands for now, or null when it has nobody to act (the step is skipped). */
export async function resolve(c: Command, cast: Cast, world: () => Promise<World>): Promise<Action | null> {
  if (c.kind === "wait") return { kind: "wait", ms: c.ms };
  if (c.aim === "wild") return wild(c, cast);
  return aimed(c, cast, await world());
}

const at = <T>(list: readonly T[], pick: number): T | undefined => list[pick % Math.max(list.length, 1)];

/** Uniform picks among all six players and every code the sequence was handed, live or not: a confused or hostile client. */
function wild(c: Exclude<Command, { kind: "wait" }>, { connected, codes }: Cast): Action | null {
  const player = at(PLAYERS, c.who)!;
  if (c.kind === "connect") return connected.has(player) ? null : { kind: "connect", player };
  // Only a connected client can send anything.
  if (!connected.has(player)) return null;
  const code = (pick: number) => at(codes, pick) ?? "ZZZZZZ";
  switch (c.kind) {
    case "create":
      return { kind: "create", player, mode: c.mode, maxPlayers: c.seats, visibility: c.visibility };
    case "settings":
      return { kind: "settings", player, maxPlayers: c.seats, visibility: c.visibility };
    case "join":
    case "watch":
      return { kind: c.kind, player, code: code(c.room) };
    case "kick":
      return { kind: "kick", player, target: at(PLAYERS, c.target)! };
    case "queue":
      return { kind: "queue", player, mode: c.mode };
    case "ready":
      return { kind: "ready", player, ready: c.ready };
    case "move":
      return { kind: "move", player, move: c.move };
    case "chat":
      return { kind: "chat", player, scope: c.scope };
    case "party":
      if (c.op === "join") return { kind: "party", player, op: "join", code: code(c.target) };
      if (c.op === "kick") return { kind: "party", player, op: "kick", target: at(PLAYERS, c.target)! };
      return { kind: "party", player, op: c.op };
    default:
      return { kind: c.kind, player };
  }
}

/**
 * A pick among the actions of the step's kind that make sense now. When
 * there are none (no game to move in, no room to join) the step does what
 * moves the lobby on instead — a move, a start, a ready, a rematch, a join,
 * a queue — so that sequences reach games and their ends rather than idle.
 */
function aimed(c: Exclude<Command, { kind: "wait" }>, cast: Cast, world: World): Action | null {
  const can = new Options(cast, world);
  const mode = at(MODE_IDS, c.who)!;
  const own = (): Action[] => {
    switch (c.kind) {
      case "connect":
        return can.connect();
      case "drop":
        return can.drop();
      case "leave":
        return can.leave();
      case "cancel":
        return can.cancel();
      case "queue":
        return can.queue(c.mode);
      case "create":
        return can.create(c.mode, c.seats, c.visibility);
      case "join":
        return can.join(c.room);
      case "watch":
        return can.watch(c.room);
      case "kick":
        return can.kick();
      case "ready":
        return can.ready(c.ready);
      case "start":
        return can.start();
      case "settings":
        return can.settings(c.seats, c.visibility);
      case "move":
        return can.move(c.choice);
      case "chat":
        return can.chat(c.scope);
      case "rematch":
        return can.rematch();
      case "party":
        return can.party(c.op, c.target);
    }
  };
  const onwards = [
    own,
    () => can.move(c.who),
    () => can.start(),
    () => can.ready(true),
    () => can.rematch(),
    () => can.join(c.who),
    () => can.queue(mode),
  ];
  for (const options of onwards) {
    const action = at(options(), c.who);
    if (action) return action;
  }
  return null;
}

/** Every action of a kind that makes sense in the lobby's state now. */
class Options {
  private readonly online: string[];
  private readonly idle: string[];
  private readonly beforeStart: RoomRecord[];

  constructor(
    private readonly cast: Cast,
    private readonly world: World,
  ) {
    this.online = PLAYERS.filter((p) => cast.connected.has(p));
    this.idle = this.online.filter((p) => this.where(p) === "idle");
    this.beforeStart = world.rooms.filter((r) => r.phase === "waiting" || r.phase === "countdown");
  }

  connect(): Action[] {
    return PLAYERS.filter((p) => !this.cast.connected.has(p)).map((player) => ({ kind: "connect", player }));
  }

  drop(): Action[] {
    return this.online.map((player) => ({ kind: "drop", player }));
  }

  leave(): Action[] {
    const inRoom = this.online.filter((p) => this.where(p) === "seated" || this.where(p) === "watching");
    return inRoom.map((player) => ({ kind: "leave", player }));
  }

  cancel(): Action[] {
    return this.online.filter((p) => this.where(p) === "queued").map((player) => ({ kind: "cancel", player }));
  }

  /**
   * Idle players on their own, and idle party leaders (a member who does not lead cannot queue), in the
   * mode a party searches if one does, so that parties meet others.
   */
  queue(mode: ModeId): Action[] {
    const mayQueue = (p: string) => !this.partyOf(p) || this.partyOf(p)?.leaderId === p;
    const wanted = this.world.parties.find((p) => p.queued)?.queued?.mode ?? mode;
    return this.idle.filter(mayQueue).map((player) => ({ kind: "queue", player, mode: wanted }));
  }

  /** Start a party (players in none, not searching), join one with room, leave one, or remove a member. */
  party(op: "create" | "join" | "leave" | "kick", target: number): Action[] {
    const free = this.online.filter((p) => !this.partyOf(p) && this.where(p) !== "queued");
    const members = this.online.filter((p) => this.partyOf(p));
    switch (op) {
      case "create":
        return free.map((player) => ({ kind: "party", player, op }));
      case "join": {
        const party = at(
          this.world.parties.filter((p) => p.members.length < PARTY_MAX_SIZE),
          target,
        );
        return party ? free.map((player) => ({ kind: "party", player, op, code: party.id })) : [];
      }
      case "leave":
        return members.map((player) => ({ kind: "party", player, op }));
      case "kick":
        return this.world.parties
          .filter((p) => this.cast.connected.has(p.leaderId))
          .flatMap((p) => p.members.filter((m) => m.playerId !== p.leaderId))
          .map((m): Action => ({ kind: "party", player: this.partyOf(m.playerId)!.leaderId, op, target: m.playerId }));
    }
  }

  private partyOf(player: string): PartyRecord | undefined {
    const id = this.world.players.get(player)?.partyId;
    return id === undefined ? undefined : this.world.parties.find((p) => p.id === id);
  }

  create(mode: ModeId, seats: number, visibility: Visibility): Action[] {
    const { minPlayers, maxPlayers } = games[mode].mode;
    const size = minPlayers + (seats % (maxPlayers - minPlayers + 1));
    return this.idle.map((player) => ({ kind: "create", player, mode, maxPlayers: size, visibility }));
  }

  /** Idle players, each with a room they may take a seat in (picked by `room`). */
  join(room: number): Action[] {
    const open = (r: RoomRecord) => (r.phase === "waiting" || r.phase === "countdown") && r.seats.length < r.maxPlayers;
    return this.withRoom("join", room, open);
  }

  /** Idle players, each with a room they may watch: public, or private once its game started. */
  watch(room: number): Action[] {
    return this.withRoom(
      "watch",
      room,
      (r) => r.visibility === "public" || r.phase === "playing" || r.phase === "finished",
    );
  }

  kick(): Action[] {
    return this.hosted(this.beforeStart).flatMap((r) =>
      r.seats
        .filter((s) => s.playerId !== r.hostId)
        .map((s): Action => ({ kind: "kick", player: r.hostId!, target: s.playerId })),
    );
  }

  ready(ready: boolean): Action[] {
    return this.beforeStart.flatMap((r) =>
      this.seated(r)
        // Asked for ready, only those not ready yet: readying twice changes nothing.
        .filter(([, seat]) => !ready || !r.seats[seat]!.ready)
        .map(([player]): Action => ({ kind: "ready", player, ready })),
    );
  }

  start(): Action[] {
    const startable = this.beforeStart.filter((r) => r.phase === "waiting" && !startBlocker(r, games[r.mode]));
    return this.hosted(startable).map((r) => ({ kind: "start", player: r.hostId! }));
  }

  settings(seats: number, visibility: Visibility): Action[] {
    return this.hosted(this.beforeStart).map((r) => {
      const { minPlayers, maxPlayers } = games[r.mode].mode;
      const least = Math.max(minPlayers, r.seats.length);
      return {
        kind: "settings",
        player: r.hostId!,
        maxPlayers: least + (seats % (maxPlayers - least + 1)),
        visibility,
      };
    });
  }

  move(choice: number): Action[] {
    return this.world.rooms
      .filter((r) => r.phase === "playing")
      .flatMap((r) =>
        this.seated(r).flatMap(([player, seat]): Action[] => {
          const move = sensibleMove(games[r.mode].view(r.game, seat), seat, choice);
          return move ? [{ kind: "move", player, move }] : [];
        }),
      );
  }

  chat(scope: ChatScope): Action[] {
    const speakers =
      scope === "room"
        ? this.world.rooms.flatMap((r) => this.seated(r).map(([p]) => p))
        : scope === "party"
          ? this.online.filter((p) => this.partyOf(p))
          : this.online.filter((p) => this.where(p) === "idle" || this.where(p) === "queued");
    return speakers.map((player) => ({ kind: "chat", player, scope }));
  }

  /** Seated players of finished rooms with enough players left, who have not asked yet. */
  rematch(): Action[] {
    const present = (r: RoomRecord) => r.seats.filter((s) => s.status !== "left").length;
    return this.world.rooms
      .filter((r) => r.phase === "finished" && present(r) >= games[r.mode].mode.minPlayers)
      .flatMap((r) => this.seated(r).filter(([, seat]) => !r.seats[seat]!.wantsRematch))
      .map(([player]) => ({ kind: "rematch", player }));
  }

  private where(player: string) {
    return this.world.players.get(player)?.location.kind;
  }

  /** The room's seats whose player can send (connected), as [player, seat index]. */
  private seated(room: RoomRecord): (readonly [string, number])[] {
    const sends = (s: SeatRecord) => s.status === "connected" && this.cast.connected.has(s.playerId);
    return room.seats.flatMap((s, i) => (sends(s) ? [[s.playerId, i] as const] : []));
  }

  /** Rooms whose host is seated and connected. */
  private hosted(rooms: readonly RoomRecord[]): RoomRecord[] {
    return rooms.filter((r) => this.seated(r).some(([p]) => p === r.hostId));
  }

  private withRoom(kind: "join" | "watch", pick: number, fits: (room: RoomRecord) => boolean): Action[] {
    return this.idle.flatMap((player) => {
      // Never a room that kicked them: that is a refusal, and wild steps cover those.
      const room = at(
        this.world.rooms.filter((r) => fits(r) && !r.kicked.includes(player)),
        pick,
      );
      return room ? [{ kind, player, code: room.code }] : [];
    });
  }
}

/** A move the game would take from this seat now, or null when it has none (not its turn, crashed). */
function sensibleMove(view: GameView, seat: number, choice: number): GameMove | null {
  return at(movesOf(view.mode).sensible(view, seat), choice) ?? null;
}
