import { MODE_IDS, type ModeId, type ModeInfo } from "@lobby/contracts";
import { useId, useState } from "react";
import { lobbyConnection } from "../lobby-connection";
import { quickMatch } from "../room-actions";
import { useLobbyStore } from "../store";
import { DialogCloseRow, DialogHead } from "./dialog-parts";
import { FetchFailed, FetchLoading, useFreshFetch } from "./fresh-fetch";
import { LeaderboardTable } from "./leaderboard-table";
import { ModeTabs } from "./mode-tabs";
import { Podium } from "./podium";
import { useModal } from "./use-modal";

interface LeaderboardDialogProps {
  modes: readonly ModeInfo[];
  onClose: () => void;
}

const fetchLeaderboard = (mode: ModeId) => lobbyConnection.loadLeaderboard(mode);

/**
 * The best players of each game mode, one mode at a time, with the player's
 * own place. Mounted only while open; each mode's board is fetched fresh on
 * opening and on switching to it, and a board already known shows meanwhile.
 */
export function LeaderboardDialog({ modes, onClose }: LeaderboardDialogProps) {
  const { ref, close, onCancel } = useModal(onClose);
  // The session always lists modes; the registry's first only stands in for the type's sake.
  const [modeId, setModeId] = useState<ModeId>(modes[0]?.id ?? MODE_IDS[0]);
  const board = useLobbyStore((s) => s.leaderboards[modeId]);
  const { status, retry } = useFreshFetch(modeId, fetchLeaderboard);
  const titleId = useId();
  const panelId = useId();
  const mode = modes.find((m) => m.id === modeId);

  if (!mode) return null;

  function play(id: ModeId) {
    close();
    quickMatch(id);
  }

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide card"
      aria-labelledby={titleId}
      data-testid="leaderboard"
      onCancel={onCancel}
    >
      <div className="dialog-sheet">
        <DialogHead
          emblem={<Podium />}
          emblemClass="leaderboard-emblem"
          eyebrow="Top players"
          title="Leaderboards"
          titleId={titleId}
          closeLabel="Close leaderboards"
          onClose={close}
        />

        <ModeTabs modes={modes} selected={mode.id} onSelect={setModeId} label="Game" panelId={panelId} />

        <div
          id={panelId}
          role="tabpanel"
          className="leaderboard-panel"
          aria-labelledby={`${panelId}-${mode.id}`}
          aria-busy={status === "loading" || undefined}
          data-testid={`leaderboard-${mode.id}`}
        >
          {board ? (
            <>
              {status === "failed" && (
                <FetchFailed text="Couldn't refresh this leaderboard; this is how it stood." retry={retry} />
              )}
              <LeaderboardTable board={board} modeName={mode.name} onPlay={() => play(mode.id)} />
            </>
          ) : status === "failed" ? (
            <FetchFailed text={`Couldn't load the ${mode.name} leaderboard.`} retry={retry} />
          ) : (
            <FetchLoading text={`Loading the ${mode.name} leaderboard…`} />
          )}
        </div>

        <DialogCloseRow onClose={close} />
      </div>
    </dialog>
  );
}
