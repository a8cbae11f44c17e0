/**
 * Drawn icons (issue 17): a badge's emoji from the server becomes an SVG (a known one its own, any
 * other a rosette), plain text stays text; medals, status marks and rank arrows render no emoji
 * or symbol glyph a kiosk's fonts may lack.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Medal } from '../Medal.tsx';
import { RankChange } from '../RankChange.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { BadgeIcon, badgeIconName } from './BadgeIcon.tsx';
import { Icon, ICON_NAMES } from './Icon.tsx';

const GLYPHS = /[\p{Extended_Pictographic}\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf]/u;

describe('badge icons', () => {
  it('draws the emoji badges use, a rosette for any other emoji, and keeps plain text', () => {
    expect(badgeIconName('🏆')).toBe('trophy');
    expect(badgeIconName('⭐️')).toBe('star');
    expect(badgeIconName('🐋')).toBe('badge');
    expect(badgeIconName('VIP')).toBeNull();
    const drawn = render(<BadgeIcon icon="🚀" />).container;
    expect(drawn.querySelector('svg.icon-rocket')).not.toBeNull();
    expect(drawn.textContent).toBe('');
    expect(render(<BadgeIcon icon="VIP" />).container.textContent).toBe('VIP');
  });
});

describe('the client’s marks', () => {
  it('are SVG, with no glyph in their text', () => {
    const { container } = render(
      <div>
        {ICON_NAMES.map((name) => (
          <Icon key={name} name={name} />
        ))}
        <Medal medal="GOLD" />
        <Medal medal="SILVER" />
        <Medal medal="BRONZE" />
        <StatusBadge status="ACHIEVED" />
        <StatusBadge status="MISSED" />
        <RankChange previous={3} current={1} />
        <RankChange previous={1} current={3} />
      </div>,
    );
    expect(container.querySelectorAll('svg').length).toBe(ICON_NAMES.length + 7);
    expect(container.textContent).not.toMatch(GLYPHS);
    expect(container.querySelector('[aria-label="Gold medal"]')?.tagName.toLowerCase()).toBe('svg');
  });
});
