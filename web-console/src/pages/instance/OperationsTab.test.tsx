// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fakeApi, json, operationJson, renderWithProviders } from '../../test/render';
import { OperationsTab } from './OperationsTab';

describe('OperationsTab', () => {
  it('names certificate rotations and their step for people', async () => {
    fakeApi([
      [
        'GET',
        /\/operations$/,
        json({
          items: [
            {
              id: 'op-2',
              instanceId: 'i-1',
              type: 'ROTATE_CERTIFICATES',
              status: 'SUCCEEDED',
              percent: 100,
              currentStep: 'ROTATE_BROKERS',
              createdAt: '2025-03-02T10:00:00Z',
              updatedAt: '2025-03-02T10:05:00Z',
              finishedAt: '2025-03-02T10:05:00Z',
            },
            {
              id: 'op-1',
              instanceId: 'i-1',
              type: 'CREATE_INSTANCE',
              status: 'SUCCEEDED',
              percent: 100,
              currentStep: 'WAIT_FOR_QUORUM',
              createdAt: '2025-03-01T10:00:00Z',
              updatedAt: '2025-03-01T10:02:00Z',
              finishedAt: '2025-03-01T10:02:00Z',
            },
          ],
          page: 0,
          size: 20,
          totalItems: 2,
          totalPages: 1,
        }),
      ],
    ]);
    renderWithProviders(<OperationsTab projectId="p-1" instanceId="i-1" />);
    expect(await screen.findByText('Rotate certificates')).toBeTruthy();
    expect(screen.getByText('One broker at a time, without a restart')).toBeTruthy();
    expect(screen.getByText('Create instance')).toBeTruthy();
    expect(screen.getByText('Wait for quorum')).toBeTruthy();
  });

  it('names scaling and rebalancing for people', async () => {
    const op = (id: string, type: string) => ({
      id, instanceId: 'i-1', type, status: 'SUCCEEDED', percent: 100, currentStep: null,
      createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:05:00Z', finishedAt: '2025-03-02T10:05:00Z',
    });
    fakeApi([
      ['GET', /\/operations$/, json({ items: [op('op-3', 'REBALANCE'), op('op-2', 'SCALE_IN'), op('op-1', 'SCALE_OUT')], page: 0, size: 20, totalItems: 3, totalPages: 1 })],
    ]);
    renderWithProviders(<OperationsTab projectId="p-1" instanceId="i-1" />);
    expect(await screen.findByText('Rebalance partitions')).toBeTruthy();
    expect(screen.getByText('Remove brokers')).toBeTruthy();
    expect(screen.getByText('Add brokers')).toBeTruthy();
  });

  it('says when a scheduled operation begins instead of 0 %, and shows a cancelled one as cancelled, not failed', async () => {
    fakeApi([
      [
        'GET',
        /\/operations$/,
        json({
          items: [
            operationJson({ id: 'op-6', type: 'UPGRADE_KAFKA' }),
            operationJson({ status: 'CANCELLED', scheduledAt: null, finishedAt: '2025-03-02T11:00:00Z' }),
          ],
          page: 0,
          size: 20,
          totalItems: 2,
          totalPages: 1,
        }),
      ],
    ]);
    renderWithProviders(<OperationsTab projectId="p-1" instanceId="i-1" />);
    const [, scheduled, cancelled] = await screen.findAllByRole('row');
    expect(within(scheduled).getByText('Upgrade Kafka')).toBeTruthy();
    expect(within(scheduled).getByText(/^Scheduled for .*\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(within(scheduled).queryByText('0%')).toBeNull();
    expect(within(scheduled).getByText('Scheduled').closest('.badge')!.className).toBe('badge badge-info');

    expect(within(cancelled).getByText('Restart brokers')).toBeTruthy();
    const badge = within(cancelled).getByText('Cancelled').closest('.badge')!;
    expect(badge.getAttribute('data-status')).toBe('CANCELLED');
    expect(badge.className).toBe('badge badge-muted');
  });
});
