import type { AdminPlayer } from "@lobby/contracts";
import { useId, useState } from "react";
import { ActionDialog, checkReason, ReasonField } from "./action-dialog";
import { adminConnection } from "./admin-connection";
import { formatMinutes } from "./admin-format";

/* The confirmations for kicking and banning a player. */

/** A ban's limits, as the contract takes them: a minute to a week. */
export const BAN_MINUTES_MAX = 7 * 24 * 60;
const BAN_PRESETS = [15, 60, 24 * 60, BAN_MINUTES_MAX] as const;

interface PlayerDialogProps {
  player: AdminPlayer;
  onDone: () => void;
  onClose: () => void;
}

export function KickDialog({ player, onDone, onClose }: PlayerDialogProps) {
  const [reason, setReason] = useState("");
  return (
    <ActionDialog
      title={`Kick ${player.name}?`}
      lead={
        <p>
          Their session ends now: out of their queue or room (a running game is forfeited), told your reason, and
          disconnected. They can come back as a new session.
        </p>
      }
      confirmLabel="Kick"
      danger
      validate={() => checkReason(reason)}
      run={() => adminConnection.request("admin:kick", { playerId: player.id, reason: reason.trim() })}
      onDone={onDone}
      onClose={onClose}
    >
      <ReasonField value={reason} onChange={setReason} hint={`${player.name} is shown it.`} />
    </ActionDialog>
  );
}

/** Whole minutes from 1 to a week, or why not. */
export function parseBanMinutes(raw: string): { ok: true; minutes: number } | { ok: false; error: string } {
  const minutes = Number(raw.trim());
  if (raw.trim() === "" || !Number.isInteger(minutes) || minutes < 1 || minutes > BAN_MINUTES_MAX) {
    return { ok: false, error: `A ban lasts whole minutes, from 1 to ${BAN_MINUTES_MAX} (a week).` };
  }
  return { ok: true, minutes };
}

export function BanDialog({ player, onDone, onClose }: PlayerDialogProps) {
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState("60");
  const minutesId = useId();
  const parsed = parseBanMinutes(minutes);
  return (
    <ActionDialog
      title={`Ban ${player.name}?`}
      lead={
        <p>
          They are kicked at once, and their address and their device are refused across the cluster until the ban runs
          out.
        </p>
      }
      confirmLabel="Ban"
      danger
      validate={() => checkReason(reason) ?? (parsed.ok ? null : parsed.error)}
      run={() =>
        adminConnection.request("admin:ban", {
          playerId: player.id,
          reason: reason.trim(),
          minutes: parsed.ok ? parsed.minutes : 0,
        })
      }
      onDone={onDone}
      onClose={onClose}
    >
      <ReasonField value={reason} onChange={setReason} hint={`${player.name} is shown it.`} />
      <label htmlFor={minutesId} className="field-label">
        Minutes
      </label>
      <div className="admin-minutes">
        <input
          id={minutesId}
          className="text-input text-input--small admin-minutes-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={BAN_MINUTES_MAX}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          aria-describedby={`${minutesId}-hint`}
          aria-invalid={parsed.ok ? undefined : true}
        />
        <div className="admin-presets" role="group" aria-label="Common lengths">
          {BAN_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="chip admin-preset"
              aria-pressed={parsed.ok && parsed.minutes === preset}
              onClick={() => setMinutes(String(preset))}
            >
              {formatMinutes(preset)}
            </button>
          ))}
        </div>
      </div>
      <p id={`${minutesId}-hint`} className="field-hint">
        {parsed.ok ? `Banned for ${formatMinutes(parsed.minutes)}.` : parsed.error}
      </p>
    </ActionDialog>
  );
}
