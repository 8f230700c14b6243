import type { ReactNode } from 'react';
import type { Operation } from '../../api/generated';
import { Dialog } from '../../components/Dialog';
import { RestartProgress } from './RestartProgress';

/** What a capacity dialog turns into once its change was accepted (202): what happens, and the operation's progress. */
export function RollingProgressDialog({ title, operation, onClose, children }: { title: string; operation: Operation; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{children}</p>
      <RestartProgress operation={operation} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
