import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clampPercent, ProgressBar } from './ProgressBar.tsx';

describe('ProgressBar', () => {
  it('exposes its value to assistive technology', () => {
    render(<ProgressBar value={75} label="Revenue: progress" status="ON_TRACK" />);
    const bar = screen.getByRole('progressbar', { name: 'Revenue: progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '75 %');
    expect(bar.className).toContain('status-on-track');
  });

  it('fills no further than the track but tells the real percentage', () => {
    const { container } = render(<ProgressBar value={387.9} label="Over" />);
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '387.9 %');
    expect(container.querySelector<HTMLElement>('.progress-fill')?.style.width).toBe('100%');
  });

  it('draws the projection tick only ahead of the fill', () => {
    const { container, rerender } = render(<ProgressBar value={40} label="p" projected={80} />);
    expect(container.querySelector<HTMLElement>('.progress-projection')?.style.left).toBe('80%');
    rerender(<ProgressBar value={40} label="p" projected={30} />);
    expect(container.querySelector('.progress-projection')).toBeNull();
  });

  it.each([
    [-5, 0],
    [0, 0],
    [42.5, 42.5],
    [100, 100],
    [250, 100],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('clamps %s to %s', (value, expected) => {
    expect(clampPercent(value)).toBe(expected);
  });

  it('shows a dash for a value that is not a number', () => {
    render(<ProgressBar value={Number.NaN} label="n" />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '—');
  });
});
