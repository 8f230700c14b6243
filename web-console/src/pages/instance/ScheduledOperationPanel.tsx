import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Instance, Operation } from '../../api/generated';
import { instanceKeys } from '../../api/hooks/instances';
import { isScheduled, operationKeys, useOperation } from '../../api/hooks/operations';
import { useCancelOperation, useStartOperationNow } from '../../api/hooks/scheduledOperations';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { formatScheduledAt, humanize, operationLabel } from '../../lib/format';

/**
 * The instance's current operation when it waits for the maintenance window (a restart or upgrade scheduled with
 * `applyAt: MAINTENANCE_WINDOW`): what it is, when it begins, and buttons to start it now or cancel it (after a
 * confirmation that says the change is undone). Shown above the instance's tabs, where a running operation's progress is.
 */
export function ScheduledOperationPanel({ instance }: { instance: Instance }) {
  const op = useOperation(instance.projectId, instance.currentOperationId);
  const operation = op.data;
  useRefetchWhenItMovesOn(instance, operation);
  const start = useStartOperationNow(instance.projectId, instance.id);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  const scheduled = isScheduled(operation);
  // a refused start (it began meanwhile, say) stays visible, with what the operation does now, until dismissed
  if (!operation || !(scheduled || confirming || start.isError)) return null;

  const startNow = () =>
    start.mutate(operation.id, { onSuccess: () => toast.info(`${operationLabel(operation.type)} started`, 'It begins within seconds.') });
  const label = operationLabel(operation.type);
  return (
    <section className="card scheduled-card" aria-labelledby="scheduled-operation-title">
      <h2 id="scheduled-operation-title">Scheduled: {label}</h2>
      {scheduled ? (
        <p>
          Begins <strong>{formatScheduledAt(operation.scheduledAt)}</strong>, at the start of the maintenance window. Until then no
          broker restarts, and no other operation can be started on this instance.
        </p>
      ) : (
        <p role="status">No longer scheduled: it is {humanize(operation.status).toLowerCase()}.</p>
      )}
      <ProblemAlert error={start.error} title="The operation could not be started now" />
      <div className="form-actions">
        {scheduled ? (
          <>
            <button type="button" className="button" onClick={() => setConfirming(true)} disabled={start.isPending}>
              Cancel…
            </button>
            <button type="button" className="button button-primary" onClick={startNow} disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start now'}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => start.reset()}>
            Dismiss
          </button>
        )}
      </div>
      {confirming && <CancelScheduledDialog instance={instance} operation={operation} onClose={() => setConfirming(false)} />}
    </section>
  );
}

/** Asks before POST .../cancel, saying what cancelling undoes; shows the API's refusal (409 once it has begun). */
function CancelScheduledDialog({ instance, operation, onClose }: { instance: Instance; operation: Operation; onClose: () => void }) {
  const cancel = useCancelOperation(instance.projectId, instance.id);
  const toast = useToast();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(operation.id, {
      onSuccess: () => {
        toast.success(`${operationLabel(operation.type)} cancelled`, 'No broker was restarted; the change that scheduled it was undone.');
        onClose();
      },
    });
  };
  return (
    <Dialog title="Cancel the scheduled operation?" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          <strong>{operationLabel(operation.type)}</strong>
          {isScheduled(operation) && `, scheduled for ${formatScheduledAt(operation.scheduledAt)},`} will not run.
        </p>
        <p>
          The change that scheduled it is undone: {instance.name} gets back the flavor, broker settings and Kafka version it had
          before (settings already applied to the running brokers are set back). To make the change again, submit it anew.
        </p>
        <ProblemAlert error={cancel.error} title="The operation could not be cancelled" />
        <DialogActions
          onCancel={onClose}
          cancelLabel="Keep it scheduled"
          submitLabel="Cancel operation"
          busyLabel="Cancelling…"
          busy={cancel.isPending}
          disabled={!isScheduled(operation)}
          tone="danger"
          focusCancel
        />
      </form>
    </Dialog>
  );
}

/**
 * A scheduled operation moves on by itself (its window came) or when started now (it begins within seconds) or
 * cancelled: each time, the instance (status, flavor, settings) changed too, so it and the history are fetched again,
 * until the operation runs; from then on the instance's own polling follows it.
 */
function useRefetchWhenItMovesOn(instance: Instance, operation: Operation | undefined) {
  const client = useQueryClient();
  const watched = useRef<{ id: string; phase: string } | null>(null);
  const id = operation?.id;
  const phase = operation ? (isScheduled(operation) ? 'SCHEDULED' : operation.status) : null;

  useEffect(() => {
    if (!id || !phase) return;
    if (phase === 'SCHEDULED') {
      watched.current = { id, phase };
      return;
    }
    const last = watched.current;
    if (!last || last.id !== id || last.phase === phase) return;
    // started now, not yet begun: watch on until it runs
    watched.current = phase === 'PENDING' ? { id, phase } : null;
    void client.invalidateQueries({ queryKey: instanceKeys.detail(instance.projectId, instance.id) });
    void client.invalidateQueries({ queryKey: [...operationKeys.all(instance.projectId), 'list'] });
  }, [id, phase, client, instance.projectId, instance.id]);
}
