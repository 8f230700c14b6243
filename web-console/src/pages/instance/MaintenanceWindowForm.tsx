import { useState, type FormEvent } from 'react';
import { DayOfWeek, type Instance, type MaintenanceWindow } from '../../api/generated';
import { useUpdateInstance } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { humanize } from '../../lib/format';
import type { FieldErrors } from '../../lib/validation';

const DAYS = Object.values(DayOfWeek);
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** What the form offers when the instance has no window yet (the API's default duration). */
const PROPOSED: MaintenanceWindow = { dayOfWeek: 'SUNDAY', startHour: 2, durationHours: 4 };

const twoDigits = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function describeWindow(window: MaintenanceWindow): string {
  const duration = window.durationHours ?? 4;
  return `${humanize(window.dayOfWeek)} ${twoDigits(window.startHour)}–${twoDigits((window.startHour + duration) % 24)} UTC`;
}

/** The weekly window for planned platform maintenance: PATCH `maintenanceWindow`, applied at once. */
export function MaintenanceWindowForm({ instance }: { instance: Instance }) {
  const update = useUpdateInstance(instance.projectId, instance.id);
  const toast = useToast();
  const saved = instance.maintenanceWindow;
  const initial = saved ?? PROPOSED;
  const [day, setDay] = useState<DayOfWeek>(initial.dayOfWeek);
  const [startHour, setStartHour] = useState(initial.startHour);
  const [duration, setDuration] = useState(String(initial.durationHours ?? 4));
  const [errors, setErrors] = useState<FieldErrors>({});
  const changed = !saved || day !== saved.dayOfWeek || startHour !== saved.startHour || duration.trim() !== String(saved.durationHours ?? 4);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const hours = /^\s*\d+\s*$/.test(duration) ? Number.parseInt(duration, 10) : NaN;
    if (!(hours >= 1 && hours <= 8)) {
      setErrors({ 'maintenanceWindow.durationHours': 'Between 1 and 8 hours.' });
      return;
    }
    setErrors({});
    update.mutate(
      { maintenanceWindow: { dayOfWeek: day, startHour, durationHours: hours } },
      {
        onSuccess: (updated) =>
          toast.success('Maintenance window saved', updated.maintenanceWindow ? describeWindow(updated.maintenanceWindow) : undefined),
        onError: (error) => setErrors(fieldErrorMap(error)),
      },
    );
  };

  const general = update.error && !Object.keys(errors).length ? update.error : null;
  return (
    <form className="card maintenance-window" onSubmit={onSubmit} noValidate aria-labelledby="maintenance-title">
      <h2 id="maintenance-title">Maintenance window</h2>
      <p className="muted small">
        {saved ? `Now ${describeWindow(saved)}.` : 'No window is set yet.'} The weekly time for planned platform maintenance;
        a change that restarts brokers (a restart, a new flavor, broker settings, a Kafka upgrade) can be scheduled into it.
      </p>
      <ProblemAlert error={general} title="The maintenance window could not be saved" />
      <div className="grid-2">
        <Field id="maintenance-day" label="Day of week" error={errors['maintenanceWindow.dayOfWeek']}>
          <select value={day} onChange={(e) => setDay(e.target.value as DayOfWeek)}>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {humanize(d)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="maintenance-start" label="Start hour (UTC)" error={errors['maintenanceWindow.startHour']}>
          <select value={startHour} onChange={(e) => setStartHour(Number(e.target.value))}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {twoDigits(h)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="maintenance-duration" label="Duration (hours)" hint="1 to 8 hours." error={errors['maintenanceWindow.durationHours'] ?? errors.maintenanceWindow}>
        <input type="number" inputMode="numeric" min={1} max={8} value={duration} onChange={(e) => setDuration(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save window'}
        </button>
      </div>
    </form>
  );
}
