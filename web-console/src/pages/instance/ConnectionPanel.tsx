import type { Instance } from '../../api/generated';
import { CopyButton } from '../../components/CopyButton';

/** Ready-to-paste Kafka client settings for the instance's listener. */
export function clientProperties(instance: Instance): string {
  const lines = [`bootstrap.servers=${instance.bootstrapServers ?? ''}`];
  const { protocol, saslMechanisms, adminUsername } = instance.security;
  lines.push(`security.protocol=${protocol}`);
  if (protocol !== 'PLAINTEXT') {
    const mechanism = saslMechanisms.includes('SCRAM-SHA-512') ? 'SCRAM-SHA-512' : saslMechanisms[0] ?? 'PLAIN';
    const module =
      mechanism === 'PLAIN'
        ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
        : 'org.apache.kafka.common.security.scram.ScramLoginModule';
    lines.push(`sasl.mechanism=${mechanism}`);
    lines.push(`sasl.jaas.config=${module} required username="${adminUsername ?? '<user>'}" password="<password>";`);
  }
  if (protocol === 'SASL_SSL') {
    lines.push('# trust the instance CA certificate:');
    lines.push('ssl.truststore.type=PEM');
    lines.push('ssl.truststore.location=/path/to/instance-ca.pem');
  }
  return lines.join('\n') + '\n';
}

export function ConnectionPanel({ instance }: { instance: Instance }) {
  if (!instance.bootstrapServers) return null;
  const props = clientProperties(instance);
  return (
    <section className="card connection" aria-labelledby="connection-title">
      <h2 id="connection-title">Connect</h2>
      <div className="copy-row">
        <label htmlFor="bootstrap-servers">Bootstrap servers</label>
        <div className="copy-field">
          <input id="bootstrap-servers" readOnly value={instance.bootstrapServers} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={instance.bootstrapServers} label="Copy bootstrap servers" />
        </div>
      </div>
      <div className="copy-row">
        <div className="copy-head">
          <span id="client-properties-label">Client properties</span>
          <CopyButton text={props} label="Copy client properties" />
        </div>
        <pre className="code" aria-labelledby="client-properties-label" tabIndex={0}>
          {props}
        </pre>
        {instance.security.protocol !== 'PLAINTEXT' && (
          <p className="muted small">Replace &lt;password&gt; with the admin password chosen at creation; it is never shown again.</p>
        )}
      </div>
    </section>
  );
}
