import { useState, type FormEvent } from 'react';
import type { ApplyAt, Instance } from '../../api/generated';
import { useKafkaVersions } from '../../api/hooks/catalog';
import { TRANSITIONAL } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { newerKafkaVersions } from '../../lib/kafkaVersion';
import { ApplyAtChoice, applyAtField, effectiveApplyAt } from './ApplyAtChoice';
import { RollingProgressDialog } from './RollingProgressDialog';
import { useRollingChange } from './useRollingChange';

/**
 * In-place upgrade: PATCH `kafkaVersion` alone, then the UPGRADE_KAFKA operation that rolls the brokers onto it, followed
 * here; or, in the maintenance window, scheduled (the dialog then says when it begins).
 */
export function UpgradeKafkaDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const versions = useKafkaVersions();
  const change = useRollingChange(instance, 'UPGRADE_KAFKA');
  const newer = newerKafkaVersions(versions.data ?? [], instance.kafkaVersion);
  const [chosen, setChosen] = useState<string | null>(null);
  const [applyAt, setApplyAt] = useState<ApplyAt>('NOW');
  const when = effectiveApplyAt(applyAt, instance.maintenanceWindow);
  // until one is chosen: the platform's default when it is newer, else the newest
  const version = chosen ?? (newer.find((v) => v.isDefault) ?? newer[newer.length - 1])?.version ?? '';
  const otherOperation = TRANSITIONAL.has(instance.status) || change.active;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!version) return;
    change.submit({ kafkaVersion: version, ...applyAtField(when) });
  };

  if (change.operation) {
    return (
      <RollingProgressDialog title="Upgrade Kafka" projectId={instance.projectId} operation={change.operation} onClose={onClose}>
        {instance.name} moves from Kafka {instance.kafkaVersion} to <strong>{version}</strong>, one broker at a time.
      </RollingProgressDialog>
    );
  }
  const fieldErrors = fieldErrorMap(change.error);
  const fieldError = fieldErrors.kafkaVersion;
  return (
    <Dialog title="Upgrade Kafka" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={versions.error} title="The Kafka versions could not be loaded" onRetry={() => versions.refetch()} />
        {versions.data && newer.length === 0 ? (
          <p role="status">This instance runs the newest version the platform offers.</p>
        ) : (
          <>
            <Field id="upgrade-kafka-version" label="Kafka version" error={fieldError} hint={`Now ${instance.kafkaVersion}.`}>
              <select value={version} onChange={(e) => setChosen(e.target.value)} disabled={!versions.data}>
                {newer.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.isDefault ? `${v.version} (platform default)` : v.version}
                  </option>
                ))}
              </select>
            </Field>
            <div className="alert alert-warn">
              <strong>An upgrade cannot be undone</strong>
              <p>
                The brokers restart one at a time on the new version, the next only once the previous one is back in sync; at the end
                the metadata version is finalized, and from then on Kafka cannot go back to {instance.kafkaVersion}.
              </p>
            </div>
            <ApplyAtChoice id="upgrade-kafka-apply-at" window={instance.maintenanceWindow} value={when} onChange={setApplyAt} error={fieldErrors.applyAt} />
          </>
        )}
        {otherOperation && (
          <p className="muted small">
            {change.scheduled
              ? 'An upgrade is scheduled; Kafka can be upgraded again once it has run or been cancelled.'
              : 'Another operation runs now; Kafka can be upgraded once it has finished.'}
          </p>
        )}
        {!fieldError && <ProblemAlert error={change.error} title="Kafka could not be upgraded" />}
        <DialogActions
          onCancel={onClose}
          submitLabel={when === 'NOW' ? 'Upgrade Kafka' : 'Schedule upgrade'}
          busyLabel={when === 'NOW' ? 'Upgrading…' : 'Scheduling…'}
          busy={change.pending}
          disabled={!version || otherOperation}
        />
      </form>
    </Dialog>
  );
}
