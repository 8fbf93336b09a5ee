import type { ModeInfo } from "@lobby/contracts";
import { useId } from "react";
import { lobbyConnection } from "../lobby-connection";
import { useLobbyStore } from "../store";
import { DialogCloseRow, DialogHead } from "./dialog-parts";
import { FetchFailed, FetchLoading, useFreshFetch } from "./fresh-fetch";
import { ProfileHistory, ProfileRatings } from "./profile-sections";
import { useModal } from "./use-modal";

interface ProfileDialogProps {
  playerName: string;
  modes: readonly ModeInfo[];
  onClose: () => void;
}

const fetchProfile = () => lobbyConnection.loadProfile();

/**
 * The player's ratings and last games. Mounted only while open, and fetched
 * fresh every time it opens; a profile already known (from an earlier
 * opening) shows meanwhile.
 */
export function ProfileDialog({ playerName, modes, onClose }: ProfileDialogProps) {
  const { ref, close, onCancel } = useModal(onClose);
  const profile = useLobbyStore((s) => s.profile);
  const { status, retry } = useFreshFetch("profile", fetchProfile);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide card"
      aria-labelledby={titleId}
      aria-busy={status === "loading" || undefined}
      data-testid="profile"
      onCancel={onCancel}
    >
      <div className="dialog-sheet">
        <DialogHead
          emblem={[...playerName][0]?.toUpperCase()}
          emblemClass="profile-avatar"
          eyebrow="Your profile"
          title={playerName}
          titleId={titleId}
          titleClass="profile-name"
          closeLabel="Close profile"
          onClose={close}
        />

        {profile ? (
          <>
            {status === "failed" && (
              <FetchFailed text="Couldn't refresh your profile; this is what it was." retry={retry} />
            )}
            <ProfileRatings ratings={profile.ratings} modes={modes} />
            <ProfileHistory history={profile.history} modes={modes} />
          </>
        ) : status === "failed" ? (
          <FetchFailed text="Couldn't load your profile." retry={retry} />
        ) : (
          <FetchLoading text="Loading your profile…" />
        )}

        <DialogCloseRow onClose={close} />
      </div>
    </dialog>
  );
}
