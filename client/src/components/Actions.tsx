/**
 * What every form and row action of the web client shares: a form's own error (an alert, not one
 * field's), its submit/cancel row, an inline "Sure?" step before something that cannot be undone
 * (AskFirst.tsx puts it in a row), and a list's load state (an error with "Try again", or
 * "Loading…"). Invariant: while a request runs, every button that could start another is
 * disabled and the busy one says what it is doing, so a double click never sends twice; one
 * markup, so the pages look and read alike.
 */
import type { ReactNode } from 'react';
import { apiError } from '../lib/errors.ts';

/** A form's error that is not one field's (a refusal, the server unreachable), read out at once. */
export function FormError({
  message,
  className,
}: {
  message: string | null | undefined;
  className?: string;
}) {
  return message ? (
    <p className={className ? `form-error ${className}` : 'form-error'} role="alert">
      {message}
    </p>
  ) : null;
}

/** The submit button (it says `busyLabel` while `busy`) and, with `onCancel`, a Cancel beside it. */
export function FormActions({
  busy,
  label,
  busyLabel,
  onCancel,
  children,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="dialog-actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="ghost" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {children}
    </div>
  );
}

/** "Revoke? [Yes, revoke] [Cancel]": the second step of an action that cannot be undone. */
export function ConfirmStep({
  question,
  yes,
  busyYes,
  busy,
  onYes,
  onCancel,
}: {
  question: ReactNode;
  yes: string;
  busyYes: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
}) {
  return (
    <span className="confirm-delete">
      {question}
      <button type="button" className="danger" disabled={busy} onClick={onYes}>
        {busy ? busyYes : yes}
      </button>
      <button type="button" className="ghost" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}

/** LoadState's props from a query's result (useQuery's): its error in words, and Try again refetches. */
export function queryState(result: {
  error?: unknown;
  loading: boolean;
  data?: unknown;
  refetch: () => Promise<unknown>;
}): { error: string | null; loading: boolean; loaded: boolean; onRetry: () => void } {
  return {
    error: result.error ? (apiError(result.error)?.message ?? 'unknown error') : null,
    loading: result.loading,
    loaded: result.data !== undefined,
    onRetry: () => void result.refetch().catch(() => {}),
  };
}

/**
 * A list's state before it can be shown: the error with "Try again" when nothing is loaded, else
 * "Loading…" until the first answer; `children` once there is data (a refetch's error keeps it).
 */
export function LoadState({
  what,
  error,
  loading,
  loaded,
  onRetry,
  children,
}: {
  what: string;
  error: string | null;
  loading: boolean;
  loaded: boolean;
  onRetry: () => void;
  children: ReactNode;
}) {
  if (error && !loaded)
    return (
      <div>
        <FormError message={`Could not load ${what}: ${error}`} />
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  if (loading && !loaded) return <p className="muted">Loading {what}…</p>;
  return <>{children}</>;
}
