import type { Message } from '../../../api/generated';
import { CopyButton } from '../../../components/CopyButton';
import { Dialog } from '../../../components/Dialog';
import { formatBytes, formatTimestamp } from '../../../lib/format';
import { formatValue } from '../../../lib/messageQuery';

/** One message in full: its position, headers and value (JSON pretty-printed). */
export function MessageDrawer({ message, topic, onClose }: { message: Message; topic: string; onClose: () => void }) {
  const headers = Object.entries(message.headers ?? {});
  const value = formatValue(message);
  return (
    <Dialog title={`Message ${message.partition}:${message.offset}`} onClose={onClose} className="drawer">
      <button type="button" className="icon-button drawer-close" aria-label="Close message" onClick={onClose}>
        ×
      </button>
      <dl className="dl">
        <dt>Topic</dt>
        <dd>{topic}</dd>
        <dt>Partition</dt>
        <dd>{message.partition}</dd>
        <dt>Offset</dt>
        <dd>{message.offset}</dd>
        <dt>Timestamp</dt>
        <dd>
          {formatTimestamp(message.timestamp)} <span className="muted small">({message.timestamp.toISOString()})</span>
        </dd>
        <dt>Key</dt>
        <dd>{message.key == null ? <span className="muted">none</span> : <code>{message.key}</code>}</dd>
        <dt>Value</dt>
        <dd>
          {message.valueEncoding}
          {message.valueSize != null && `, ${formatBytes(message.valueSize)}`}
        </dd>
      </dl>

      <h3 className="drawer-section">Headers</h3>
      {headers.length === 0 ? (
        <p className="muted">No headers.</p>
      ) : (
        <table className="table table-compact" aria-label="Headers">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([k, v]) => (
              <tr key={k}>
                <td>
                  <code>{k}</code>
                </td>
                <td className="truncate-cell">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="copy-head drawer-section">
        <h3 id="message-value-label">Value{message.valueEncoding === 'JSON' ? ' (JSON)' : message.valueEncoding === 'BASE64' ? ' (base64)' : ''}</h3>
        {message.value != null && <CopyButton text={message.value} label="Copy value" />}
      </div>
      {message.truncated && (
        <p className="alert alert-info small">The value is longer than 64 KiB: only its beginning is shown.</p>
      )}
      {message.value == null ? (
        <p className="muted">No value (a tombstone).</p>
      ) : (
        <pre className="code message-value" aria-labelledby="message-value-label" tabIndex={0}>
          {value}
        </pre>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
