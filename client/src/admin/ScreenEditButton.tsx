/**
 * A screen row's "Edit" (issue 15): opens the layout dialog (ScreenLayoutDialog.tsx) and, once
 * saved, says that the TV follows (the server pushes the layout to it; nothing to do on the TV).
 */
import { useState } from 'react';
import { ScreenLayoutDialog } from './ScreenLayoutDialog.tsx';
import type { ScreenLayout } from './screens.ts';

export function ScreenEditButton({ screen }: { screen: { id: string; name: string; layout: ScreenLayout } }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <span className="account-done" role="status">
        {saved ? `Saved: ${saved}’s TV shows it now.` : null}
      </span>
      <button
        type="button"
        className="ghost"
        aria-label={`Edit ${screen.name}`}
        onClick={() => {
          setSaved(null);
          setOpen(true);
        }}
      >
        Edit
      </button>
      {open ? (
        <ScreenLayoutDialog
          screen={screen}
          onClose={() => setOpen(false)}
          onSaved={(name) => {
            setOpen(false);
            setSaved(name);
          }}
        />
      ) : null}
    </>
  );
}
