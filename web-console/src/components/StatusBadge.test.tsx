// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { StatusBadge } from './StatusBadge';

const badge = (text: string) => screen.getByText(text).closest('.badge')!;

describe('StatusBadge', () => {
  it('shows a cancelled operation in a neutral colour, apart from a failed one', () => {
    render(
      <>
        <StatusBadge status="CANCELLED" />
        <StatusBadge status="FAILED" />
        <StatusBadge status="SCHEDULED" />
      </>,
    );
    expect(badge('Cancelled').className).toBe('badge badge-muted');
    expect(badge('Cancelled').getAttribute('data-status')).toBe('CANCELLED');
    expect(badge('Failed').className).toBe('badge badge-bad');
    // waiting for its window is neither work in progress (busy, pulsing) nor trouble
    expect(badge('Scheduled').className).toBe('badge badge-info');
  });
});
