import { useId, useState, type FormEvent, type ReactNode } from "react";
import { readCodeInput, type InviteKind } from "../room-url";

/** Something to do with a code the form has read: resolves true once done (the field then clears). */
type CodeAction = (code: string) => Promise<boolean>;

interface CodeFormProps {
  kind: InviteKind;
  label: string;
  /** The form's class; its parts are `${className}-label` and `${className}-row`. */
  className: string;
  /** What Enter (and the submit button) does with the code. */
  onSubmit: CodeAction;
  /** The buttons beside the field: a submit button, and others that `run` their own action. */
  buttons: (busy: boolean, run: (action: CodeAction) => void) => ReactNode;
  /** Under the field: a hint, or what became of the last code tried. */
  hint?: ReactNode;
  /** The player is typing another code. */
  onEdit?: () => void;
}

/**
 * A field for a room's or a party's code (typed, or a pasted link), read
 * before anything is sent: a malformed code is explained at once.
 */
export function CodeForm({ kind, label, className, onSubmit, buttons, hint, onEdit }: CodeFormProps) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  async function run(action: CodeAction) {
    if (busy) return;
    const read = readCodeInput(value, kind);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setBusy(true);
    const done = await action(read.code);
    setBusy(false);
    if (done) setValue("");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(onSubmit);
  }

  return (
    <form className={className} onSubmit={submit} noValidate>
      <label htmlFor={inputId} className={`field-label ${className}-label`}>
        {label}
      </label>
      <div className={`${className}-row`}>
        <input
          id={inputId}
          className="text-input code-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7QX3P"
          value={value}
          onChange={(event) => {
            setValue(event.target.value.toUpperCase());
            setError(null);
            onEdit?.();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {buttons(busy, (action) => void run(action))}
      </div>
      {hint}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
