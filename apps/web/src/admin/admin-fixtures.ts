import { MODE_IDS, type AdminNode, type AdminRoom, type AdminSnapshot, type AuditEntry } from "@lobby/contracts";

/* Snapshots for the admin page's unit tests. */

export function node(id: string, overrides: Partial<AdminNode> = {}): AdminNode {
  return {
    id,
    at: 0,
    busy: false,
    draining: false,
    connections: 10,
    cpu: 0.1,
    rssBytes: 100 * 2 ** 20,
    heapUsedBytes: 40 * 2 ** 20,
    eventLoopLagMs: 2,
    uptimeSeconds: 600,
    matchesMade: 0,
    queueWaits: { count: 0, totalMs: 0 },
    ...overrides,
  };
}

export function snapshot(at: number, overrides: Partial<AdminSnapshot> = {}): AdminSnapshot {
  return {
    at,
    nodes: [node("node-1", { at })],
    online: 3,
    queues: Object.fromEntries(MODE_IDS.map((mode) => [mode, 0])) as AdminSnapshot["queues"],
    rooms: [],
    roomsTotal: 0,
    players: [],
    playersTotal: 0,
    audit: [],
    ...overrides,
  };
}

export function audit(at: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { at, action: "close-room", target: "room K7QX3P", detail: "Abuse in chat", node: "node-1", ...overrides };
}

export function room(code: string, overrides: Partial<AdminRoom> = {}): AdminRoom {
  return {
    id: `room-${code}`,
    code,
    mode: "connect-four",
    kind: "quick",
    visibility: "public",
    phase: "playing",
    rated: true,
    round: 1,
    createdAt: 0,
    seats: [
      { playerId: "p-ann", name: "Ann", status: "connected" },
      { playerId: "p-bob", name: "Bob", status: "connected" },
    ],
    spectators: 0,
    ...overrides,
  };
}
