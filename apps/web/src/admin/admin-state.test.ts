import { describe, expect, it } from "vitest";
import { audit, node, snapshot } from "./admin-fixtures";
import {
  applyAuditEntry,
  applyConnected,
  applyDropped,
  applySignedOut,
  applySnapshot,
  applyUnreachable,
  AUDIT_KEEP,
  initialAdminState,
  mergeAudit,
  startSignIn,
  type AdminState,
} from "./admin-state";

describe("signing in", () => {
  it("goes from the prompt to connecting and live, and back to the prompt with the reason", () => {
    const refused = applySignedOut("That token was not accepted.");
    const connecting = startSignIn(refused);
    expect(connecting).toMatchObject({ status: "connecting", signInError: null, unreachable: false });
    expect(applyUnreachable(connecting)).toMatchObject({ status: "connecting", unreachable: true });
    // A drop before the handshake is through is still the first try; after it, a reconnect.
    expect(applyDropped(connecting).status).toBe("connecting");
    const live = applyConnected(applyUnreachable(connecting));
    expect(live).toMatchObject({ status: "connected", unreachable: false });
    expect(applyDropped(live).status).toBe("reconnecting");
  });

  it("keeps nothing of the lobby once signed out", () => {
    const seen = applySnapshot(startSignIn(initialAdminState), snapshot(2000, { audit: [audit(1000)] }), 5);
    expect(applySignedOut(null)).toEqual(initialAdminState);
    expect(seen.snapshot).not.toBeNull();
  });
});

describe("snapshots", () => {
  it("replace the last one, add a point to the charts and their audit entries to the feed", () => {
    let state: AdminState = applyConnected(startSignIn(initialAdminState));
    state = applySnapshot(state, snapshot(2000, { online: 3, audit: [audit(1500)] }), 10_000);
    state = applySnapshot(state, snapshot(4000, { online: 5, nodes: [node("node-1"), node("node-2")] }), 12_000);
    expect(state.snapshot?.online).toBe(5);
    expect(state.receivedAt).toBe(12_000);
    expect(state.history.map((s) => [s.at, s.online, s.nodes.length])).toEqual([
      [2000, 3, 1],
      [4000, 5, 2],
    ]);
    // The second snapshot listed no audit entries, but the first one's stays in the feed.
    expect(state.audit).toEqual([audit(1500)]);
  });

  it("bring a reconnecting page back to live", () => {
    const dropped = applyDropped(applyConnected(startSignIn(initialAdminState)));
    expect(applySnapshot(dropped, snapshot(1000), 1).status).toBe("connected");
  });

  it("older than the one on screen are dropped whole", () => {
    const state = applySnapshot(initialAdminState, snapshot(4000, { online: 9 }), 1);
    expect(applySnapshot(state, snapshot(3000, { online: 1, audit: [audit(2500)] }), 2)).toBe(state);
  });
});

describe("the audit feed", () => {
  it("shows an entry pushed live and then listed in a snapshot once", () => {
    const live = audit(3000, { action: "kick", target: "Bob", detail: "spam" });
    let state = applyAuditEntry(initialAdminState, live);
    state = applySnapshot(state, snapshot(4000, { audit: [live, audit(1000)] }), 1);
    expect(state.audit).toEqual([live, audit(1000)]);
    expect(applyAuditEntry(state, { ...live })).toBe(state);
  });

  it("keeps actions of the same moment that differ, newest first", () => {
    const kick = audit(2000, { action: "kick", target: "Bob" });
    const ban = audit(2000, { action: "ban", target: "Bob" });
    const older = audit(1000, { action: "announce", target: "", detail: "Hello" });
    const merged = mergeAudit(mergeAudit([], [older, kick]), [ban, older]);
    expect(merged).toEqual([ban, kick, older]);
  });

  it("keeps at most AUDIT_KEEP entries, dropping the oldest", () => {
    const many = Array.from({ length: AUDIT_KEEP + 5 }, (_, i) => audit(i));
    const merged = mergeAudit([], many);
    expect(merged).toHaveLength(AUDIT_KEEP);
    expect(merged[0]!.at).toBe(AUDIT_KEEP + 4);
    expect(merged.at(-1)!.at).toBe(5);
  });
});
