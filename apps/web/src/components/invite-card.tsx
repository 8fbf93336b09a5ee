import { useEffect, useId, useRef, useState } from "react";
import { inviteLink } from "../room-url";
import { showToast } from "../store";

/** The room code, big, with its shareable link and a copy button. */
export function InviteCard({ code, compact = false }: { code: string; compact?: boolean }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const linkId = useId();
  const link = inviteLink(window.location.origin, code);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2500);
    } catch {
      showToast("info", `Couldn't copy automatically. Share this link: ${link}`);
    }
  }

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
      <button type="button" className="button button--ghost button--small invite-copy" onClick={() => void copy()}>
        Copy invite link
      </button>
      <span className="invite-copied" role="status">
        {copied ? "Link copied!" : ""}
      </span>
    </div>
  );
}
