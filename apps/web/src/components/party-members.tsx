import type { PartyMember, PartyView } from "@lobby/contracts";
import { useEffect, useRef, useState } from "react";
import { lobbyConnection } from "../lobby-connection";
import { MEMBER_STATUS_TEXT } from "../party-state";
import { CrownIcon } from "./party-icons";

/** The party's members: who leads, where each is, and (for the leader) a Remove that asks first. */
export function PartyMembers({ party, myId }: { party: PartyView; myId: string }) {
  const amLeader = party.leaderId === myId;
  return (
    <ul className="party-members" aria-label="Party members">
      {party.members.map((member) => (
        <MemberRow
          key={member.player.id}
          member={member}
          isLeader={member.player.id === party.leaderId}
          isMe={member.player.id === myId}
          canRemove={amLeader && member.player.id !== myId}
        />
      ))}
    </ul>
  );
}

interface MemberRowProps {
  member: PartyMember;
  isLeader: boolean;
  isMe: boolean;
  canRemove: boolean;
}

function MemberRow({ member, isLeader, isMe, canRemove }: MemberRowProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const name = member.player.name;

  // Asking moves focus to the answer, so a keyboard user is not left on a button that is gone.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function remove() {
    setBusy(true);
    await lobbyConnection.kickFromParty(member.player.id);
    setBusy(false);
    setConfirming(false);
  }

  return (
    <li
      className="party-member"
      data-testid={`party-member-${name}`}
      data-status={member.status}
      data-leader={isLeader || undefined}
    >
      <span className="party-avatar" aria-hidden="true">
        {Array.from(name)[0]?.toUpperCase()}
        {isLeader && <CrownIcon className="party-crown" />}
      </span>
      <span className="party-member-body">
        <span className="party-member-top">
          <span className="party-member-name" title={name}>
            {name}
          </span>
          {isMe && <span className="badge badge--you">You</span>}
          {isLeader && <span className="badge badge--leader">Leader</span>}
        </span>
        <span className="party-member-status" data-testid="party-member-status">
          <span className="party-status-dot" aria-hidden="true" />
          {MEMBER_STATUS_TEXT[member.status]}
        </span>
      </span>
      {canRemove && !confirming && (
        <button
          type="button"
          className="button button--ghost button--tiny"
          aria-label={`Remove ${name} from the party`}
          onClick={() => setConfirming(true)}
        >
          Remove
        </button>
      )}
      {confirming && (
        <span className="party-confirm" role="group" aria-label={`Remove ${name}?`}>
          <span className="party-confirm-text">Remove {name}?</span>
          <button
            ref={confirmButton}
            type="button"
            className="button button--danger button--tiny"
            disabled={busy}
            onClick={() => void remove()}
          >
            Remove
          </button>
          <button
            type="button"
            className="button button--ghost button--tiny"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            Keep
          </button>
        </span>
      )}
    </li>
  );
}
