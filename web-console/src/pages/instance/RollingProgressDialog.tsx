import type { ReactNode } from 'react';
import type { Operation } from '../../api/generated';
import { Dialog } from '../../components/Dialog';
import { RestartProgress } from './RestartProgress';

interface RollingProgressDialogProps {
  title: string;
  projectId: string;
  operation: Operation;
  onClose: () => void;
  children: ReactNode;
}

/**
 * What a capacity dialog turns into once its change was accepted (202): what happens, and the operation's progress (or,
 * scheduled for the maintenance window, when it begins).
 */
export function RollingProgressDialog({ title, projectId, operation, onClose, children }: RollingProgressDialogProps) {
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{children}</p>
      <RestartProgress operation={operation} projectId={projectId} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
