import { useState, type FormEvent } from 'react';
import type { ApplyAt, Instance, Operation } from '../../api/generated';
import { isScheduled } from '../../api/hooks/operations';
import { useRestartBrokers } from '../../api/hooks/restarts';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApplyAtChoice, applyAtField, effectiveApplyAt } from './ApplyAtChoice';
import { RestartProgress } from './RestartProgress';
import { RollingProgressDialog } from './RollingProgressDialog';
import { useFollowedOperation } from './useFollowedOperation';

/**
 * A rolling restart of the brokers (all, or one): the button (running or degraded instances), its confirmation, then the
 * operation's progress, with what the roller waits for, until it succeeded or failed. One scheduled for the maintenance
 * window is shown (with Start now and Cancel) by the instance page's ScheduledOperationPanel, not here.
 */
export function BrokerRestart({ instance }: { instance: Instance }) {
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const { operation: restart, active, scheduled } = useFollowedOperation(instance, 'RESTART_BROKERS', started);

  // a degraded instance may be restarted too: a restart may heal it
  const startable = instance.status === 'RUNNING' || instance.status === 'DEGRADED';
  if (!startable && !restart && !confirming) return null;
  return (
    <div className="broker-restart">
      {startable && (
        <button type="button" className="button" disabled={active} onClick={() => setConfirming(true)}>
          Restart brokers…
        </button>
      )}
      {scheduled && <p className="muted small">A rolling restart is scheduled; it can be started now or cancelled at the top of this page.</p>}
      {restart && !scheduled && <RestartProgress operation={restart} projectId={instance.projectId} />}
      {confirming && (
        <RestartBrokersDialog
          instance={instance}
          onClose={() => setConfirming(false)}
          onStarted={(operation) => {
            setStarted(operation.id);
            // a scheduled restart stays in the dialog, which says when it begins, until closed
            if (!isScheduled(operation)) setConfirming(false);
          }}
        />
      )}
    </div>
  );
}

/** Which brokers, when, and what a rolling restart does to clients; POSTs only on confirm. */
export function RestartBrokersDialog({ instance, onClose, onStarted }: { instance: Instance; onClose: () => void; onStarted: (operation: Operation) => void }) {
  const restart = useRestartBrokers(instance.projectId, instance.id);
  const [target, setTarget] = useState('all');
  const [applyAt, setApplyAt] = useState<ApplyAt>('NOW');
  const when = effectiveApplyAt(applyAt, instance.maintenanceWindow);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const brokers = target === 'all' ? {} : { nodeId: Number(target) };
    restart.mutate({ ...brokers, ...applyAtField(when) }, { onSuccess: onStarted });
  };

  if (isScheduled(restart.data)) {
    return (
      <RollingProgressDialog title="Restart brokers" projectId={instance.projectId} operation={restart.data} onClose={onClose}>
        {target === 'all' ? 'Every broker restarts, one at a time,' : `Broker ${target} restarts`} in the maintenance window.
      </RollingProgressDialog>
    );
  }
  return (
    <Dialog title="Restart brokers?" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="restart-target">Brokers</label>
        <select id="restart-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="all">All brokers, one at a time</option>
          {instance.brokers.map((b) => (
            <option key={b.nodeId} value={String(b.nodeId)}>
              Broker {b.nodeId}
            </option>
          ))}
        </select>
        <p>
          One broker at a time restarts; the next only once the previous one is back in sync, and never while a partition would fall below its{' '}
          <code>min.insync.replicas</code>. The active controller goes last.
        </p>
        <p>Clients reconnect to the other brokers on their own; producers with <code>acks=all</code> lose nothing.</p>
        <ApplyAtChoice id="restart-apply-at" window={instance.maintenanceWindow} value={when} onChange={setApplyAt} error={fieldErrorMap(restart.error).applyAt} />
        <ProblemAlert error={restart.error} title="The restart could not be started" />
        <DialogActions
          onCancel={onClose}
          submitLabel={when === 'NOW' ? 'Restart' : 'Schedule restart'}
          busyLabel={when === 'NOW' ? 'Starting…' : 'Scheduling…'}
          busy={restart.isPending}
        />
      </form>
    </Dialog>
  );
}
