import { useEffect, useRef } from "react";
import { ModeCard } from "../components/mode-card";
import { QueuePanel } from "../components/queue-panel";
import { changeName } from "../lobby-connection";
import { useLobbyStore } from "../store";

export function LobbyScreen() {
  const session = useLobbyStore((s) => s.session);
  const stats = useLobbyStore((s) => s.stats);
  const queue = useLobbyStore((s) => s.queue);
  const heading = useRef<HTMLHeadingElement>(null);

  // Arriving here from the name screen or a room: start keyboard focus at the top.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  if (!session) return null;
  const queuedMode = queue.state === "queued" ? queue.mode : null;

  return (
    <section className="lobby" aria-labelledby="lobby-title">
      <header className="lobby-head">
        <div className="lobby-greeting">
          <h1 id="lobby-title" ref={heading} tabIndex={-1}>
            Lobby
          </h1>
          <p className="lobby-hello">
            Hi, <strong className="lobby-name">{session.player.name}</strong>!{" "}
            <button type="button" className="link-button" onClick={changeName}>
              Change name
            </button>
          </p>
        </div>
        <p className="online-pill">
          <span className="online-dot" aria-hidden="true" />
          <span data-testid="online-count">{stats ? stats.online : "–"}</span>
          <span>{stats?.online === 1 ? "player online" : "players online"}</span>
        </p>
      </header>

      <div className="lobby-body">
        <div className="lobby-modes">
          <h2 className="section-title">Pick a game</h2>
          <ul className="mode-grid">
            {session.modes.map((mode) => (
              <ModeCard
                key={mode.id}
                mode={mode}
                waiting={stats ? (stats.queues[mode.id] ?? 0) : null}
                searching={queuedMode === mode.id}
              />
            ))}
          </ul>
        </div>
        <aside className="lobby-tips" aria-labelledby="tips-title">
          <h2 id="tips-title" className="section-title">
            How it works
          </h2>
          <ol className="tips">
            <li>
              <strong>Quick match</strong> puts you in line for a game.
            </li>
            <li>As soon as enough players are waiting, you are seated together.</li>
            <li>
              Play it out, then hit <strong>Play again</strong> for a rematch.
            </li>
          </ol>
        </aside>
      </div>

      <QueuePanel queue={queue} modes={session.modes} />
    </section>
  );
}
