/**
 * Form building blocks: a modal dialog, a labelled field with its error, and the one-line name
 * field (a person's, a team's, a screen's) and description field (a badge rule's, a contest's)
 * the forms share.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus moves in and is kept there by the browser; Escape closes it. */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  children: (props: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A name: one line, at most 200 characters (the server's limit), no autofill. */
export function NameField({
  label = 'Name',
  error,
  value,
  onChange,
  autoFocus = false,
  placeholder,
}: {
  label?: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <input
          {...props}
          autoFocus={autoFocus}
          autoComplete="off"
          maxLength={200}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A description: one line, at most 2,000 characters (the server's limit). */
export function DescriptionField({
  error,
  value,
  onChange,
}: {
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label="Description" error={error}>
      {(props) => (
        <input {...props} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
