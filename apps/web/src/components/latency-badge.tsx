import { lobbyConnection } from "../lobby-connection";
import { formatRtt, rttQuality } from "../format";

/** A seat's last measured round trip, coloured by how it will feel. */
export function LatencyBadge({ rttMs, isMe }: { rttMs: number | null; isMe: boolean }) {
  // Until the room's first latency report, our own figure is already known locally.
  const ms = rttMs ?? (isMe ? lobbyConnection.ownRttMs() : null);
  if (ms === null) {
    return (
      <span className="rtt" data-testid="rtt" data-quality="unknown" title="Measuring connection…">
        – ms
      </span>
    );
  }
  const quality = rttQuality(ms);
  return (
    <span className="rtt" data-testid="rtt" data-quality={quality} title={`Connection: ${quality}`}>
      <span className="rtt-bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {formatRtt(ms)}
    </span>
  );
}
