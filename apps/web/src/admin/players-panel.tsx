import type { AdminPlayer } from "@lobby/contracts";
import { useId, useState, type FormEvent } from "react";
import { NoticeLine, useNotice } from "./action-dialog";
import { adminConnection } from "./admin-connection";
import { formatCount, formatDuration, modeName, WHERE_LABELS } from "./admin-format";
import { useAdminStore } from "./admin-store";
import { BanDialog, KickDialog } from "./player-dialogs";

/* Finding a player (by name or id) among everyone online, and kicking or banning them. */

/** The most of the snapshot's players listed before a search. */
export const PLAYERS_SHOWN = 50;

type Removal = { kind: "kick" | "ban"; player: AdminPlayer };

export function PlayersPanel() {
  const players = useAdminStore((s) => s.snapshot?.players);
  const playersTotal = useAdminStore((s) => s.snapshot?.playersTotal ?? 0);
  const now = useAdminStore((s) => s.snapshot?.at ?? 0);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ query: string; players: AdminPlayer[] } | null>(null);
  const [searching, setSearching] = useState(false);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [notice, setNotice] = useNotice();
  const inputId = useId();
  if (!players) return null;

  async function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = query.trim();
    if (searching) return;
    if (text === "") {
      setResults(null);
      return;
    }
    setSearching(true);
    const result = await adminConnection.request("admin:search-players", { query: text });
    setSearching(false);
    if (result.ok) {
      setResults({ query: text, players: result.data.players });
      setNotice(null);
    } else setNotice({ kind: "error", text: `The search failed: ${result.error.message}` });
  }

  function removed(player: AdminPlayer, kind: Removal["kind"]) {
    setNotice({ kind: "ok", text: kind === "kick" ? `Kicked ${player.name}.` : `Banned ${player.name}.` });
    // A past search still lists them: they are gone now.
    setResults((r) => r && { ...r, players: r.players.filter((p) => p.id !== player.id) });
    setRemoval(null);
  }

  const listed = results ? results.players : players.slice(0, PLAYERS_SHOWN);

  return (
    <section className="admin-panel card" aria-labelledby="players-title">
      <header className="admin-panel-head">
        <h2 id="players-title" className="admin-section-title">
          Players <span className="admin-count">{formatCount(playersTotal)}</span>
        </h2>
      </header>
      <form className="admin-search" role="search" onSubmit={(event) => void onSearch(event)}>
        <label htmlFor={inputId} className="admin-field-label">
          Find a player
        </label>
        <div className="admin-search-row">
          <input
            id={inputId}
            className="text-input text-input--small"
            type="search"
            placeholder="Part of a name, or a player id"
            maxLength={64}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="button button--primary button--small" disabled={searching}>
            {searching && <span className="spinner" aria-hidden="true" />}
            Search
          </button>
          {results && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setResults(null);
                setQuery("");
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      <p className="admin-list-caption">
        {results
          ? `${results.players.length === 0 ? "No player" : formatCount(results.players.length)} matching “${results.query}”`
          : players.length > PLAYERS_SHOWN
            ? `The ${PLAYERS_SHOWN} busiest of ${formatCount(playersTotal)}`
            : "Everyone online, the busiest first"}
      </p>
      {listed.length > 0 && (
        <ul className="admin-players" aria-label={results ? "Search results" : "Players online"}>
          {listed.map((player) => (
            <PlayerRow
              key={player.id}
              player={player}
              now={now}
              onKick={() => setRemoval({ kind: "kick", player })}
              onBan={() => setRemoval({ kind: "ban", player })}
            />
          ))}
        </ul>
      )}
      {removal?.kind === "kick" && (
        <KickDialog
          player={removal.player}
          onDone={() => removed(removal.player, "kick")}
          onClose={() => setRemoval(null)}
        />
      )}
      {removal?.kind === "ban" && (
        <BanDialog
          player={removal.player}
          onDone={() => removed(removal.player, "ban")}
          onClose={() => setRemoval(null)}
        />
      )}
    </section>
  );
}

interface PlayerRowProps {
  player: AdminPlayer;
  now: number;
  onKick: () => void;
  onBan: () => void;
}

function PlayerRow({ player, now, onKick, onBan }: PlayerRowProps) {
  return (
    <li className="admin-player" data-testid={`player-${player.name}`}>
      <div className="admin-player-who">
        <span className="admin-player-name">{player.name}</span>
        <span className="admin-faint admin-id" title="Player id">
          {player.id}
        </span>
      </div>
      <div className="admin-player-where">
        <span className="admin-badge" data-where={player.where}>
          {WHERE_LABELS[player.where]}
          {player.mode && ` · ${modeName(player.mode)}`}
        </span>
        {player.away && (
          <span className="admin-badge" data-tone="warning">
            Away
          </span>
        )}
        <span className="admin-faint">
          {player.node ?? "no node"} · online {formatDuration(Math.max(0, now - player.connectedAt))}
        </span>
      </div>
      <div className="admin-row-actions">
        <button
          type="button"
          className="button button--ghost button--small"
          aria-haspopup="dialog"
          aria-label={`Kick ${player.name}`}
          onClick={onKick}
        >
          Kick
        </button>
        <button
          type="button"
          className="button button--danger button--small"
          aria-haspopup="dialog"
          aria-label={`Ban ${player.name}`}
          onClick={onBan}
        >
          Ban
        </button>
      </div>
    </li>
  );
}
