// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, json, problem, renderWithProviders } from '../../test/render';
import { RebalanceDialog } from './RebalanceDialog';

const REBALANCES = /\/rebalances$/;
const MIB = 1024 * 1024;
const NEVER = problem(404, { code: 'REBALANCE_NOT_FOUND', title: 'Not found', detail: 'The instance has never been rebalanced.' });

const PLAN = {
  partitions: 12,
  partitionsToMove: 2,
  leadersToMove: 1,
  bytesToMove: 3 * 1024 * 1024 * 1024,
  brokers: [
    { nodeId: 1, availabilityZone: 'az1', replicasBefore: 12, replicasAfter: 9, leadersBefore: 5, leadersAfter: 3 },
    { nodeId: 2, availabilityZone: 'az2', replicasBefore: 12, replicasAfter: 9, leadersBefore: 4, leadersAfter: 3 },
    { nodeId: 3, availabilityZone: 'az3', replicasBefore: 12, replicasAfter: 9, leadersBefore: 3, leadersAfter: 3 },
    { nodeId: 4, availabilityZone: 'az1', replicasBefore: 0, replicasAfter: 9, leadersBefore: 0, leadersAfter: 3 },
  ],
  moves: [
    { topic: 'orders', partition: 0, currentReplicas: [1, 2, 3], proposedReplicas: [4, 2, 3], currentLeader: 1, proposedLeader: 4, bytes: 2 * 1024 * 1024 * 1024 },
    { topic: 'payments', partition: 3, currentReplicas: [2, 1, 3], proposedReplicas: [2, 4, 3], currentLeader: 2, proposedLeader: 2, bytes: 1024 * 1024 * 1024 },
  ],
};
const BALANCED = {
  ...PLAN,
  partitionsToMove: 0,
  leadersToMove: 0,
  bytesToMove: 0,
  brokers: PLAN.brokers.slice(0, 3).map((b) => ({ ...b, replicasBefore: 12, replicasAfter: 12, leadersBefore: 4, leadersAfter: 4 })),
  moves: [],
};

function rebalance(overrides: Record<string, unknown> = {}) {
  return {
    operationId: 'op-5', operationType: 'REBALANCE', status: 'RUNNING', percent: 40, detail: 'reassigning orders-0 (copying to broker 4)', error: null,
    throttleBytesPerSecond: 50 * MIB, partitionsToMove: 2, partitionsMoved: 1, bytesToMove: 3 * 1024 * 1024 * 1024, cancelRequested: false,
    brokers: PLAN.brokers, createdAt: '2025-03-02T10:00:00Z', finishedAt: null, ...overrides,
  };
}

function dialog() {
  return screen.getByRole('dialog', { name: 'Rebalance partitions' });
}

