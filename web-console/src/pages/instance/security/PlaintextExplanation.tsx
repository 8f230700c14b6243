import { Link } from 'react-router';
import type { Instance } from '../../../api/generated';
import { EmptyState } from '../../../components/EmptyState';

/** Why a PLAINTEXT instance has no SASL users (and its ACLs cannot tell users apart). */
export function PlaintextExplanation({ projectId, instance }: { projectId: string; instance: Instance }) {
  return (
    <EmptyState
      title="No users on a PLAINTEXT instance"
      action={
        <Link to={`/projects/${projectId}/instances/new`} className="button">
          Create an instance with SASL
        </Link>
      }
    >
      {instance.name} accepts clients without authentication (PLAINTEXT): there is no SASL listener, so there are no users or passwords to
      manage, and every client connects as the same anonymous principal. Users need an instance ordered with SASL_PLAINTEXT or SASL_SSL; the
      protocol is chosen when ordering and cannot be changed later. Network rules still limit who can connect.
    </EmptyState>
  );
}
