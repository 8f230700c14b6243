import { useEffect, useState } from 'react';
import { Link, NavLink, useNavigate, useParams, useSearchParams } from 'react-router';
import type { InstanceStatus } from '../api/generated';
import { useInstance } from '../api/hooks/instances';
import { isNotFound } from '../api/problem';
import { EmptyState, Loading } from '../components/EmptyState';
import { ProblemAlert } from '../components/ProblemAlert';
import { StatusBadge } from '../components/StatusBadge';
import { useToast } from '../components/Toasts';
import { humanize } from '../lib/format';
import { AuditTab } from './instance/AuditTab';
import { EventsTab } from './instance/EventsTab';
import { ConsumerGroupsTab } from './instance/groups/ConsumerGroupsTab';
import { DeleteDialog } from './instance/DeleteDialog';
import { OperationsTab } from './instance/OperationsTab';
import { OverviewTab } from './instance/OverviewTab';
import { ProgressPanel } from './instance/ProgressPanel';
import { ScheduledOperationPanel } from './instance/ScheduledOperationPanel';
import { SettingsTab } from './instance/SettingsTab';
import { SecurityTab } from './instance/security/SecurityTab';
import { TopicsTab } from './instance/topics/TopicsTab';

const TABS = [
  { path: 'overview', label: 'Overview', needsKafka: false },
  { path: 'topics', label: 'Topics', needsKafka: true },
  { path: 'consumer-groups', label: 'Consumer groups', needsKafka: true },
  { path: 'operations', label: 'Operations', needsKafka: false },
  { path: 'security', label: 'Security', needsKafka: false },
  { path: 'events', label: 'Events', needsKafka: false },
  { path: 'audit', label: 'Audit events', needsKafka: false },
  { path: 'settings', label: 'Settings', needsKafka: false },
] as const;

/** The API answers topic, message and group calls only in these states (409 INVALID_STATE otherwise). */
const KAFKA_READY: ReadonlySet<InstanceStatus> = new Set<InstanceStatus>(['RUNNING', 'DEGRADED']);

function kafkaUnavailableReason(status: InstanceStatus): string {
  const now = status === 'CREATING' ? 'it is still being created' : `it is ${humanize(status).toLowerCase()}`;
  return `Topics and consumer groups can be managed once the instance is running; ${now}.`;
}

export function InstancePage() {
  const { projectId = '', instanceId = '', tab: tabParam, topic, topicTab, group, securitySection } = useParams();
  // /topics/{t}/{section}, /consumer-groups/{g} and /security/{section} are sub-pages of their tab
  const tab = tabParam ?? (topic ? 'topics' : group ? 'consumer-groups' : securitySection ? 'security' : 'overview');
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

  const kafkaReady = KAFKA_READY.has(instance.status);
  const basePath = `/projects/${projectId}/instances/${instanceId}`;

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
      <ScheduledOperationPanel instance={instance} />

      <nav className="tabs" aria-label="Instance sections">
        {TABS.map((t) =>
          t.needsKafka && !kafkaReady ? (
            <span key={t.path} className="tab tab-disabled" role="link" aria-disabled="true" aria-describedby="kafka-tabs-note" title={kafkaUnavailableReason(instance.status)}>
              {t.label}
            </span>
          ) : (
            <NavLink key={t.path} to={`${basePath}/${t.path}`} className={() => `tab${tab === t.path ? ' active' : ''}`} aria-current={tab === t.path ? 'page' : undefined}>
              {t.label}
            </NavLink>
          ),
        )}
      </nav>
      {!kafkaReady && (
        <p id="kafka-tabs-note" className="muted small tabs-note">
          {kafkaUnavailableReason(instance.status)}
        </p>
      )}
      <div className="tab-panel">
        {TABS.some((t) => t.path === tab && t.needsKafka) && !kafkaReady ? (
          <EmptyState title={tab === 'topics' ? 'Topics are not available yet' : 'Consumer groups are not available yet'}>
            {kafkaUnavailableReason(instance.status)}
          </EmptyState>
        ) : (
          <>
            {tab === 'topics' && <TopicsTab projectId={projectId} instance={instance} topic={topic} section={topicTab} />}
            {tab === 'consumer-groups' && <ConsumerGroupsTab projectId={projectId} instance={instance} group={group} />}
          </>
        )}
        {tab === 'overview' && <OverviewTab instance={instance} />}
        {tab === 'operations' && <OperationsTab projectId={projectId} instanceId={instanceId} />}
        {tab === 'security' && <SecurityTab projectId={projectId} instance={instance} section={securitySection} kafkaReady={kafkaReady} />}
        {tab === 'events' && <EventsTab projectId={projectId} instanceId={instanceId} />}
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
