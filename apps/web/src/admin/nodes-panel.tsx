import type { AdminNode } from "@lobby/contracts";
import { useState } from "react";
import { ActionDialog, NoticeLine, useNotice } from "./action-dialog";
import { adminConnection } from "./admin-connection";
import { formatBytes, formatCount, formatCpu, formatDuration, formatMs } from "./admin-format";
import { useAdminStore } from "./admin-store";

/* Every server process with its health, and draining one (or taking it back). */

export function NodesPanel() {
  const nodes = useAdminStore((s) => s.snapshot?.nodes);
  const [target, setTarget] = useState<AdminNode | null>(null);
  const [notice, setNotice] = useNotice();
  if (!nodes) return null;

  return (
    <section className="admin-panel card" aria-labelledby="nodes-title">
      <header className="admin-panel-head">
        <h2 id="nodes-title" className="admin-section-title">
          Nodes <span className="admin-count">{nodes.length}</span>
        </h2>
      </header>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      <div className="admin-table-wrap">
        <table className="admin-table admin-table--nodes" data-testid="nodes-table">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Connections</th>
              <th scope="col">CPU</th>
              <th scope="col">Memory</th>
              <th scope="col">Event-loop lag</th>
              <th scope="col">Uptime</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...nodes]
              .sort((a, b) => a.id.localeCompare(b.id))
              .map((node) => (
                <NodeRow key={node.id} node={node} onToggle={() => setTarget(node)} />
              ))}
          </tbody>
        </table>
      </div>
      {target && (
        <ActionDialog
          title={target.draining ? `Take ${target.id} back?` : `Drain ${target.id}?`}
          lead={
            target.draining ? (
              <p>It accepts new players again, and the balancer sends it its share.</p>
            ) : (
              <p>
                It turns new players away (they are told the server is busy, and the balancer sends them to the other
                nodes). The {formatCount(target.connections)} connections on it stay until they leave.
              </p>
            )
          }
          confirmLabel={target.draining ? "Undrain" : "Drain"}
          danger={!target.draining}
          run={() => adminConnection.request("admin:drain", { nodeId: target.id, draining: !target.draining })}
          onDone={() => {
            setNotice({
              kind: "ok",
              text: target.draining ? `${target.id} takes players again.` : `${target.id} is draining.`,
            });
            setTarget(null);
          }}
          onClose={() => setTarget(null)}
        />
      )}
    </section>
  );
}

function NodeRow({ node, onToggle }: { node: AdminNode; onToggle: () => void }) {
  return (
    <tr data-testid={`node-${node.id}`}>
      <th scope="row" data-label="Node">
        <span className="admin-node-id">{node.id}</span>
        {node.busy && (
          <span className="admin-badge" data-tone="warning">
            Busy
          </span>
        )}
        {node.draining && (
          <span className="admin-badge" data-tone="danger">
            Draining
          </span>
        )}
        {!node.busy && !node.draining && (
          <span className="admin-badge" data-tone="ok">
            Healthy
          </span>
        )}
      </th>
      <td data-label="Connections" className="admin-num">
        {formatCount(node.connections)}
      </td>
      <td data-label="CPU" className="admin-num">
        <Meter share={Math.min(1, node.cpu)} />
        {formatCpu(node.cpu)}
      </td>
      <td data-label="Memory" className="admin-num">
        {formatBytes(node.rssBytes)} <span className="admin-faint">({formatBytes(node.heapUsedBytes)} heap)</span>
      </td>
      <td data-label="Event-loop lag" className="admin-num" data-high={node.eventLoopLagMs > 100 || undefined}>
        {formatMs(node.eventLoopLagMs)}
      </td>
      <td data-label="Uptime" className="admin-num">
        {formatDuration(node.uptimeSeconds * 1000)}
      </td>
      <td className="admin-row-actions">
        <button
          type="button"
          className={`button button--small ${node.draining ? "button--ghost" : "button--danger"}`}
          aria-haspopup="dialog"
          aria-label={`${node.draining ? "Undrain" : "Drain"} ${node.id}`}
          onClick={onToggle}
        >
          {node.draining ? "Undrain" : "Drain"}
        </button>
      </td>
    </tr>
  );
}

/** A thin bar under a share, so a hot node stands out down the column. */
function Meter({ share }: { share: number }) {
  return (
    <span className="admin-meter" aria-hidden="true" data-hot={share > 0.8 || undefined}>
      <span style={{ transform: `scaleX(${share})` }} />
    </span>
  );
}
