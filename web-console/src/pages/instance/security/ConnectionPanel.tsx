import type { Instance } from '../../../api/generated';
import { useDownloadCaCertificate } from '../../../api/hooks/certificates';
import { CopyButton } from '../../../components/CopyButton';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { CertificateRotation } from './CertificateRotation';

/**
 * Client settings for an instance without `connection` (a control plane from before it was in the
 * contract): the same shape, with the same placeholders.
 */
export function clientProperties(instance: Instance): string {
  const lines = [`bootstrap.servers=${instance.bootstrapServers ?? ''}`];
  const { protocol, saslMechanisms } = instance.security;
  lines.push(`security.protocol=${protocol}`);
  if (protocol !== 'PLAINTEXT') {
    const mechanism = saslMechanisms.includes('SCRAM-SHA-512') ? 'SCRAM-SHA-512' : saslMechanisms[0] ?? 'PLAIN';
    const module =
      mechanism === 'PLAIN'
        ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
        : 'org.apache.kafka.common.security.scram.ScramLoginModule';
    lines.push(`sasl.mechanism=${mechanism}`);
    lines.push(`sasl.jaas.config=${module} required username="<username>" password="<password>";`);
  }
  if (protocol === 'SASL_SSL') {
    lines.push('ssl.truststore.type=PEM');
    lines.push('ssl.truststore.location=<path to ca.pem>');
  }
  return lines.join('\n') + '\n';
}

/** The server's ready-to-paste properties when it sends them, else the same built here. */
export function connectionOf(instance: Instance) {
  const c = instance.connection;
  return {
    bootstrapServers: c?.bootstrapServers ?? instance.bootstrapServers ?? null,
    protocol: c?.securityProtocol ?? instance.security.protocol,
    mechanisms: c?.saslMechanisms ?? instance.security.saslMechanisms,
    tls: c?.tlsEnabled ?? instance.security.protocol === 'SASL_SSL',
    properties: c?.clientProperties ?? clientProperties(instance),
  };
}

/** `clientProperties` with its `<username>` / `<password>` placeholders filled in. */
export function fillCredentials(properties: string, username: string, password: string): string {
  return properties.replaceAll('<username>', username).replaceAll('<password>', password);
}

/**
 * Bootstrap servers and ready-to-paste client properties. `detailed` (the Security tab) adds the
 * protocol, the mechanisms, the CA certificate download and the broker certificate rotation.
 */
export function ConnectionPanel({ instance, detailed = false }: { instance: Instance; detailed?: boolean }) {
  const c = connectionOf(instance);
  if (!c.bootstrapServers) return null;
  const sasl = c.protocol !== 'PLAINTEXT';
  return (
    <section className="card connection" aria-labelledby="connection-title">
      <h2 id="connection-title">{detailed ? 'Connection' : 'Connect'}</h2>
      <div className="copy-row">
        <label htmlFor="bootstrap-servers">Bootstrap servers</label>
        <div className="copy-field">
          <input id="bootstrap-servers" readOnly value={c.bootstrapServers} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={c.bootstrapServers} label="Copy bootstrap servers" />
        </div>
      </div>
      {detailed && (
        <dl className="dl connection-facts">
          <dt>Security protocol</dt>
          <dd>
            <code>{c.protocol}</code>
          </dd>
          <dt>SASL mechanisms</dt>
          <dd>{sasl && c.mechanisms.length ? c.mechanisms.join(', ') : 'None: clients do not authenticate'}</dd>
          <dt>TLS</dt>
          <dd>{c.tls ? 'Encrypted; clients trust the instance CA certificate' : 'Not encrypted'}</dd>
        </dl>
      )}
      <div className="copy-row">
        <div className="copy-head">
          <span id="client-properties-label">Client properties</span>
          <CopyButton text={c.properties} label="Copy client properties" />
        </div>
        <pre className="code" aria-labelledby="client-properties-label" tabIndex={0}>
          {c.properties}
        </pre>
        {(sasl || c.tls) && (
          <p className="muted small">
            {sasl && <>Replace &lt;username&gt; and &lt;password&gt; with a SASL user's (the admin user's password was chosen at ordering and is never shown again). </>}
            {c.tls && <>Replace &lt;path to ca.pem&gt; with where you saved the CA certificate.</>}
          </p>
        )}
      </div>
      {detailed && <CaCertificate instance={instance} tls={c.tls} />}
      {detailed && <CertificateRotation instance={instance} />}
    </section>
  );
}

function CaCertificate({ instance, tls }: { instance: Instance; tls: boolean }) {
  const download = useDownloadCaCertificate(instance.projectId, instance);
  const toast = useToast();
  return (
    <div className="ca-download">
      <button
        type="button"
        className="button"
        aria-describedby="ca-hint"
        disabled={download.isPending}
        onClick={() => download.mutate(undefined, { onSuccess: (fileName) => toast.success('CA certificate saved', fileName) })}
      >
        {download.isPending ? 'Downloading…' : 'Download CA certificate'}
      </button>
      <p id="ca-hint" className="hint">
        {tls
          ? 'Clients must trust this certificate (PEM) to connect over TLS.'
          : 'Only needed for TLS (SASL_SSL) listeners; this instance does not use TLS.'}
      </p>
      <ProblemAlert error={download.error} title="The CA certificate could not be downloaded" />
    </div>
  );
}