describe('rebalance partitions', () => {
  it('says there was no rebalance yet, previews with a dry run and shows the plan: summary, brokers and moves', async () => {
    const api = fakeApi([
      ['GET', REBALANCES, NEVER],
      ['POST', REBALANCES, json(PLAN)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    expect(await within(dialog()).findByText(/Last rebalance: No rebalance yet/)).toBeTruthy();
    const start = within(dialog()).getByRole('button', { name: 'Start rebalance' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);

    await user.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    const summary = await within(dialog()).findByLabelText('Plan summary');
    expect(api.callsTo('POST', REBALANCES).map((c) => c.body)).toEqual([{ dryRun: true }]);
    expect(summary.textContent).toMatch(/Partitions to move2 of 12/);
    expect(summary.textContent).toMatch(/Leaders to move1/);
    expect(summary.textContent).toMatch(/Data to copy3\.0 GiB/);

    const brokers = within(within(dialog()).getByRole('table', { name: 'Per broker' })).getAllByRole('row').slice(1);
    expect(brokers.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['1', 'az1', '12 → 9', '5 → 3'],
      ['2', 'az2', '12 → 9', '4 → 3'],
      ['3', 'az3', '12 → 9', '3 → 3'],
      ['4', 'az1', '0 → 9', '0 → 3'],
    ]);
    const moves = within(within(dialog()).getByRole('table', { name: 'Partition moves' })).getAllByRole('row').slice(1);
    expect(moves.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['orders-0', '1, 2, 3 → 4, 2, 3', '1 → 4', '2.0 GiB'],
      ['payments-3', '2, 1, 3 → 2, 4, 3', '2', '1.0 GiB'],
    ]);
    expect(start.disabled).toBe(false);
    expect(within(dialog()).queryByText('The partitions are already evenly spread')).toBeNull();
  });

  it('says so when the partitions are already evenly spread, and offers nothing to start', async () => {
    fakeApi([
      ['GET', REBALANCES, NEVER],
      ['POST', REBALANCES, json(BALANCED)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    await user.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog()).findByRole('heading', { name: 'The partitions are already evenly spread' })).toBeTruthy();
    expect(within(dialog()).getAllByRole('table')).toHaveLength(1);
    expect(within(within(dialog()).getByRole('table', { name: 'Per broker' })).getAllByRole('row')).toHaveLength(4);
    expect((within(dialog()).getByRole('button', { name: 'Start rebalance' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses a throttle outside 1 MiB/s..10 GiB/s before sending, and sends the one typed in bytes per second', async () => {
    const api = fakeApi([
      ['GET', REBALANCES, NEVER],
      ['POST', REBALANCES, json(PLAN)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    const field = within(dialog()).getByLabelText('Throttle (MiB/s per broker, optional)');
    expect(field.getAttribute('min')).toBe('1');
    expect(field.getAttribute('max')).toBe('10240');
    await user.type(field, '20000');
    await user.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    expect(within(dialog()).getByText('Between 1 and 10240 MiB/s (10 GiB/s).')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', REBALANCES)).toHaveLength(0);

    await user.clear(field);
    await user.type(field, '50{Enter}');
    await within(dialog()).findByLabelText('Plan summary');
    expect(api.callsTo('POST', REBALANCES).map((c) => c.body)).toEqual([{ dryRun: true, throttleBytesPerSecond: 50 * MIB }]);
  });

  it('starts the rebalance (202), follows its progress and cancels it with DELETE', async () => {
    let latest: Response = NEVER;
    const api = fakeApi([
      ['GET', REBALANCES, () => latest],
      ['POST', REBALANCES, (call) => {
        if ((call.body as { dryRun: boolean }).dryRun) return json(PLAN);
        latest = json(rebalance());
        return json({ ...PLAN, operationId: 'op-r' }, 202); // the plan being carried out, with its operation
      }],
      ['DELETE', REBALANCES, () => {
        latest = json(rebalance({ cancelRequested: true }));
        return json(rebalance({ cancelRequested: true }), 202);
      }],
      ['GET', /instances\/i-1$/, json({})],
      ['GET', /\/operations$/, json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    await user.type(within(dialog()).getByLabelText('Throttle (MiB/s per broker, optional)'), '50');
    await user.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    await within(dialog()).findByLabelText('Plan summary');
    await user.click(within(dialog()).getByRole('button', { name: 'Start rebalance' }));

    const bar = await screen.findByRole('progressbar', { name: 'Rebalancing partitions' });
    expect(api.callsTo('POST', REBALANCES).map((c) => c.body)).toEqual([
      { dryRun: true, throttleBytesPerSecond: 50 * MIB },
      { dryRun: false, throttleBytesPerSecond: 50 * MIB },
    ]);
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('1 of 2 partitions moved')).toBeTruthy();
    expect(screen.getByText('reassigning orders-0 (copying to broker 4)')).toBeTruthy();
    expect(screen.getByText('3.0 GiB to copy, at most 50 MiB/s per broker.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel rebalance' }));
    await screen.findByRole('progressbar', { name: 'Cancelling the rebalance' });
    expect(api.callsTo('DELETE', REBALANCES)).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Cancelling…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the conflict when another operation runs', async () => {
    fakeApi([
      ['GET', REBALANCES, NEVER],
      ['POST', REBALANCES, (call) =>
        (call.body as { dryRun: boolean }).dryRun
          ? json(PLAN)
          : problem(409, { code: 'INVALID_STATE', title: 'The resource\'s current state does not allow this', detail: 'Operation RESTART_BROKERS op-3 is running.' })],
      ['GET', /instances\/i-1$/, json({})],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    await user.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    await within(dialog()).findByLabelText('Plan summary');
    await user.click(within(dialog()).getByRole('button', { name: 'Start rebalance' }));
    const alert = await within(dialog()).findByRole('alert');
    expect(within(alert).getByText('The rebalance could not be started')).toBeTruthy();
    expect(within(alert).getByText('Operation RESTART_BROKERS op-3 is running.')).toBeTruthy();
    await waitFor(() => expect((within(dialog()).getByRole('button', { name: 'Start rebalance' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('shows why a cancel was refused', async () => {
    const api = fakeApi([
      ['GET', REBALANCES, json(rebalance({ operationType: 'SCALE_OUT' }))],
      ['DELETE', REBALANCES, problem(409, { code: 'REBALANCE_NOT_RUNNING', title: 'Conflict', detail: 'The rebalance has already finished.' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<RebalanceDialog instance={instanceFixture({ status: 'EXTENDING' })} onClose={() => undefined} />);
    expect(await screen.findByRole('progressbar', { name: 'Rebalancing onto the new brokers' })).toBeTruthy();
    expect(screen.getByText(/the scale-out goes on without the rest of its rebalance/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel rebalance' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The rebalance could not be cancelled')).toBeTruthy();
    expect(within(alert).getByText('The rebalance has already finished.')).toBeTruthy();
    expect(api.callsTo('DELETE', REBALANCES)).toHaveLength(1);
  });

  it('follows a scale-in\'s moves without offering to cancel them', async () => {
    fakeApi([['GET', REBALANCES, json(rebalance({ operationType: 'SCALE_IN', throttleBytesPerSecond: null }))]]);
    renderWithProviders(<RebalanceDialog instance={instanceFixture({ status: 'EXTENDING' })} onClose={() => undefined} />);
    expect(await screen.findByRole('progressbar', { name: 'Moving replicas off the brokers to remove' })).toBeTruthy();
    expect(screen.getByText('3.0 GiB to copy, no throttle.')).toBeTruthy();
    expect(screen.getByText(/A scale-in's moves cannot be cancelled/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel rebalance' })).toBeNull();
  });

  it('shows how the last rebalance ended', async () => {
    fakeApi([['GET', REBALANCES, json(rebalance({ status: 'SUCCEEDED', percent: 100, partitionsMoved: 2, finishedAt: '2025-03-02T10:20:00Z' }))]]);
    renderWithProviders(<RebalanceDialog instance={instanceFixture()} onClose={() => undefined} />);
    const line = await within(dialog()).findByText(/Last rebalance:/);
    await waitFor(() => expect(line.textContent).toMatch(/Succeeded/));
    expect(line.textContent).toMatch(/Succeeded.*2 of 2 partitions moved, started .*, finished /);
  });
});
