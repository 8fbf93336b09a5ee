import { useEffect, useRef, useState } from "react";
import { LobbyChat } from "../components/chat-tabs";
import { CreateRoomDialog } from "../components/create-room-dialog";
import { JoinCodeForm } from "../components/join-code-form";
import { LeaderboardDialog } from "../components/leaderboard-dialog";
import { ModeCard } from "../components/mode-card";
import { NoticeCard } from "../components/notice-card";
import { PartyPanel } from "../components/party-panel";
import { Podium } from "../components/podium";
import { ProfileDialog } from "../components/profile-dialog";
import { QueuePanel } from "../components/queue-panel";
import { RejoinBanner } from "../components/rejoin-banner";
import { RoomBrowser } from "../components/room-browser";
import { lobbyConnection } from "../lobby-connection";
import { partyRole } from "../party-state";
import { useLobbyStore } from "../store";

export function LobbyScreen() {
  const session = useLobbyStore((s) => s.session);
  const stats = useLobbyStore((s) => s.stats);
  const queue = useLobbyStore((s) => s.queue);
  const pendingJoin = useLobbyStore((s) => s.pendingJoin);
  const pendingParty = useLobbyStore((s) => s.pendingParty);
  const lobbyChat = useLobbyStore((s) => s.lobbyChat);
  const party = useLobbyStore((s) => s.party);
  const [creating, setCreating] = useState(false);
  const [showProfile, setShowProfile] = useState(false);
  const [showLeaderboard, setShowLeaderboard] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Arriving here from the name screen or a room: start keyboard focus at the top.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // The room list is live only while this screen shows.
  useEffect(() => {
    lobbyConnection.openRoomBrowser();
    return lobbyConnection.closeRoomBrowser;
  }, []);

  if (!session) return null;
  const queuedMode = queue.state === "queued" ? queue.mode : null;
  const role = partyRole(party, session.player.id);

  return (
    <section className="lobby" aria-labelledby="lobby-title">
      <header className="lobby-head">
        <div className="lobby-greeting">
          <h1 id="lobby-title" ref={heading} tabIndex={-1}>
            Lobby
          </h1>
          <p className="lobby-hello">
            Hi, <strong className="lobby-name">{session.player.name}</strong>!{" "}
            <button type="button" className="link-button" onClick={lobbyConnection.changeName}>
              Change name
            </button>
          </p>
          <div className="lobby-links">
            <button
              type="button"
              className="button button--ghost button--small"
              aria-haspopup="dialog"
              onClick={() => setShowProfile(true)}
            >
              <span className="profile-button-icon" aria-hidden="true">
                ★
              </span>
              Profile
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-haspopup="dialog"
              onClick={() => setShowLeaderboard(true)}
            >
              <Podium className="leaderboard-button-icon" />
              Leaderboards
            </button>
          </div>
        </div>
        <p className="online-pill">
          <span className="online-dot" aria-hidden="true" />
          <span data-testid="online-count">{stats ? stats.online : "–"}</span>
          <span>online</span>
        </p>
      </header>

      <NoticeCard />
      <RejoinBanner modes={session.modes} />

      {pendingJoin && (
        <p className="lobby-notice" role="status">
          <span className="spinner" aria-hidden="true" /> Joining room {pendingJoin}…
        </p>
      )}
      {pendingParty && (
        <p className="lobby-notice" role="status">
          <span className="spinner" aria-hidden="true" /> Joining party {pendingParty}…
        </p>
      )}

      <div className="lobby-body" data-party={party ? true : undefined}>
        <section className="lobby-modes" aria-labelledby="modes-title">
          <h2 id="modes-title" className="section-title">
            Quick match
          </h2>
          <ul className="mode-grid">
            {session.modes.map((mode) => (
              <ModeCard
                key={mode.id}
                mode={mode}
                waiting={stats ? (stats.queues[mode.id] ?? 0) : null}
                searching={queuedMode === mode.id}
                party={role}
              />
            ))}
          </ul>
        </section>

        <div className="lobby-side">
          <PartyPanel />
          <section className="friends card" aria-labelledby="friends-title">
            <h2 id="friends-title" className="friends-title">
              Play with friends
            </h2>
            <p className="friends-lead">Make a room, share its code or link, and start when everyone's ready.</p>
            <button type="button" className="button button--primary friends-create" onClick={() => setCreating(true)}>
              Create room
            </button>
            <div className="friends-divider" aria-hidden="true">
              <span>or join one</span>
            </div>
            <JoinCodeForm />
          </section>
        </div>

        <div className="lobby-browser">
          <RoomBrowser modes={session.modes} hideFilter={creating} />
        </div>

        <div className="lobby-chat">
          <LobbyChat messages={lobbyChat} />
        </div>
      </div>

      {creating && <CreateRoomDialog modes={session.modes} onClose={() => setCreating(false)} />}
      {showProfile && (
        <ProfileDialog playerName={session.player.name} modes={session.modes} onClose={() => setShowProfile(false)} />
      )}
      {showLeaderboard && <LeaderboardDialog modes={session.modes} onClose={() => setShowLeaderboard(false)} />}
      <QueuePanel queue={queue} modes={session.modes} party={role} />
    </section>
  );
}
