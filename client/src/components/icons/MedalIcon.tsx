/**
 * The gold, silver and bronze medals of ranks 1-3, drawn (no emoji font needed): a ribbon and a
 * disc in the medal's colour with its rank on it. Named for assistive technology ("Gold medal")
 * by aria-label only: no <title> or text node, so a board row's text is what it was.
 */
import type { Medal } from '../../gql/graphql.ts';

/** Each medal's colours, name, and its rank drawn as a stroke (no text node: a row's text stays its own). */
export const MEDALS: Record<Medal, { digit: string; name: string; fill: string; ribbon: string }> = {
  GOLD: { digit: 'M10.8 12.6l1.6-1.1v7', name: 'Gold medal', fill: '#e6b422', ribbon: '#c0392b' },
  SILVER: {
    digit: 'M10 12.8a2 2 0 1 1 3.3 1.5L10 18.4h4.2',
    name: 'Silver medal',
    fill: '#b8c2cc',
    ribbon: '#2e86c1',
  },
  BRONZE: {
    digit: 'M10 11.6h3.8l-2.1 2.3a2.2 2.2 0 1 1-1.8 3.7',
    name: 'Bronze medal',
    fill: '#cd7f32',
    ribbon: '#27ae60',
  },
};

export function MedalIcon({ medal, className }: { medal: Medal; className?: string }) {
  const { digit, name, fill, ribbon } = MEDALS[medal];
  return (
    <svg
      className={`icon medal-icon medal-icon-${medal.toLowerCase()}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      role="img"
      aria-label={name}
      focusable="false"
    >
      <path d="M6.5 1.5h4l2.5 7h-4zM17.5 1.5h-4L11 8.5h4z" fill={ribbon} />
      <circle cx="12" cy="15" r="7" fill={fill} stroke="rgba(0,0,0,.25)" strokeWidth="1" />
      <circle cx="12" cy="15" r="5" fill="none" stroke="rgba(255,255,255,.45)" strokeWidth="1" />
      <path
        d={digit}
        fill="none"
        stroke="rgba(0,0,0,.6)"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
