import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GoalValueFields, refusalMessage } from './GoalValueFields.tsx';

const values = { targetValue: '20000', currentValue: '', description: 'Q4 push' };

describe('GoalValueFields', () => {
  it('asks for a current value only for Custom goals, with the unit as a hint', () => {
    const { rerender } = render(
      <GoalValueFields metric="REVENUE" values={values} errors={{}} onChange={() => {}} />,
    );
    expect(screen.getByLabelText('Target')).toHaveAccessibleDescription('An amount, at most two decimals.');
    expect(screen.queryByLabelText('Current value')).toBeNull();
    rerender(<GoalValueFields metric="CUSTOM" values={values} errors={{}} onChange={() => {}} />);
    expect(screen.getByLabelText('Current value')).toBeInTheDocument();
  });

  it('marks a field with its error and reports edits by key', () => {
    const onChange = vi.fn();
    render(
      <GoalValueFields
        metric="CALLS"
        values={values}
        errors={{ targetValue: 'must be a whole number for Calls' }}
        onChange={onChange}
      />,
    );
    const target = screen.getByLabelText('Target');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(target).toHaveAccessibleDescription('must be a whole number for Calls A whole number.');
    fireEvent.change(screen.getByLabelText('Description (optional)'), { target: { value: 'More calls' } });
    expect(onChange).toHaveBeenCalledWith('description', 'More calls');
  });

  it('words a refused save: fields marked, else the server’s message', () => {
    const error = { code: 'BAD_USER_INPUT', message: 'Bad input', fields: {}, extensions: {} };
    expect(refusalMessage(error, { targetValue: 'must be positive' })).toMatch(/see the fields marked/);
    expect(refusalMessage(error, {})).toBe('Bad input');
    expect(refusalMessage(null, {})).toBe('Could not save the goal.');
  });
});
