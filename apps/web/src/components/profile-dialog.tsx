import type { ModeInfo } from "@lobby/contracts";
import { useEffect, useId, useRef, useState } from "react";
import { loadProfile } from "../lobby-connection";
import { useLobbyStore } from "../store";
import { ProfileHistory, ProfileRatings } from "./profile-sections";

interface ProfileDialogProps {
  playerName: string;
  modes: readonly ModeInfo[];
  onClose: () => void;
}

type Fetch = "loading" | "done" | "failed";

/**
 * The player's ratings and last games. Mounted only while open, and fetched
 * fresh every time it opens; a profile already known (from queueing) shows
 * meanwhile. A native modal dialog keeps focus inside and closes on Escape.
 */
export function ProfileDialog({ playerName, modes, onClose }: ProfileDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const profile = useLobbyStore((s) => s.profile);
  const [fetch, setFetch] = useState<Fetch>("loading");
  const [attempt, setAttempt] = useState(0);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let current = true;
    void loadProfile().then((ok) => {
      if (current) setFetch(ok ? "done" : "failed");
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  // Close the modal first: while it is open the page behind is inert, and closing hands focus back to
  // whatever opened it.
  function close() {
    dialog.current?.close();
    onClose();
  }

  function retry() {
    setFetch("loading");
    setAttempt((n) => n + 1);
  }

  return (
    <dialog
      ref={dialog}
      className="dialog dialog--wide card"
      aria-labelledby={titleId}
      aria-busy={fetch === "loading" || undefined}
      data-testid="profile"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="profile">
        <header className="profile-head">
          <span className="profile-avatar" aria-hidden="true">
            {[...playerName][0]?.toUpperCase()}
          </span>
          <div className="profile-title">
            <p className="eyebrow">Your profile</p>
            <h2 id={titleId} className="dialog-title profile-name">
              {playerName}
            </h2>
          </div>
          <button type="button" className="dialog-close" aria-label="Close profile" onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
        </header>

        {profile ? (
          <>
            {fetch === "failed" && <FetchFailed retry={retry} stale />}
            <ProfileRatings ratings={profile.ratings} modes={modes} />
            <ProfileHistory history={profile.history} modes={modes} />
          </>
        ) : fetch === "failed" ? (
          <FetchFailed retry={retry} stale={false} />
        ) : (
          <p className="profile-loading" role="status">
            <span className="spinner" aria-hidden="true" /> Loading your profile…
          </p>
        )}

        <div className="dialog-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

function FetchFailed({ retry, stale }: { retry: () => void; stale: boolean }) {
  return (
    <p className="profile-failed" role="alert">
      {stale ? "Couldn't refresh your profile; this is what it was." : "Couldn't load your profile."}{" "}
      <button type="button" className="link-button" onClick={retry}>
        Try again
      </button>
    </p>
  );
}
