import { useState, type FormEvent } from 'react';
import type { ApplyAt, Instance } from '../../api/generated';
import { fieldErrorMap } from '../../api/problem';
import { KeyValueEditor } from '../../components/KeyValueEditor';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { useBrokerSettings } from '../../api/hooks/catalog';
import {
  MAX_BROKER_SETTINGS,
  changedBrokerSettings,
  settingsNeedingRestart,
  validateBrokerSettings,
} from '../../lib/instanceForm';
import { rowsToConfigs, type KeyValueRow } from '../../lib/topicForm';
import { ApplyAtChoice, applyAtField, effectiveApplyAt } from './ApplyAtChoice';
import { RestartProgress } from './RestartProgress';
import { useRollingChange } from './useRollingChange';

function settingsToRows(config: Record<string, string>): KeyValueRow[] {
  return Object.entries(config)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}

/** The API's errors on `brokerConfig.<name>` as one message per setting, for the editor. */
function brokerConfigError(errors: Record<string, string>): string | undefined {
  const messages = Object.entries(errors)
    .filter(([field]) => field === 'brokerConfig' || field.startsWith('brokerConfig.'))
    .map(([field, message]) => (field === 'brokerConfig' ? message : `${field.slice('brokerConfig.'.length)}: ${message}`));
  return messages.length ? messages.join(' ') : undefined;
}

/**
 * The tuned broker settings, PATCHed as the whole map (it replaces the current one). Settings Kafka changes while
 * running apply at once; any other one is applied by a rolling restart, followed here, which may instead wait for the
 * maintenance window. The catalog says which, so the form tells (and offers the choice of when) before saving.
 */
export function BrokerSettingsForm({ instance }: { instance: Instance }) {
  const change = useRollingChange(instance);
  const toast = useToast();
  const [rows, setRows] = useState(() => settingsToRows(instance.brokerConfig));
  const [error, setError] = useState<string | undefined>();
  const catalog = useBrokerSettings();
  const settings = rowsToConfigs(rows);
  const changedNames = changedBrokerSettings(instance.brokerConfig, settings);
  const changed = changedNames.length > 0;
  const restartFor = settingsNeedingRestart(changedNames, catalog.data ?? []);
  const [applyAt, setApplyAt] = useState<ApplyAt>('NOW');
  // only a change that restarts brokers has a when: the others apply at once regardless
  const when = restartFor.length > 0 ? effectiveApplyAt(applyAt, instance.maintenanceWindow) : 'NOW';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateBrokerSettings(rows);
    setError(local);
    if (local) return;
    change.submit({ brokerConfig: settings, ...applyAtField(when) }, () => toast.success('Broker settings saved', 'No broker needed a restart.'));
  };

  const serverErrors = fieldErrorMap(change.error);
  const serverError = brokerConfigError(serverErrors);
  return (
    <form className="card broker-settings" onSubmit={onSubmit} noValidate aria-labelledby="broker-settings-title">
      <h2 id="broker-settings-title">Broker settings</h2>
      <p className="muted small">
        Kafka settings of every broker. Settings Kafka changes while running (message sizes, compression, timestamps, retention by
        size, the log cleaner, …) apply at once; the others by a rolling restart: one broker at a time, each back in sync before
        the next.
      </p>
      {change.error && !serverError && !serverErrors.applyAt && <ProblemAlert error={change.error} title="The broker settings could not be saved" />}
      <KeyValueEditor
        id="broker-settings"
        legend="Settings"
        noun="setting"
        keyPlaceholder="message.max.bytes"
        rows={rows}
        onChange={setRows}
        error={error ?? serverError}
        max={MAX_BROKER_SETTINGS}
      />
      {changed && (
        <p className="muted small" role="status">
          {restartFor.length > 0
            ? `Needs a rolling restart: ${restartFor.join(', ')}.`
            : 'Applies at once, without restarting any broker.'}
        </p>
      )}
      {restartFor.length > 0 && (
        <ApplyAtChoice id="broker-settings-apply-at" window={instance.maintenanceWindow} value={when} onChange={setApplyAt} error={serverErrors.applyAt} />
      )}
      {change.operation && <RestartProgress operation={change.operation} projectId={instance.projectId} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed || change.pending || change.active}>
          {change.pending ? 'Saving…' : restartFor.length === 0 ? 'Save' : when === 'NOW' ? 'Save and restart brokers' : 'Save and schedule restart'}
        </button>
      </div>
    </form>
  );
}
