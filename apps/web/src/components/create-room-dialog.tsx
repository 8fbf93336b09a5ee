import type { ModeId, ModeInfo } from "@lobby/contracts";
import { useId, useState, type FormEvent } from "react";
import { createRoom } from "../room-actions";
import { roomSettings } from "../room-settings";
import { useModal } from "./use-modal";

interface CreateRoomDialogProps {
  modes: readonly ModeInfo[];
  onClose: () => void;
}

/** Mounted only while open; a native modal dialog keeps focus inside and closes on Escape. */
export function CreateRoomDialog({ modes, onClose }: CreateRoomDialogProps) {
  const { ref, close, onCancel } = useModal(onClose);
  const [modeId, setModeId] = useState<ModeId | undefined>(modes[0]?.id);
  const mode = modes.find((m) => m.id === modeId) ?? modes[0];
  const [seats, setSeats] = useState(String(mode?.maxPlayers ?? 2));
  const [isPrivate, setPrivate] = useState(false);
  const [rated, setRated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), game: useId(), seats: useId(), hint: useId(), error: useId() };

  if (!mode) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mode || busy) return;
    const parsed = roomSettings({ seats, isPrivate, rated }, mode);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    const created = await createRoom(mode.id, parsed.settings);
    setBusy(false);
    if (created) onClose();
  }

  return (
    <dialog ref={ref} className="dialog card" aria-labelledby={ids.title} onCancel={onCancel}>
      <form className="dialog-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h2 id={ids.title} className="dialog-title">
          Create a room
        </h2>
        <p className="dialog-lead">
          You'll be the host: invite friends with the code, then start when everyone is ready.
        </p>

        <label htmlFor={ids.game} className="field-label">
          Game
        </label>
        <select
          id={ids.game}
          className="select-input"
          value={mode.id}
          onChange={(event) => {
            const next = modes.find((m) => m.id === event.target.value);
            if (!next) return;
            setModeId(next.id);
            setSeats(String(next.maxPlayers));
            setError(null);
          }}
        >
          {modes.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>

        <label htmlFor={ids.seats} className="field-label">
          Seats
        </label>
        <input
          id={ids.seats}
          className="text-input"
          type="number"
          inputMode="numeric"
          min={mode.minPlayers}
          max={mode.maxPlayers}
          step={1}
          value={seats}
          onChange={(event) => {
            setSeats(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
        />
        <p id={ids.hint} className="field-hint">
          {mode.minPlayers === mode.maxPlayers
            ? `${mode.name} is for exactly ${mode.minPlayers} players.`
            : `${mode.minPlayers}–${mode.maxPlayers} players for ${mode.name}.`}
        </p>
        {error && (
          <p id={ids.error} className="field-error" role="alert">
            {error}
          </p>
        )}

        <CheckField
          label="Private room"
          hint="Not listed in the room browser: only people with the code or link can join."
          checked={isPrivate}
          onChange={setPrivate}
        />
        <CheckField
          label="Rated game"
          hint="Results move everyone's rating, as in quick match. Leave it off for a friendly game."
          checked={rated}
          onChange={setRated}
        />

        <div className="dialog-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            Create
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface CheckFieldProps {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label and, under it, what ticking it means. */
function CheckField({ label, hint, checked, onChange }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id} className="check-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="check-hint">
        {hint}
      </p>
    </div>
  );
}
