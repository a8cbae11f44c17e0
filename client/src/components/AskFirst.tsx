/**
 * A row action that cannot be undone (revoke, delete, deactivate): its button among the row's
 * other actions, the "Sure?" step (ConfirmStep) in their place once it is clicked, and the state
 * behind them. One hook and one markup, so every list asks, refuses and recovers alike.
 */
import { useState, type ReactNode } from 'react';
import { apiError } from '../lib/errors.ts';
import { ConfirmStep } from './Actions.tsx';

/** What a row action behind a "Sure?" step holds: useConfirmedAction's answer. */
export interface ConfirmedAction {
  /** Whether the "Sure?" step shows. */
  confirming: boolean;
  ask: () => void;
  cancel: () => void;
  /** The last refusal, in words. */
  error: string | null;
  /** Clears the refusal, awaits `what`, and shows its error if it fails. */
  run: (what: () => Promise<unknown>) => Promise<void>;
}

/**
 * The state of a row action that asks first (revoke, delete, deactivate): the step closes once the
 * action succeeds, and after a refusal too unless `keepAskingOnError` (Yes can then be tried again).
 * `fallback` is the refusal's words when the error carries none.
 */
export function useConfirmedAction(fallback: string, { keepAskingOnError = false } = {}): ConfirmedAction {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: () => Promise<unknown>) => {
    setError(null);
    try {
      await what();
      setConfirming(false);
    } catch (e) {
      setError(apiError(e)?.message ?? fallback);
      if (!keepAskingOnError) setConfirming(false);
    }
  };
  return {
    confirming,
    ask: () => setConfirming(true),
    cancel: () => setConfirming(false),
    error,
    run,
  };
}

/**
 * A row's actions with one that asks first: `children` (the row's other actions) and the `label`
 * button; once that is clicked, the ConfirmStep in their place until Yes (`onYes`) or Cancel.
 */
export function AskFirst({
  action,
  label,
  ariaLabel,
  className = 'danger ghost',
  disabled,
  children,
  ...step
}: Omit<Parameters<typeof ConfirmStep>[0], 'onCancel'> & {
  action: Pick<ConfirmedAction, 'confirming' | 'ask' | 'cancel'>;
  label: string;
  ariaLabel?: string;
  className?: string;
  disabled?: boolean;
  children?: ReactNode;
}) {
  if (action.confirming) return <ConfirmStep {...step} onCancel={action.cancel} />;
  return (
    <>
      {children}
      <button
        type="button"
        className={className}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={action.ask}
      >
        {label}
      </button>
    </>
  );
}
