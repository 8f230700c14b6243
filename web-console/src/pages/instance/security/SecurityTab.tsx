import { Link } from 'react-router';
import type { Instance } from '../../../api/generated';
import { EmptyState } from '../../../components/EmptyState';
import { ConnectionPanel } from './ConnectionPanel';
import { AclsSection } from './AclsSection';
import { NetworkRulesSection } from './NetworkRulesSection';
import { UsersSection } from './UsersSection';

export const SECURITY_SECTIONS = [
  { path: 'connection', label: 'Connection' },
  { path: 'users', label: 'Users' },
  { path: 'acls', label: 'ACLs' },
  { path: 'network', label: 'Network rules' },
] as const;

/** How clients connect and who may: connection details, SASL users, ACLs and the network allow-list. */
export function SecurityTab({ projectId, instance, section = 'connection', kafkaReady }: { projectId: string; instance: Instance; section?: string; kafkaReady: boolean }) {
  const base = `/projects/${projectId}/instances/${instance.id}/security`;
  return (
    <section aria-labelledby="security-title" className="security">
      <h2 id="security-title" className="sr-only">
        Security
      </h2>
      <nav className="subtabs" aria-label="Security sections">
        {SECURITY_SECTIONS.map((s) => (
          <Link key={s.path} to={`${base}/${s.path}`} className={`subtab${section === s.path ? ' active' : ''}`} aria-current={section === s.path ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      {section === 'connection' &&
        (instance.connection || instance.bootstrapServers ? (
          <ConnectionPanel instance={instance} detailed />
        ) : (
          <EmptyState title="No connection details yet">Bootstrap servers and client properties appear once the instance is running.</EmptyState>
        ))}
      {section === 'users' && <UsersSection projectId={projectId} instance={instance} kafkaReady={kafkaReady} />}
      {section === 'acls' && <AclsSection projectId={projectId} instance={instance} kafkaReady={kafkaReady} />}
      {section === 'network' && <NetworkRulesSection key={instance.id} projectId={projectId} instance={instance} />}
      {!SECURITY_SECTIONS.some((s) => s.path === section) && <EmptyState title="No such section" />}
    </section>
  );
}
