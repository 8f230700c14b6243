import type { ApplyAt, InstanceUpdate, MaintenanceWindow } from '../../api/generated';
import { FieldGroup } from '../../components/Field';
import { describeWindow } from './MaintenanceWindowForm';

/** The body field for the choice: NOW is the API's default, so only the window is sent. */
export function applyAtField(applyAt: ApplyAt): Pick<InstanceUpdate, 'applyAt'> {
  return applyAt === 'MAINTENANCE_WINDOW' ? { applyAt } : {};
}

/** The choice itself, never the window without one to schedule into. */
export function effectiveApplyAt(applyAt: ApplyAt, window: MaintenanceWindow | null | undefined): ApplyAt {
  return window ? applyAt : 'NOW';
}

interface ApplyAtChoiceProps {
  /** Names the radio group; its hint and error ids derive from it. */
  id: string;
  /** The instance's maintenance window; without one the window cannot be chosen. */
  window: MaintenanceWindow | null | undefined;
  value: ApplyAt;
  onChange: (value: ApplyAt) => void;
  /** The API's field error on `applyAt` (no window set, by the time it arrived). */
  error?: string;
}

/**
 * When a change that restarts brokers begins: now, or at the start of the instance's next maintenance window (UTC). Two
 * native radios in a fieldset, so arrow keys move between them; the window's is disabled, saying why, when none is set.
 */
export function ApplyAtChoice({ id, window, value, onChange, error }: ApplyAtChoiceProps) {
  const chosen = effectiveApplyAt(value, window);
  const noWindowHint = `${id}-no-window`;
  return (
    <FieldGroup id={id} legend="When" error={error}>
      <div className="radio-list compact">
        <label className={`radio-card${chosen === 'NOW' ? ' selected' : ''}`}>
          <input type="radio" name={id} value="NOW" checked={chosen === 'NOW'} onChange={() => onChange('NOW')} />
          <span>
            <strong>Now</strong>
          </span>
        </label>
        <label className={`radio-card${chosen === 'MAINTENANCE_WINDOW' ? ' selected' : ''}${window ? '' : ' radio-card-disabled'}`}>
          <input
            type="radio"
            name={id}
            value="MAINTENANCE_WINDOW"
            checked={chosen === 'MAINTENANCE_WINDOW'}
            disabled={!window}
            aria-describedby={window ? undefined : noWindowHint}
            onChange={() => onChange('MAINTENANCE_WINDOW')}
          />
          <span>
            <strong>In the maintenance window</strong>{' '}
            {window && <span className="muted small block">({describeWindow(window)})</span>}
          </span>
        </label>
      </div>
      {!window && (
        <p className="hint" id={noWindowHint}>
          Set a maintenance window in Settings first.
        </p>
      )}
    </FieldGroup>
  );
}
