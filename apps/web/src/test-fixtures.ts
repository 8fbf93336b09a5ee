import {
  MODE_IDS,
  type ChatMessage,
  type GameView,
  type LobbyStats,
  type RoomSummary,
  type RoomView,
  type Session,
} from "@lobby/contracts";

type ConnectFourView = Extract<GameView, { mode: "connect-four" }>;
import { applySession, initialState, type LobbyState } from "./lobby-state";

/* Shared fixtures for the pure-state unit tests. */

export const ME = { id: "me", name: "Ada" };
export const THEM = { id: "them", name: "Grace" };

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
    phase: "playing",
    version: 1,
    round: 1,
    countdownEndsAt: null,
    seats: [
      { seat: 0, player: ME, status: myStatus, ready: true, graceEndsAt: null, wantsRematch: false },
      { seat: 1, player: THEM, status: "connected", ready: true, graceEndsAt: null, wantsRematch: false },
    ],
    spectatorCount: 0,
    game: emptyBoard,
    result: null,
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
