import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from '../gql/graphql.ts';
import { goalStatus } from '../lib/goals.ts';
import { StatusBadge } from './StatusBadge.tsx';

describe('StatusBadge', () => {
  it.each([
    ['ACHIEVED', 'Achieved'],
    ['ON_TRACK', 'On Track'],
    ['BEHIND', 'Behind'],
    ['AT_RISK', 'At Risk'],
    ['MISSED', 'Missed'],
  ] as [GoalStatus, string][])('names %s in words, not colour alone', (status, words) => {
    render(<StatusBadge status={status} />);
    const badge = screen.getByText(words);
    expect(badge).toHaveAttribute('data-status', status);
    expect(badge.className).toContain(`status-${status.toLowerCase().replace('_', '-')}`);
  });
});

describe('goalStatus (the bands the optimistic update uses)', () => {
  it.each([
    [100, false, 'ACHIEVED'],
    [150, true, 'ACHIEVED'],
    [99.99, false, 'ON_TRACK'],
    [75, false, 'ON_TRACK'],
    [74.99, false, 'BEHIND'],
    [50, false, 'BEHIND'],
    [49.99, false, 'AT_RISK'],
    [0, false, 'AT_RISK'],
    [99.99, true, 'MISSED'],
    [0, true, 'MISSED'],
  ] as [number, boolean, GoalStatus][])('%s %% (ended: %s) is %s', (pct, ended, status) => {
    expect(goalStatus(pct, ended)).toBe(status);
  });
});
