import { useId } from "react";
import { inviteLink } from "../room-url";
import { CopyLink } from "./copy-link";

/** The room code, big, with its shareable link and a copy button. */
export function InviteCard({ code, compact = false }: { code: string; compact?: boolean }) {
  const linkId = useId();
  const link = inviteLink(window.location.origin, code);

  return (
    <div className="invite" data-compact={compact || undefined}>
      <span className="invite-label">Room code</span>
      <span className="invite-code" data-testid="room-code">
        {code}
      </span>
      {!compact && (
        <>
          <label htmlFor={linkId} className="visually-hidden">
            Invite link
          </label>
          <input
            id={linkId}
            className="invite-link"
            type="text"
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
          />
        </>
      )}
      <CopyLink link={link} buttonClass="invite-copy" statusClass="invite-copied" copiedText="Link copied!" />
    </div>
  );
}
