import type { SelectHTMLAttributes } from 'react';
import type { Topic } from '../../../api/generated';

interface PartitionSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  topic: Topic;
  value: string;
  onChange: (partition: string) => void;
  /** The label of the choice of no partition (`''`); without it one must be picked. */
  noneLabel?: string;
}

/** A choice of one of the topic's partitions. The other props (`id`, `aria-*` set by a Field) go to the <select>. */
export function PartitionSelect({ topic, value, onChange, noneLabel, ...select }: PartitionSelectProps) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      {topic.partitionDetails.map((p) => (
        <option key={p.partition} value={String(p.partition)}>
          {p.partition}
        </option>
      ))}
    </select>
  );
}
