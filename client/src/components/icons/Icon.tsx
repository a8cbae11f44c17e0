/**
 * Icons drawn by the client (issue 17): every icon, medal and status mark is an inline SVG, never a
 * glyph from an emoji font, which a kiosk browser (a Raspberry Pi, a stick PC) may not have and
 * then shows as an empty box. Invariant: the shapes are strokes and fills in `currentColor` on a
 * 24×24 grid, so an icon takes the colour and size (1em) of the text it stands in; decorative
 * unless given a `label` (then role="img" with that name).
 */
import type { ReactNode } from 'react';

const PATHS = {
  trophy: (
    <>
      <path d="M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0z" />
      <path d="M17 5h3v2a3 3 0 0 1-3 3M7 5H4v2a3 3 0 0 0 3 3" />
    </>
  ),
  rocket: (
    <>
      <path d="M12 2c3 2.2 5 6 5 10l-2 4H9l-2-4c0-4 2-7.8 5-10z" />
      <circle cx="12" cy="9.5" r="1.6" />
      <path d="M9 16l-3 2.5V14M15 16l3 2.5V14M10.5 19.5l1.5 2.5 1.5-2.5" />
    </>
  ),
  chart: (
    <>
      <path d="M3 3v18h18" />
      <path d="M7 15l4-4 3 3 6-7" />
      <path d="M16 7h4v4" />
    </>
  ),
  handshake: (
    <>
      <path d="M2 10l4-4 4 1.5L13 6l3 .5 6 3.5" />
      <path d="M22 10l-3 4.5-5 3.5-2-1.5M2 10l3 5 3.5 3 2-.5" />
      <path d="M9 10l3 2 2-1 3 3" />
    </>
  ),
  target: (
    <>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="5" />
      <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    </>
  ),
  money: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <circle cx="12" cy="12" r="3" />
      <path d="M6 9.5v5M18 9.5v5" />
    </>
  ),
  users: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M17 14c2.8 0 4.5 2 4.5 5" />
    </>
  ),
  star: <path d="M12 2.8l2.8 6 6.4.6-4.9 4.3 1.5 6.4L12 16.8l-5.8 3.3 1.5-6.4-4.9-4.3 6.4-.6z" />,
  flame: (
    <path d="M12 22c4 0 7-2.8 7-7 0-4-3-6.5-4-9.5-1 2-2 3-3.2 3.2C12 6.5 11 4 9 2c0 4-4 6.8-4 13 0 4.2 3 7 7 7z" />
  ),
  crown: <path d="M3 18h18M3.5 18L2.5 7.5l5 4.5L12 4.5l4.5 7.5 5-4.5-1 10.5z" />,
  badge: (
    <>
      <circle cx="12" cy="9" r="6" />
      <path d="M8.6 14L7 22l5-3 5 3-1.6-8" />
    </>
  ),
  medal: (
    <>
      <path d="M7.5 2l3 6.5M16.5 2l-3 6.5" />
      <circle cx="12" cy="15" r="6" />
    </>
  ),
  check: <path d="M4.5 12.5l5 5L20 7" />,
  cross: <path d="M6 6l12 12M18 6L6 18" />,
  'arrow-up-right': <path d="M7 17L17 7M9 7h8v8" />,
  'arrow-right': <path d="M4 12h16M14 6l6 6-6 6" />,
  'arrow-up': <path d="M12 20V4M6 10l6-6 6 6" />,
  'arrow-down': <path d="M12 4v16M6 14l6 6 6-6" />,
  alert: <path d="M12 6v8M12 18v.5" />,
  'caret-up': <path d="M12 6l7 11H5z" fill="currentColor" />,
  'caret-down': <path d="M12 18L5 7h14z" fill="currentColor" />,
  phone: (
    <path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" />
  ),
  calendar: (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;
export const ICON_NAMES = Object.keys(PATHS) as IconName[];

export function Icon({
  name,
  label,
  className,
}: {
  name: IconName;
  /** Its accessible name; without one the icon is decorative (aria-hidden). */
  label?: string;
  className?: string;
}) {
  return (
    <svg
      className={`icon icon-${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {label ? <title>{label}</title> : null}
      {PATHS[name]}
    </svg>
  );
}
