import type { ConnectionState } from "@lobby/client";
import { useEffect, useRef } from "react";
import { useLocalNow } from "../clock";
import { Brand } from "../components/app-header";
import { AnnouncePanel, AuditFeed } from "./announce-audit";
import { adminConnection } from "./admin-connection";
import { formatClock, formatDuration } from "./admin-format";
import type { AdminStatus } from "./admin-state";
import { useAdminStore } from "./admin-store";
import { NodesPanel } from "./nodes-panel";
import { Charts, LiveCounts } from "./overview";
import { PlayersPanel } from "./players-panel";
import { RoomsPanel } from "./rooms-panel";
import { TokenPrompt } from "./token-prompt";

/* The /admin page: the token prompt until the server accepts a token, then the dashboard. */

/** Snapshots come every 2 s; this long without one, the figures are called stale. */
const STALE_AFTER_MS = 6000;

export function AdminApp() {
  const signedIn = useAdminStore((s) => s.snapshot !== null && s.status !== "signed-out");
  return (
    <div className="app admin" data-screen="admin">
      <AdminHeader />
      <StaleBanner />
      <main className="app-main admin-main">{signedIn ? <Dashboard /> : <TokenPrompt />}</main>
    </div>
  );
}

/** What the indicator says, and which of the player app's connection states it is coloured as. */
const STATUS = {
  "signed-out": { label: "Signed out", tone: "idle" },
  connecting: { label: "Connecting…", tone: "connecting" },
  connected: { label: "Live", tone: "connected" },
  reconnecting: { label: "Reconnecting…", tone: "reconnecting" },
} satisfies Record<AdminStatus, { label: string; tone: ConnectionState }>;

function AdminHeader() {
  const status = useAdminStore((s) => s.status);
  return (
    <header className="app-header">
      <div className="app-header-inner admin-header-inner">
        <Brand>
          <span className="admin-tag">Admin</span>
        </Brand>
        <div className="admin-header-end">
          <div className="connection" data-testid="admin-connection" data-state={STATUS[status].tone} role="status">
            <span className="connection-dot" aria-hidden="true" />
            <span className="connection-label">{STATUS[status].label}</span>
          </div>
          {status !== "signed-out" && (
            <button type="button" className="button button--ghost button--small" onClick={adminConnection.signOut}>
              Sign out
            </button>
          )}
        </div>
      </div>
    </header>
  );
}

/** While the connection is down, or snapshots stop coming, the figures on screen are old: say so. */
function StaleBanner() {
  const status = useAdminStore((s) => s.status);
  const receivedAt = useAdminStore((s) => s.receivedAt);
  if (receivedAt === null || status === "signed-out") return null;
  return <StaleFor status={status} receivedAt={receivedAt} />;
}

function StaleFor({ status, receivedAt }: { status: AdminStatus; receivedAt: number }) {
  const now = useLocalNow();
  const age = now - receivedAt;
  if (status !== "reconnecting" && age < STALE_AFTER_MS) return null;
  return (
    <div className="connection-banner" role="status">
      <span className="spinner" aria-hidden="true" />
      {status === "reconnecting" ? "Connection lost. Reconnecting… " : "No news from the server. "}
      The figures are from {formatDuration(age)} ago.
    </div>
  );
}

function Dashboard() {
  const heading = useRef<HTMLHeadingElement>(null);
  const at = useAdminStore((s) => s.snapshot?.at ?? 0);

  // Signed in: keyboard focus starts at the top of the dashboard.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="admin-dashboard">
      <header className="admin-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Operations
        </h1>
        <p className="admin-faint">Updated every 2 s · last at {formatClock(at)}</p>
      </header>
      <LiveCounts />
      <Charts />
      <NodesPanel />
      <div className="admin-columns">
        <div className="admin-column">
          <RoomsPanel />
          <PlayersPanel />
        </div>
        <div className="admin-column admin-column--side">
          <AnnouncePanel />
          <AuditFeed />
        </div>
      </div>
    </div>
  );
}
