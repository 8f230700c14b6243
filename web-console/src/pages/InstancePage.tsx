import { useEffect, useState } from 'react';
import { Link, NavLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useInstance } from '../api/hooks/instances';
import { isNotFound } from '../api/problem';
import { EmptyState, Loading } from '../components/EmptyState';
import { ProblemAlert } from '../components/ProblemAlert';
import { StatusBadge } from '../components/StatusBadge';
import { useToast } from '../components/Toasts';
import { AuditTab } from './instance/AuditTab';
import { DeleteDialog } from './instance/DeleteDialog';
import { OperationsTab } from './instance/OperationsTab';
import { OverviewTab } from './instance/OverviewTab';
import { ProgressPanel } from './instance/ProgressPanel';
import { SettingsTab } from './instance/SettingsTab';

const TABS = [
  { path: 'overview', label: 'Overview' },
  { path: 'operations', label: 'Operations' },
  { path: 'audit', label: 'Audit events' },
  { path: 'settings', label: 'Settings' },
] as const;

export function InstancePage() {
  const { projectId = '', instanceId = '', tab = 'overview' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const query = useInstance(projectId, instanceId, { pollWhileGone: false });
  const instance = query.data;
  const listPath = `/projects/${projectId}/instances`;

  // a deleted instance answers 404 (or shows DELETED): then it is gone
  const gone = (deleting || instance?.status === 'DELETING') && (isNotFound(query.error) || instance?.status === 'DELETED');
  useEffect(() => {
    if (gone) {
      toast.success('Instance deleted', `${instance?.name ?? 'The instance'} and its data are gone.`);
      navigate(listPath, { replace: true });
    }
  }, [gone, instance?.name, listPath, navigate, toast]);

  if (query.isPending) return <Loading label="Loading the instance…" />;
  if (isNotFound(query.error) && !instance) {
    return (
      <EmptyState title="Instance not found" action={<Link to={listPath} className="button">Back to instances</Link>}>
        It may have been deleted, or it belongs to another project.
      </EmptyState>
    );
  }
  if (!instance) return <ProblemAlert error={query.error} title="The instance could not be loaded" onRetry={() => query.refetch()} />;

  return (
    <article aria-labelledby="instance-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={listPath}>Instances</Link> <span aria-hidden="true">/</span> <span aria-current="page">{instance.name}</span>
      </nav>
      <div className="page-head">
        <div className="title-with-badge">
          <h1 id="instance-title">{instance.name}</h1>
          <StatusBadge status={instance.status} />
        </div>
        <span className="muted">
          {instance.flavor} · {instance.brokerCount} brokers · {instance.availabilityZones.join(', ')} · Kafka {instance.kafkaVersion}
        </span>
      </div>
      {query.error && !isNotFound(query.error) && <ProblemAlert error={query.error} title="Refreshing the instance failed" />}

      <ProgressPanel projectId={projectId} instance={instance} operationId={params.get('operation')} />

      <nav className="tabs" aria-label="Instance sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={`/projects/${projectId}/instances/${instanceId}/${t.path}`} className={() => `tab${tab === t.path ? ' active' : ''}`} aria-current={tab === t.path ? 'page' : undefined}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="tab-panel">
        {tab === 'overview' && <OverviewTab instance={instance} />}
        {tab === 'operations' && <OperationsTab projectId={projectId} instanceId={instanceId} />}
        {tab === 'audit' && <AuditTab projectId={projectId} instanceId={instanceId} />}
        {tab === 'settings' && <SettingsTab key={instance.id} projectId={projectId} instance={instance} onDelete={() => setConfirming(true)} />}
        {!TABS.some((t) => t.path === tab) && <EmptyState title="No such section" />}
      </div>

      {confirming && (
        <DeleteDialog
          projectId={projectId}
          instance={instance}
          onClose={() => setConfirming(false)}
          onDeleting={() => {
            setConfirming(false);
            setDeleting(true);
            toast.info(`Deleting ${instance.name}`, 'Its brokers are being stopped and erased.');
          }}
        />
      )}
    </article>
  );
}
