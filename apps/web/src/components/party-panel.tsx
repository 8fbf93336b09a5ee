import { PARTY_MAX_SIZE, type PartyView } from "@lobby/contracts";
import { useId, useState } from "react";
import { lobbyConnection } from "../lobby-connection";
import { inviteLink } from "../room-url";
import { useLobbyStore } from "../store";
import { CodeForm } from "./code-form";
import { CopyLink } from "./copy-link";
import { PartyIcon } from "./party-icons";
import { PartyMembers } from "./party-members";

/**
 * The lobby's party card: start a party or join one by code; once in one,
 * its code and invite link, who is in it and where, and leaving it.
 */
export function PartyPanel() {
  const party = useLobbyStore((s) => s.party);
  const myId = useLobbyStore((s) => s.session?.player.id ?? "");
  const titleId = useId();
  return (
    <section
      className="party card"
      data-testid="party-panel"
      data-in-party={party ? true : undefined}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="party-title">
        <PartyIcon className="party-title-icon" />
        {party ? "Your party" : "Party up"}
        {party && (
          <span className="chip party-size" data-testid="party-size">
            {party.members.length} of {PARTY_MAX_SIZE}
          </span>
        )}
      </h2>
      {party ? <InParty party={party} myId={myId} /> : <NoParty />}
    </section>
  );
}

function NoParty() {
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    await lobbyConnection.createParty();
    setBusy(false);
  }
  return (
    <>
      <p className="party-lead">
        Search together with up to {PARTY_MAX_SIZE - 1} friends: quick match seats you in one game, on one team in team
        games.
      </p>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()}>
        Start a party
      </button>
      <JoinPartyForm />
    </>
  );
}

function JoinPartyForm() {
  return (
    <CodeForm
      kind="party"
      label="Got a party code?"
      className="party-join"
      onSubmit={(code) => lobbyConnection.joinParty(code)}
      buttons={(busy) => (
        <button type="submit" className="button button--ghost" disabled={busy}>
          Join party
        </button>
      )}
    />
  );
}

function InParty({ party, myId }: { party: PartyView; myId: string }) {
  const [leaving, setLeaving] = useState(false);
  const link = inviteLink(window.location.origin, party.code, "party");
  const leader = party.members.find((m) => m.player.id === party.leaderId)?.player.name ?? "Your leader";
  const amLeader = party.leaderId === myId;
  const alone = party.members.length === 1;

  async function leave() {
    setLeaving(true);
    await lobbyConnection.leaveParty();
    setLeaving(false);
  }

  return (
    <>
      <div className="party-invite">
        <span className="party-invite-label">Party code</span>
        <span className="party-code" data-testid="party-code">
          {party.code}
        </span>
        <CopyLink
          link={link}
          buttonClass="party-copy"
          statusClass="party-copied"
          copiedText="Link copied! Send it to your friends."
        />
      </div>
      <PartyMembers party={party} myId={myId} />
      <p className="party-hint" data-testid="party-hint">
        {alone
          ? "Send your friends the link: opening it puts them in your party."
          : amLeader
            ? "You lead: pick a game and everyone searches with you."
            : `${leader} leads: they pick the game and search for everyone.`}
      </p>
      <button
        type="button"
        className="button button--ghost button--small party-leave"
        disabled={leaving}
        onClick={() => void leave()}
      >
        Leave party
      </button>
    </>
  );
}
