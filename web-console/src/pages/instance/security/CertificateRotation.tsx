import { useState, type FormEvent } from 'react';
import type { Instance, Operation } from '../../../api/generated';
import { useRotateCertificates } from '../../../api/hooks/certificates';
import { Dialog } from '../../../components/Dialog';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ProgressBar } from '../../../components/ProgressBar';
import { humanize, stepLabel } from '../../../lib/format';
import { DialogActions } from '../../../components/DialogActions';
import { useFollowedOperation } from '../useFollowedOperation';

/**
 * New broker certificates from the same CA, reloaded by each broker in turn without a restart: the button (running instances only),
 * its confirmation, then the operation's progress until it succeeded or failed. Also follows a rotation
 * the control plane started on its own (a certificate close to its end) while it is the instance's
 * current operation.
 */
export function CertificateRotation({ instance }: { instance: Instance }) {
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const { operation: rotation, active } = useFollowedOperation(instance, 'ROTATE_CERTIFICATES', started);

  if (instance.status !== 'RUNNING' && !rotation && !confirming) return null;
  return (
    <div className="cert-rotation">
      {instance.status === 'RUNNING' && (
        <>
          <button type="button" className="button" aria-describedby="cert-rotation-hint" disabled={active} onClick={() => setConfirming(true)}>
            Rotate broker certificates…
          </button>
          <p id="cert-rotation-hint" className="hint">
            {active
              ? 'A rotation is in progress.'
              : 'Issues every broker a new certificate from the same CA (brokers talk TLS among themselves on every instance). The control plane also does this on its own when a certificate has less than 30 days left.'}
          </p>
        </>
      )}
      {rotation && <RotationProgress operation={rotation} />}
      {confirming && (
        <RotateCertificatesDialog
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

function RotationProgress({ operation }: { operation: Operation }) {
  if (operation.status === 'FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>The certificate rotation failed</strong>
        <p>{operation.error ?? 'No reason was given.'}</p>
        <ProgressBar percent={operation.percent} label="Stopped at" step={stepLabel(operation.currentStep)} failed />
        <p className="small">Brokers that already reloaded keep their new certificate; clients are not affected. Start a rotation again to finish.</p>
      </div>
    );
  }
  const done = operation.status === 'SUCCEEDED';
  return (
    <div className={`rotation-progress${done ? ' progress-done' : ''}`} aria-live="polite">
      {done ? (
        <ProgressBar percent={100} label="Broker certificates rotated" step="Every broker serves a new certificate from the same CA." />
      ) : (
        <ProgressBar
          percent={operation.percent}
          label="Rotating broker certificates"
          step={stepLabel(operation.currentStep) || (operation.status === 'PENDING' ? 'Waiting to start…' : humanize(operation.status))}
        />
      )}
    </div>
  );
}

/** What a rotation does to the brokers and (not) to clients; POSTs only on confirm. */
export function RotateCertificatesDialog({ instance, onClose, onStarted }: { instance: Instance; onClose: () => void; onStarted: (operation: Operation) => void }) {
  const rotate = useRotateCertificates(instance.projectId, instance.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    rotate.mutate(undefined, { onSuccess: onStarted });
  };
  return (
    <Dialog title="Rotate broker certificates?" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          Every broker of <strong>{instance.name}</strong> gets a new certificate from the same CA. Each broker reloads it without a restart, one at a
          time: the next only once the previous one presents its new certificate.
        </p>
        <p>
          Clients keep working and need no change: connections stay open, and the CA certificate they trust stays the same.
        </p>
        <ProblemAlert error={rotate.error} title="The rotation could not be started" />
        <DialogActions onCancel={onClose} submitLabel="Rotate certificates" busyLabel="Starting…" busy={rotate.isPending} />
      </form>
    </Dialog>
  );
}
