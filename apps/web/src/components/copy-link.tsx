import { useEffect, useRef, useState } from "react";
import { showToast } from "../store";

/** How long the confirmation stays after a copy. */
const COPIED_MS = 2500;

interface CopyLinkProps {
  link: string;
  /** The button's own class, beside the ghost button's. */
  buttonClass: string;
  /** The confirmation's class; it is empty (and may hide) until a copy. */
  statusClass: string;
  /** What the confirmation says. */
  copiedText: string;
}

/**
 * "Copy invite link" and its confirmation, announced to screen readers.
 * Where the clipboard is refused, a toast shows the link to copy by hand.
 */
export function CopyLink({ link, buttonClass, statusClass, copiedText }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), COPIED_MS);
    } catch {
      showToast("info", `Couldn't copy automatically. Share this link: ${link}`);
    }
  }

  return (
    <>
      <button type="button" className={`button button--ghost button--small ${buttonClass}`} onClick={() => void copy()}>
        Copy invite link
      </button>
      <span className={statusClass} role="status">
        {copied ? copiedText : ""}
      </span>
    </>
  );
}
