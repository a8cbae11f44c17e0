import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { movement, RankChange } from './RankChange.tsx';

describe('movement', () => {
  it('is up when the rank number falls', () => expect(movement(5, 2)).toEqual({ kind: 'up', by: 3 }));
  it('is down when the rank number grows', () => expect(movement(1, 3)).toEqual({ kind: 'down', by: 2 }));
  it('is same for the same rank (ties keep their rank)', () =>
    expect(movement(1, 1)).toEqual({ kind: 'same' }));
  it('is new without a previous rank', () => expect(movement(undefined, 4)).toEqual({ kind: 'new' }));
});

describe('RankChange', () => {
  it('shows an up arrow with the places gained', () => {
    render(<RankChange previous={4} current={1} />);
    const up = screen.getByLabelText('up 3');
    expect(up).toHaveTextContent('3');
    // the arrow is drawn (no glyph a kiosk's fonts may lack)
    expect(up.querySelector('svg.icon-caret-up')).not.toBeNull();
  });

  it('shows a down arrow with the places lost', () => {
    render(<RankChange previous={2} current={5} />);
    const down = screen.getByLabelText('down 3');
    expect(down).toHaveTextContent('3');
    expect(down.querySelector('svg.icon-caret-down')).not.toBeNull();
  });

  it('says nothing for an unchanged rank', () => {
    const { container } = render(<RankChange previous={2} current={2} />);
    expect(container.textContent).toBe('·');
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });

  it('marks newcomers only when asked (not on a first render)', () => {
    const { rerender } = render(<RankChange previous={undefined} current={7} />);
    expect(screen.queryByLabelText('new on the board')).toBeNull();
    rerender(<RankChange previous={undefined} current={7} showNew />);
    expect(screen.getByLabelText('new on the board')).toBeInTheDocument();
  });
});
