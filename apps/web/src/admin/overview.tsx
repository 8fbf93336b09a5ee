import { MODE_IDS } from "@lobby/contracts";
import { useMemo, type ReactNode } from "react";
import { formatCount, formatRate, formatWait, modeName, PHASE_LABELS, WHERE_LABELS } from "./admin-format";
import { averageQueueWait, cpuSeries, matchesPerMinute, memorySeries, onlineSeries, type Sample } from "./admin-series";
import { useAdminStore } from "./admin-store";
import { Sparkline } from "./sparkline";

/* The figures at the top of the page: live counts, then the charts of the last ten minutes. */

export function LiveCounts() {
  const snapshot = useAdminStore((s) => s.snapshot);
  if (!snapshot) return null;
  const queued = MODE_IDS.reduce((sum, mode) => sum + (snapshot.queues[mode] ?? 0), 0);
  const busy = snapshot.nodes.filter((n) => n.busy).length;
  const draining = snapshot.nodes.filter((n) => n.draining).length;

  return (
    <section className="admin-tiles" aria-label="Live counts">
      <Tile label="Players online" value={snapshot.online} testId="count-online">
        {breakdown(
          countBy(snapshot.players, (p) => p.where),
          WHERE_LABELS,
        )}
      </Tile>
      <Tile label="In queue" value={queued} testId="count-queued">
        <ul className="admin-tile-list">
          {MODE_IDS.map((mode) => (
            <li key={mode}>
              {modeName(mode)} <strong>{snapshot.queues[mode] ?? 0}</strong>
            </li>
          ))}
        </ul>
      </Tile>
      <Tile label="Rooms" value={snapshot.roomsTotal} testId="count-rooms">
        {breakdown(
          countBy(snapshot.rooms, (r) => r.phase),
          PHASE_LABELS,
        )}
        {snapshot.roomsTotal > snapshot.rooms.length && (
          <span className="admin-tile-note">phases of the {snapshot.rooms.length} busiest</span>
        )}
      </Tile>
      <Tile label="Nodes" value={snapshot.nodes.length} testId="count-nodes">
        {busy + draining === 0 ? (
          <span className="admin-ok">All taking players</span>
        ) : (
          <span className="admin-warn">
            {[busy && `${busy} busy`, draining && `${draining} draining`].filter(Boolean).join(" · ")}
          </span>
        )}
      </Tile>
    </section>
  );
}

function Tile({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: number;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="admin-tile card">
      <p className="admin-tile-label">{label}</p>
      <p className="admin-tile-value" data-testid={testId}>
        {formatCount(value)}
      </p>
      <div className="admin-tile-detail">{children}</div>
    </div>
  );
}

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** "2 Playing · 1 Waiting", in the labels' order, leaving out zeros. */
function breakdown<K extends string>(counts: Partial<Record<K, number>>, labels: Record<K, string>): ReactNode {
  const parts = (Object.keys(labels) as K[])
    .filter((k) => counts[k])
    .map((k) => `${counts[k]} ${labels[k].toLowerCase()}`);
  return <span>{parts.length > 0 ? parts.join(" · ") : "none yet"}</span>;
}

export function Charts() {
  const history = useAdminStore((s) => s.history);
  const charts = useMemo(() => chartsOf(history), [history]);
  if (history.length === 0) return null;
  return (
    <section className="admin-charts" aria-labelledby="charts-title">
      <h2 id="charts-title" className="admin-section-title">
        Last 10 minutes
      </h2>
      <div className="admin-chart-grid">
        <Sparkline
          title="Players online"
          series={[charts.online]}
          format={(v) => formatCount(Math.round(v))}
          minCeiling={4}
        />
        <Sparkline title="Matches / minute" series={[charts.matches]} format={formatRate} minCeiling={2} />
        <Sparkline
          title="Avg. queue wait"
          series={[charts.wait]}
          format={formatWait}
          minCeiling={5000}
          empty="nobody seated"
        />
        <Sparkline title="CPU" series={charts.cpu} format={(v) => `${Math.round(v)}%`} minCeiling={20} />
        <Sparkline title="Memory" series={charts.memory} format={(v) => `${Math.round(v)} MB`} minCeiling={128} />
      </div>
    </section>
  );
}

function chartsOf(history: readonly Sample[]) {
  return {
    online: { label: "Players online", points: onlineSeries(history) },
    matches: { label: "Matches per minute", points: matchesPerMinute(history) },
    wait: { label: "Average queue wait", points: averageQueueWait(history) },
    cpu: cpuSeries(history),
    memory: memorySeries(history),
  };
}
