import { useState, type FormEvent } from 'react';
import type { Instance, Operation } from '../../api/generated';
import { useRestartBrokers } from '../../api/hooks/restarts';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RestartProgress } from './RestartProgress';
import { useFollowedOperation } from './useFollowedOperation';

/**
 * A rolling restart of the brokers (all, or one): the button (running or degraded instances), its confirmation, then the
 * operation's progress, with what the roller waits for, until it succeeded or failed.
 */
export function BrokerRestart({ instance }: { instance: Instance }) {
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const { operation: restart, active } = useFollowedOperation(instance, 'RESTART_BROKERS', started);

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
      {restart && <RestartProgress operation={restart} />}
      {confirming && (
        <RestartBrokersDialog
          instance={instance}
          onClose={() => setConfirming(false)}
          onStarted={(operation) => {
            setStarted(operation.id);
            setConfirming(false);
          }}
        />
      )}
    </div>
  );
}

/** Which brokers, and what a rolling restart does to clients; POSTs only on confirm. */
export function RestartBrokersDialog({ instance, onClose, onStarted }: { instance: Instance; onClose: () => void; onStarted: (operation: Operation) => void }) {
  const restart = useRestartBrokers(instance.projectId, instance.id);
  const [target, setTarget] = useState('all');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    restart.mutate(target === 'all' ? null : Number(target), { onSuccess: onStarted });
  };
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
        <ProblemAlert error={restart.error} title="The restart could not be started" />
        <DialogActions onCancel={onClose} submitLabel="Restart" busyLabel="Starting…" busy={restart.isPending} />
      </form>
    </Dialog>
  );
}
