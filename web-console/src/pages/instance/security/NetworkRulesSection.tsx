import { useRef, useState, type FormEvent } from 'react';
import type { Instance } from '../../../api/generated';
import { useReplaceNetworkRules } from '../../../api/hooks/networkRules';
import { FieldErrorText } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { cidrsChanged, hasCidrErrors, MAX_CIDRS, serverCidrErrors, toNetworkSpec, validateCidrRows, type CidrRowsValidation } from '../../../lib/network';

/**
 * The allow-list of client networks: one CIDR block per row, checked as typed once a save was tried,
 * replaced as a whole with PUT .../network-rules. The server's errors for `allowedCidrs[i]` land under
 * the row they are about. An empty list lets every address connect.
 */
export function NetworkRulesSection({ projectId, instance }: { projectId: string; instance: Instance }) {
  const saved = instance.network?.allowedCidrs ?? [];
  const replace = useReplaceNetworkRules(projectId, instance.id);
  const toast = useToast();
  const [rows, setRows] = useState<string[]>(() => [...saved]);
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<(CidrRowsValidation & { other: string[] }) | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const local = validateCidrRows(rows);
  const shown: CidrRowsValidation = { rows: { ...(checked ? local.rows : {}) }, list: (checked ? local.list : undefined) ?? server?.list };
  for (const [row, message] of Object.entries(server?.rows ?? {})) shown.rows[Number(row)] ??= message;
  const changed = cidrsChanged(rows, saved);
  const filled = rows.filter((r) => r.trim()).length;

  const update = (next: string[]) => {
    setRows(next);
    setServer(null); // stale once the rows move
  };
  const addRow = () => {
    update([...rows, '']);
    window.setTimeout(() => listRef.current?.querySelector<HTMLInputElement>('.cidr-row:last-of-type input')?.focus());
  };
  const removeRow = (index: number) => {
    update(rows.filter((_, i) => i !== index));
    window.setTimeout(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('.cidr-row input');
      (inputs?.[Math.min(index, (inputs?.length ?? 1) - 1)] ?? listRef.current?.querySelector<HTMLElement>('.add-row'))?.focus();
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (hasCidrErrors(local)) {
      window.setTimeout(() => listRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const { body, rowOf } = toNetworkSpec(rows);
    replace.mutate(body, {
      onSuccess: (updated) => {
        const now = updated.network?.allowedCidrs ?? body.allowedCidrs ?? [];
        setRows([...now]);
        setChecked(false);
        setServer(null);
        toast.success(
          'Network rules saved',
          now.length ? `Only ${now.length === 1 ? 'this network' : `these ${now.length} networks`} can connect; the brokers enforce it within seconds.` : 'Every address can connect.',
        );
      },
      onError: (error) => setServer(serverCidrErrors(error, rowOf)),
    });
  };

  const general = replace.error && (!server || (Object.keys(server.rows).length === 0 && !server.list)) ? replace.error : null;

  return (
    <form className="card network-rules" onSubmit={onSubmit} noValidate aria-labelledby="network-title">
      <h3 id="network-title">Network rules</h3>
      <p className="muted">
        Client networks allowed to connect to {instance.name}, as CIDR blocks (<code>10.0.0.0/16</code>, <code>203.0.113.7/32</code>,{' '}
        <code>2001:db8::/32</code>). The brokers apply a change within seconds, without a restart.
      </p>
      <ProblemAlert error={general} title="The network rules could not be saved" />
      {server && server.other.length > 0 && (
        <ul className="alert alert-error">
          {server.other.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}

      <fieldset className={`field-group${shown.list ? ' field-invalid' : ''}`} aria-describedby={shown.list ? 'cidr-list-error' : 'cidr-list-hint'}>
        <legend>Allowed networks</legend>
        <p className="hint" id="cidr-list-hint">
          {filled === 0 ? 'No rule: every address can connect.' : `${filled} of at most ${MAX_CIDRS} blocks. Addresses outside them are refused.`}
        </p>
        <div ref={listRef} className="cidr-rows">
          {rows.map((value, i) => {
            const error = shown.rows[i];
            return (
              <div className="cidr-row" key={i}>
                <div className="cidr-input">
                  <input
                    aria-label={`CIDR block ${i + 1}`}
                    value={value}
                    maxLength={43}
                    placeholder="10.0.0.0/16"
                    spellCheck={false}
                    autoComplete="off"
                    className="code-input"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `cidr-${i}-error` : undefined}
                    onChange={(e) => update(rows.map((r, j) => (j === i ? e.target.value : r)))}
                  />
                  <button type="button" className="icon-button" aria-label={`Remove CIDR block ${i + 1}`} onClick={() => removeRow(i)}>
                    ×
                  </button>
                </div>
                {error && <FieldErrorText id={`cidr-${i}-error`} message={error} />}
              </div>
            );
          })}
          <button type="button" className="button button-small add-row" onClick={addRow} disabled={rows.length >= MAX_CIDRS}>
            Add network
          </button>
        </div>
        {shown.list && <FieldErrorText id="cidr-list-error" message={shown.list} />}
      </fieldset>

      {rows.length > 0 && filled === 0 && <p className="alert alert-info small">Saving empty rows removes every rule: every address will be able to connect.</p>}

      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!changed || replace.isPending}
          onClick={() => {
            setRows([...saved]);
            setChecked(false);
            setServer(null);
            replace.reset();
          }}
        >
          Undo changes
        </button>
        <button type="submit" className="button button-primary" disabled={!changed || replace.isPending}>
          {replace.isPending ? 'Saving…' : 'Save network rules'}
        </button>
      </div>
    </form>
  );
}
