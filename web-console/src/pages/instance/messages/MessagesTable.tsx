import type { Message } from '../../../api/generated';
import { formatTimestamp } from '../../../lib/format';
import { previewValue } from '../../../lib/messageQuery';
import type { SearchRun } from './useMessageSearchRun';

/** The messages a search found, each with a View button; or why there are none. */
export function MessagesTable({ run, onView }: { run: SearchRun; onView: (message: Message) => void }) {
  if (run.messages.length === 0) {
    return (
      <div className="empty">
        <h2>No message found</h2>
        <p>{run.last.complete ? 'Nothing matches in the whole range searched.' : 'Nothing matched in the part searched so far.'}</p>
      </div>
    );
  }
  return (
    <table className="table table-compact messages-table" aria-label="Messages found">
      <thead>
        <tr>
          <th scope="col" className="num">Partition</th>
          <th scope="col" className="num">Offset</th>
          <th scope="col">Timestamp</th>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="sr-only">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {run.messages.map((m) => (
          <tr key={`${m.partition}:${m.offset}`}>
            <td className="num">{m.partition}</td>
            <td className="num">{m.offset}</td>
            <td className="nowrap">{formatTimestamp(m.timestamp)}</td>
            <td className="truncate-cell">{m.key ?? <span className="muted">none</span>}</td>
            <td className="value-cell">
              {m.value == null ? <span className="muted">null</span> : <code>{previewValue(m.value)}</code>}
              {m.valueEncoding !== 'TEXT' && <span className="tag tag-inline">{m.valueEncoding}</span>}
            </td>
            <td className="num">
              <button type="button" className="button button-small" aria-label={`View message ${m.partition}:${m.offset}`} onClick={() => onView(m)}>
                View
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
