interface DialogActionsProps {
  onCancel: () => void;
  /** The submit button's label, e.g. "Create topic". */
  submitLabel: string;
  /** Its label while the request runs, e.g. "Creating…". */
  busyLabel: string;
  /** The request runs: the submit button is disabled and says `busyLabel`. */
  busy: boolean;
  /** A further reason to disable the submit button (a name not typed yet, nothing to reset). */
  disabled?: boolean;
  /** `danger` for a destructive action. */
  tone?: 'primary' | 'danger';
  /** A confirmation with nothing to fill in puts focus on Cancel, so Enter does no harm. */
  focusCancel?: boolean;
  /** The dismiss button's label, when "Cancel" would be ambiguous (a dialog that cancels something). */
  cancelLabel?: string;
}

/** The footer of a dialog's form: Cancel, then the submit button. */
export function DialogActions({
  onCancel,
  submitLabel,
  busyLabel,
  busy,
  disabled = false,
  tone = 'primary',
  focusCancel = false,
  cancelLabel = 'Cancel',
}: DialogActionsProps) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel} autoFocus={focusCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className={`button button-${tone}`} disabled={disabled || busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
