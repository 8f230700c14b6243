import { KeyValueEditor } from '../../../components/KeyValueEditor';
import { KNOWN_TOPIC_CONFIGS, type KeyValueRow } from '../../../lib/topicForm';
import type { FieldErrors } from '../../../lib/validation';
import { SyncOptions } from './SyncOptions';

export interface TopicSettingsValues {
  syncReplication: boolean;
  syncFlush: boolean;
  configs: KeyValueRow[];
}

interface Props {
  /** `topic` in the create dialog, `edit` in the settings form: prefixes the fields' ids. */
  idPrefix: string;
  values: TopicSettingsValues;
  onChange: (patch: Partial<TopicSettingsValues>) => void;
  errors: FieldErrors;
  /** What may be done with the other settings here. */
  configsHint: string;
}

/** The settings a topic's create dialog and its settings form both ask for: durability and the other Kafka settings. */
export function TopicSettingsFields({ idPrefix, values, onChange, errors, configsHint }: Props) {
  return (
    <>
      <SyncOptions
        idPrefix={idPrefix}
        syncReplication={values.syncReplication}
        syncFlush={values.syncFlush}
        onChange={onChange}
        error={errors.syncReplication ?? errors.syncFlush}
      />
      <KeyValueEditor
        id={`${idPrefix}-configs`}
        legend="Other settings"
        hint={configsHint}
        noun="setting"
        suggestions={KNOWN_TOPIC_CONFIGS}
        keyPlaceholder="cleanup.policy"
        valuePlaceholder="compact"
        rows={values.configs}
        onChange={(rows) => onChange({ configs: rows })}
        error={errors.configs}
      />
    </>
  );
}
