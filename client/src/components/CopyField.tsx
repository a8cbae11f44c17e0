/**
 * A secret or link shown once, read-only, with Copy: the clipboard when the browser allows it,
 * else the text selected for Ctrl+C, and a status line saying which happened. Invariant: the value
 * lives only in the caller's state; this component keeps no copy and focuses the value on mount,
 * because the form that had focus is gone by the time it shows.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function CopyField({
  label,
  value,
  describedBy,
  children,
}: {
  /** The visually hidden label of the value, e.g. "New API token". */
  label: string;
  value: string;
  describedBy?: string;
  /** Buttons after Copy (e.g. Done). */
  children?: ReactNode;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied to the clipboard.');
    } catch {
      // no clipboard (an insecure origin, a denied permission): select it for Ctrl+C
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy it.');
    }
  };
  return (
    <>
      <div className="token-copy">
        <label className="visually-hidden" htmlFor={id}>
          {label}
        </label>
        <input
          ref={input}
          id={id}
          className="token-value"
          readOnly
          value={value}
          aria-describedby={describedBy}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy
        </button>
        {children}
      </div>
      <p role="status" className="account-done">
        {copied}
      </p>
    </>
  );
}
