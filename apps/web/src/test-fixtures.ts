import {
  MODE_IDS,
  type ChatMessage,
  type GameView,
  type Leaderboard,
  type LobbyStats,
  type ModeId,
  type PartyView,
  type Profile,
  type QueueStatus,
  type RoomSummary,
  type RoomView,
  type Session,
} from "@lobby/contracts";

type ConnectFourView = Extract<GameView, { mode: "connect-four" }>;
import { applySession, initialState, type LobbyState } from "./lobby-state";

/* Shared fixtures for the pure-state unit tests. */

export const ME = { id: "me", name: "Ada" };
export const THEM = { id: "them", name: "Grace" };

/** The seats' ratings before a result: a settled one for us, a provisional one for them. */
const RATED_ME = { rating: { value: 1012, provisional: false }, ratingDelta: null, team: null, party: null };
const RATED_THEM = { rating: { value: 1000, provisional: true }, ratingDelta: null, team: null, party: null };

export const session: Session = {
  player: ME,
  modes: [
    {
      id: "connect-four",
      name: "Connect Four",
      description: "Four in a row.",
      minPlayers: 2,
      maxPlayers: 2,
      quickMatchPlayers: 2,
      realtime: false,
    },
    {
      id: "trails",
      name: "Trails",
      description: "Outlast the others.",
      minPlayers: 2,
      maxPlayers: 8,
      quickMatchPlayers: 2,
      realtime: true,
    },
  ],
  serverTime: 10_000,
  token: "token-1",
  identity: "identity-1",
  rejoin: null,
  resumed: false,
  stats: {
    online: 3,
    queues: { ...Object.fromEntries(MODE_IDS.map((mode) => [mode, 0])), "connect-four": 1 } as LobbyStats["queues"],
  },
};

export const emptyBoard: ConnectFourView = {
  mode: "connect-four",
  rows: 6,
  columns: 7,
  board: Array<number | null>(42).fill(null),
  turn: 0,
  moves: 0,
  lastMove: null,
  winLine: null,
};

export function room(overrides: Partial<RoomView> = {}, myStatus: "connected" | "left" = "connected"): RoomView {
  return {
    id: "room-1",
    code: "ABC234",
    kind: "quick",
    mode: "connect-four",
    visibility: "public",
    maxPlayers: 2,
    hostId: null,
    rated: true,
    phase: "playing",
    version: 1,
    seq: 1,
    round: 1,
    countdownEndsAt: null,
    seats: [
      {
        seat: 0,
        player: ME,
        status: myStatus,
        ready: true,
        graceEndsAt: null,
        wantsRematch: false,
        wins: 0,
        ...RATED_ME,
      },
      {
        seat: 1,
        player: THEM,
        status: "connected",
        ready: true,
        graceEndsAt: null,
        wantsRematch: false,
        wins: 0,
        ...RATED_THEM,
      },
    ],
    spectatorCount: 0,
    game: emptyBoard,
    result: null,
    score: null,
    ...overrides,
  };
}

/** A room that does not seat us (for spectating). */
export function strangersRoom(overrides: Partial<RoomView> = {}): RoomView {
  const view = room(overrides);
  return {
    ...view,
    seats: view.seats.map((s) => ({ ...s, player: { id: `x${s.seat}`, name: `X${s.seat}` } })),
  };
}

export function summary(overrides: Partial<RoomSummary> = {}): RoomSummary {
  return {
    id: "room-1",
    code: "ABC234",
    kind: "custom",
    mode: "trails",
    rated: false,
    hostName: "Grace",
    players: 2,
    maxPlayers: 8,
    phase: "waiting",
    spectatorCount: 0,
    createdAt: 1_000,
    ...overrides,
  };
}

export function chat(id: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    scope: "room",
    roomId: "room-1",
    kind: "user",
    from: THEM,
    text: `message ${id}`,
    at: Number(id.replace(/\D/g, "")) || 0,
    ...overrides,
  };
}

export function signedIn(): LobbyState {
  return applySession(initialState, session, 9_000).state;
}

/** A profile after one rated win over Grace and one unrated draw before it. */
export const profile: Profile = {
  ratings: [{ mode: "connect-four", value: 1014, provisional: true, games: 1, wins: 1, losses: 0, draws: 0 }],
  history: [
    {
      at: 9_000,
      mode: "connect-four",
      players: ["Ada", "Grace"],
      seat: 0,
      outcome: "win",
      rated: true,
      ratingBefore: 1000,
      ratingAfter: 1014,
    },
    {
      at: 5_000,
      mode: "trails",
      players: ["Grace", "Ada", "Linus"],
      seat: 1,
      outcome: "draw",
      rated: false,
      ratingBefore: null,
      ratingAfter: null,
    },
  ],
};

/** Connect Four's leaderboard with Ada second, between a settled Grace and a provisional Linus. */
export const leaderboard: Leaderboard = {
  mode: "connect-four",
  top: [
    { rank: 1, name: "Grace", value: 1040, provisional: false, games: 12 },
    { rank: 2, name: "Ada", value: 1014, provisional: true, games: 1 },
    { rank: 3, name: "Linus", value: 992, provisional: true, games: 2 },
  ],
  you: { rank: 2, name: "Ada", value: 1014, provisional: true, games: 1 },
  youAt: 1,
  total: 3,
};

/** Quick match looks 100 points either side at first, 10 more a second up to 400, and for anyone after a minute. */
export const WIDENING = { initial: 100, perSecond: 10, cap: 400, anyoneAfterMs: 60_000 };

/** Ada waiting for a quick match of `mode` since `joinedAt`, searching around her rating. */
export function queued(mode: ModeId, joinedAt: number): Extract<QueueStatus, { state: "queued" }> {
  return { state: "queued", mode, joinedAt, search: { rating: 1012, provisional: false, widening: WIDENING } };
}

/** Ada's party with Grace: Ada leads, both in the lobby, not searching. */
export function party(overrides: Partial<PartyView> = {}): PartyView {
  return {
    code: "PTY234",
    leaderId: ME.id,
    members: [
      { player: ME, status: "lobby" },
      { player: THEM, status: "lobby" },
    ],
    queued: null,
    version: 1,
    ...overrides,
  };
}
