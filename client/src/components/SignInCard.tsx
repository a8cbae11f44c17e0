/**
 * The card the signed-out pages share (sign-in, choosing a password): the brand, then the page's
 * own content, in the <main> landmark, so every way in to Pulse looks and reads the same.
 */
import type { ReactNode } from 'react';

export function SignInCard({ children }: { children: ReactNode }) {
  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Pulse
        </h1>
        {children}
      </div>
    </main>
  );
}
