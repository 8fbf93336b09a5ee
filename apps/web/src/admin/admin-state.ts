import type { AdminSnapshot, AuditEntry } from "@lobby/contracts";
import { appendSample, sampleOf, type Sample } from "./admin-series";

/*
 * The admin page's state and its pure transitions, apart from the player
 * app's: admin-connection.ts feeds the /admin socket's events through these,
 * and components read narrow slices of it from admin-store.ts.
 */

/**
 * `signed-out`: the token prompt. `connecting`: a handshake with a token is
 * in flight. `connected`: live. `reconnecting`: the connection dropped and
 * Socket.IO is bringing it back (what is on screen is the last snapshot).
 */
export type AdminStatus = "signed-out" | "connecting" | "connected" | "reconnecting";

export interface AdminState {
  status: AdminStatus;
  /** Why the prompt is showing again (a refused token), in plain words. */
  signInError: string | null;
  /** The last handshake try failed to reach the server at all; Socket.IO keeps trying. */
  unreachable: boolean;
  snapshot: AdminSnapshot | null;
  /** Local time the snapshot arrived, to tell how stale it is. */
  receivedAt: number | null;
  /** The snapshots' audit entries and the live ones, deduplicated, newest first. */
  audit: readonly AuditEntry[];
  /** What the charts need of each snapshot, oldest first, for the last ten minutes. */
  history: readonly Sample[];
}

/** The most audit entries kept on screen (a snapshot carries the latest 50). */
export const AUDIT_KEEP = 200;

export const initialAdminState: AdminState = {
  status: "signed-out",
  signInError: null,
  unreachable: false,
  snapshot: null,
  receivedAt: null,
  audit: [],
  history: [],
};

/** A handshake with a token has started (from the prompt, or a reload with the tab's token). */
export function startSignIn(state: AdminState): AdminState {
  return { ...state, status: "connecting", signInError: null, unreachable: false };
}

export function applyConnected(state: AdminState): AdminState {
  return { ...state, status: "connected", unreachable: false };
}

/** The connection dropped; Socket.IO is trying again. */
export function applyDropped(state: AdminState): AdminState {
  return { ...state, status: state.status === "connecting" ? "connecting" : "reconnecting" };
}

/** A try to connect failed without a refusal (the server is down or unreachable); Socket.IO tries again. */
export function applyUnreachable(state: AdminState): AdminState {
  return { ...state, unreachable: true };
}

/** Back to the prompt, saying why when the server turned the token away; nothing of the lobby is kept. */
export function applySignedOut(signInError: string | null): AdminState {
  return { ...initialAdminState, signInError };
}

/** A snapshot: it replaces the last one, adds a point to every chart and its audit entries to the feed. */
export function applySnapshot(state: AdminState, snapshot: AdminSnapshot, receivedAt: number): AdminState {
  // A snapshot older than the one on screen (a node with a slower clock answered first) is dropped whole.
  if (state.snapshot && snapshot.at < state.snapshot.at) return state;
  return {
    ...state,
    status: "connected",
    unreachable: false,
    snapshot,
    receivedAt,
    audit: mergeAudit(state.audit, snapshot.audit),
    history: appendSample(state.history, sampleOf(snapshot)),
  };
}

/** An action an admin just took (`admin:audit`). */
export function applyAuditEntry(state: AdminState, entry: AuditEntry): AdminState {
  const audit = mergeAudit(state.audit, [entry]);
  return audit === state.audit ? state : { ...state, audit };
}

/** One entry's identity: the same action pushed live and then listed in a snapshot is one entry. */
export function auditKey(entry: AuditEntry): string {
  return JSON.stringify([entry.at, entry.action, entry.target, entry.node, entry.detail]);
}

/** `known` and `incoming` as one list without repeats, newest first, at most `AUDIT_KEEP`. */
export function mergeAudit(known: readonly AuditEntry[], incoming: readonly AuditEntry[]): readonly AuditEntry[] {
  const seen = new Set(known.map(auditKey));
  const fresh = incoming.filter((entry) => {
    const key = auditKey(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return known;
  // A stable sort: entries of the same millisecond keep the order they came in.
  return [...fresh, ...known].sort((a, b) => b.at - a.at).slice(0, AUDIT_KEEP);
}
