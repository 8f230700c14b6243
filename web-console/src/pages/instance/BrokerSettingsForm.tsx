import { useState, type FormEvent } from 'react';
import type { Instance } from '../../api/generated';
import { fieldErrorMap } from '../../api/problem';
import { KeyValueEditor } from '../../components/KeyValueEditor';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { MAX_BROKER_SETTINGS, validateBrokerSettings } from '../../lib/instanceForm';
import { rowsToConfigs, type KeyValueRow } from '../../lib/topicForm';
import { RestartProgress } from './RestartProgress';
import { useRollingChange } from './useRollingChange';

function settingsToRows(config: Record<string, string>): KeyValueRow[] {
  return Object.entries(config)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}

function sameSettings(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** The API's errors on `brokerConfig.<name>` as one message per setting, for the editor. */
function brokerConfigError(errors: Record<string, string>): string | undefined {
  const messages = Object.entries(errors)
    .filter(([field]) => field === 'brokerConfig' || field.startsWith('brokerConfig.'))
    .map(([field, message]) => (field === 'brokerConfig' ? message : `${field.slice('brokerConfig.'.length)}: ${message}`));
  return messages.length ? messages.join(' ') : undefined;
}

/**
 * The tuned broker settings, PATCHed as the whole map (it replaces the current one); the brokers take them in a
 * rolling restart, followed here.
 */
export function BrokerSettingsForm({ instance }: { instance: Instance }) {
  const change = useRollingChange(instance);
  const toast = useToast();
  const [rows, setRows] = useState(() => settingsToRows(instance.brokerConfig));
  const [error, setError] = useState<string | undefined>();
  const settings = rowsToConfigs(rows);
  const changed = !sameSettings(settings, instance.brokerConfig);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateBrokerSettings(rows);
    setError(local);
    if (local) return;
    change.submit({ brokerConfig: settings }, () => toast.success('Broker settings saved', 'No broker needed a restart.'));
  };

  const serverError = brokerConfigError(fieldErrorMap(change.error));
  return (
    <form className="card broker-settings" onSubmit={onSubmit} noValidate aria-labelledby="broker-settings-title">
      <h2 id="broker-settings-title">Broker settings</h2>
      <p className="muted small">
        Kafka settings written to every broker's configuration. Saving applies them by a rolling restart: one broker at a time, each
        back in sync before the next.
      </p>
      {change.error && !serverError && <ProblemAlert error={change.error} title="The broker settings could not be saved" />}
      <KeyValueEditor
        id="broker-settings"
        legend="Settings"
        noun="setting"
        keyPlaceholder="log.segment.bytes"
        rows={rows}
        onChange={setRows}
        error={error ?? serverError}
        max={MAX_BROKER_SETTINGS}
      />
      {change.restart && <RestartProgress operation={change.restart} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed || change.pending || change.active}>
          {change.pending ? 'Saving…' : 'Save and restart brokers'}
        </button>
      </div>
    </form>
  );
}
