package io.tributary.provisioning;

import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.desired.DesiredStateFactory;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.AgentEndpoint;
import io.tributary.provisioning.host.AgentService;
import io.tributary.provisioning.host.HostPool;
import io.tributary.provisioning.host.HostProviders;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.JoinTokenRepository;
import io.tributary.provisioning.host.LocalHostProvider;
import io.tributary.provisioning.host.PoolHostProvider;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.kafkauser.AdminUserSetup;
import io.tributary.provisioning.kafkauser.KafkaUserRepository;
import io.tributary.provisioning.operation.OperationRepository;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.rebalance.PartitionMover;
import io.tributary.provisioning.rebalance.RebalanceRepository;
import io.tributary.provisioning.reconcile.BrokerHosts;
import io.tributary.provisioning.reconcile.ClusterProbe;
import io.tributary.provisioning.reconcile.CreateInstanceWorkflow;
import io.tributary.provisioning.reconcile.DeleteInstanceWorkflow;
import io.tributary.provisioning.reconcile.InstanceHealthMonitor;
import io.tributary.provisioning.reconcile.MaintenanceRestarts;
import io.tributary.provisioning.reconcile.SaslLogins;
import io.tributary.provisioning.reconcile.OperationRunner;
import io.tributary.provisioning.reconcile.Reconciler;
import io.tributary.provisioning.reconcile.RebalanceWorkflow;
import io.tributary.provisioning.reconcile.RestartBrokersWorkflow;
import io.tributary.provisioning.reconcile.ScaleBrokersWorkflow;
import io.tributary.provisioning.reconcile.RotateCertificatesWorkflow;
import io.tributary.provisioning.tls.CertificateRenewal;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires provisioning: host providers, workflows, the reconciler and the health monitor. */
@Configuration
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningConfiguration {

    /** Operations one replica works on at once (each on its own thread). */
    static final int RECONCILER_WORKERS = 4;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocalHostProvider localHostProvider(HostRepository hosts, TransactionTemplate tx, Clock clock, AgentEndpoint endpoint,
                                        ProvisioningProperties properties, @Value("${tributary.home}") Path home) {
        ProvisioningProperties.Local local = properties.local();
        Path hostsDir = local.hostsDirectory() != null ? local.hostsDirectory() : home.resolve("hosts");
        return new LocalHostProvider(hosts, tx, clock, endpoint, local, hostsDir, agentDistribution(local));
    }

    @Bean
    PoolHostProvider poolHostProvider(HostRepository hosts, TransactionTemplate tx, Clock clock) {
        return new PoolHostProvider(hosts, tx, clock);
    }

    @Bean
    HostProviders hostProviders(LocalHostProvider local, PoolHostProvider pool, ProvisioningProperties properties) {
        return new HostProviders(List.of(local, pool), properties.hostProvider());
    }

    @Bean
    HostPool hostPool(HostRepository hosts, JoinTokenRepository joinTokens, ProvisioningProperties properties,
                      TransactionTemplate tx, Clock clock) {
        return new HostPool(hosts, joinTokens, properties.availabilityZones(), tx, clock);
    }

    @Bean
    AgentService agentService(HostRepository hosts, JoinTokenRepository joinTokens, Clock clock) {
        return new AgentService(hosts, joinTokens, clock);
    }

    @Bean
    DesiredStateWriter desiredStateWriter(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                          KafkaUserRepository users, FlavorCatalog flavors,
                                          ProvisioningProperties properties, InstanceTls tls, TransactionTemplate tx,
                                          Clock clock) {
        boolean local = "local".equals(properties.hostProvider());
        int heapCap = local ? properties.local().maxBrokerHeapMb() : 0;
        java.util.function.IntToLongFunction storage = local ? properties.local()::storageBytes : gb -> gb * (1L << 30);
        return new DesiredStateWriter(instances, brokers, hosts, users, flavors, new DesiredStateFactory(heapCap, storage),
                tls, tx, clock);
    }

    @Bean
    AdminUserSetup adminUserSetup(InstanceRepository instances, KafkaUserRepository users, InstanceTls tls,
                                  ControlPlaneClients clients, SecretCipher cipher, TransactionTemplate tx, Clock clock) {
        return new AdminUserSetup(instances, users, tls, clients, cipher, tx, clock);
    }

    @Bean
    BrokerHosts brokerHosts(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                            HostProviders providers, ClusterProbe probe, ControlPlaneClients clients,
                            TransactionTemplate tx) {
        return new BrokerHosts(instances, brokers, hosts, providers, probe, clients, tx);
    }

    @Bean
    CreateInstanceWorkflow createInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers,
                                                  BrokerHosts brokerHosts, DesiredStateWriter desiredStates,
                                                  AdminUserSetup adminUser, TransactionTemplate tx, Clock clock) {
        return new CreateInstanceWorkflow(instances, brokers, brokerHosts, desiredStates, adminUser, tx, clock);
    }

    @Bean
    PartitionMover partitionMover() {
        return new PartitionMover();
    }

    @Bean
    RebalanceWorkflow rebalanceWorkflow(RebalanceRepository rebalances, PartitionMover mover, BrokerHosts brokerHosts,
                                        TransactionTemplate tx) {
        return new RebalanceWorkflow(rebalances, mover, brokerHosts, tx);
    }

    @Bean
    ScaleBrokersWorkflow scaleBrokersWorkflow(InstanceRepository instances, BrokerRepository brokers,
                                              HostRepository hosts, HostProviders providers, BrokerHosts brokerHosts,
                                              DesiredStateWriter desiredStates, RebalanceWorkflow rebalance,
                                              PartitionMover mover, TransactionTemplate tx, Clock clock) {
        return new ScaleBrokersWorkflow(instances, brokers, hosts, providers, brokerHosts, desiredStates, rebalance,
                mover, tx, clock);
    }

    @Bean
    DeleteInstanceWorkflow deleteInstanceWorkflow(InstanceRepository instances, BrokerRepository brokers,
                                                  HostRepository hosts, OperationRepository operations,
                                                  HostProviders providers, TransactionTemplate tx, Clock clock) {
        return new DeleteInstanceWorkflow(instances, brokers, hosts, operations, providers, tx, clock);
    }

    @Bean
    RotateCertificatesWorkflow rotateCertificatesWorkflow(InstanceRepository instances, BrokerRepository brokers,
                                                          HostRepository hosts, InstanceTls tls,
                                                          DesiredStateWriter desiredStates, ControlPlaneClients clients,
                                                          TransactionTemplate tx) {
        return new RotateCertificatesWorkflow(instances, brokers, hosts, tls, desiredStates, clients, tx);
    }

    @Bean
    RestartBrokersWorkflow restartBrokersWorkflow(InstanceRepository instances, BrokerRepository brokers,
                                                  HostRepository hosts, DesiredStateWriter desiredStates,
                                                  ClusterProbe probe, ControlPlaneClients clients,
                                                  TransactionTemplate tx, Clock clock) {
        return new RestartBrokersWorkflow(instances, brokers, hosts, desiredStates, probe, clients, tx, clock);
    }

    @Bean
    OperationRunner operationRunner(OperationRepository operations, InstanceRepository instances, HostRepository hosts,
                                    HostProviders providers, CreateInstanceWorkflow create,
                                    DeleteInstanceWorkflow delete, RotateCertificatesWorkflow rotate,
                                    RestartBrokersWorkflow restart, ScaleBrokersWorkflow scale,
                                    RebalanceWorkflow rebalance, TransactionTemplate tx, Clock clock) {
        return new OperationRunner(operations, instances, hosts, providers, create, delete, rotate, restart, scale,
                rebalance, tx, clock);
    }

    /** Starts rolling certificate rotations: on request, and for certificates that end within 30 days. */
    @Bean
    CertificateRenewal certificateRenewal(InstanceRepository instances, BrokerRepository brokers,
                                          OperationStarter starter, TransactionTemplate tx, Clock clock,
                                          @Value("${tributary.provisioning.reconcile:true}") boolean automatic) {
        return new CertificateRenewal(instances, brokers, starter, tx, clock, automatic);
    }

    /** The only place operations are created. */
    @Bean
    OperationStarter operationStarter(OperationRepository operations, InstanceRepository instances, Clock clock,
                                      ProvisioningProperties properties) {
        return new OperationStarter(operations, instances, clock, properties.createTimeout(), properties.deleteTimeout());
    }

    /*
     * One scheduler per periodic job, so none waits for another: a capacity pass stuck on a slow
     * broker (Admin calls of up to 30 s) or a health check reviving agents neither delays the
     * reconciler's poll nor the renewal of leases, which would otherwise run out while their
     * workers still work. "taskScheduler" runs every other @Scheduled job, as Spring Boot's would.
     */

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        return scheduler("scheduling-", 2);
    }

    @Bean(Reconciler.POLL_SCHEDULER)
    ThreadPoolTaskScheduler reconcilerPollScheduler() {
        return scheduler("reconciler-poll-", 1);
    }

    @Bean(Reconciler.LEASE_SCHEDULER)
    ThreadPoolTaskScheduler leaseRenewalScheduler() {
        return scheduler("lease-renewal-", 1);
    }

    @Bean(InstanceHealthMonitor.SCHEDULER)
    ThreadPoolTaskScheduler healthMonitorScheduler() {
        return scheduler("health-monitor-", 1);
    }

    @Bean(MaintenanceRestarts.SCHEDULER)
    ThreadPoolTaskScheduler maintenanceRestartsScheduler() {
        return scheduler("maintenance-restarts-", 1);
    }

    @Bean(io.tributary.provisioning.capacity.CapacityGuard.SCHEDULER)
    ThreadPoolTaskScheduler capacityGuardScheduler() {
        return scheduler("capacity-guard-", 1);
    }

    private static ThreadPoolTaskScheduler scheduler(String threadPrefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(threadPrefix);
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService reconcilerWorkers() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return Executors.newFixedThreadPool(RECONCILER_WORKERS, r -> {
            Thread t = new Thread(r, "reconciler-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code tributary.provisioning.reconcile=false} leaves orders untouched (API-only tests). */
    @Bean
    @ConditionalOnProperty(name = "tributary.provisioning.reconcile", havingValue = "true", matchIfMissing = true)
    Reconciler reconciler(OperationRepository operations, OperationRunner runner, TransactionTemplate tx, Clock clock,
                          ExecutorService reconcilerWorkers) {
        return new Reconciler(operations, runner, tx, clock, reconcilerWorkers, RECONCILER_WORKERS);
    }

    @Bean
    @ConditionalOnProperty(name = "tributary.provisioning.reconcile", havingValue = "true", matchIfMissing = true)
    InstanceHealthMonitor instanceHealthMonitor(InstanceRepository instances, HostRepository hosts,
                                                BrokerRepository brokers, OperationRepository operations,
                                                LocalHostProvider local, AdminUserSetup probeUsers,
                                                DesiredStateWriter desiredStates, SaslLogins logins,
                                                TransactionTemplate tx, Clock clock) {
        return new InstanceHealthMonitor(instances, hosts, brokers, operations, local, probeUsers, desiredStates, logins,
                tx, clock);
    }

    /** How the health monitor logs in to a broker; a test may bring its own. */
    @Bean
    @ConditionalOnMissingBean
    SaslLogins saslLogins() {
        return new SaslLogins.Kafka();
    }

    @Bean
    @ConditionalOnProperty(name = "tributary.provisioning.reconcile", havingValue = "true", matchIfMissing = true)
    io.tributary.provisioning.capacity.CapacityGuard capacityGuard(InstanceRepository instances, HostRepository hosts,
            io.tributary.provisioning.instance.InstanceEventRepository events, ControlPlaneClients clients,
            TransactionTemplate tx, Clock clock) {
        return new io.tributary.provisioning.capacity.CapacityGuard(instances, hosts, events, clients, tx, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "tributary.provisioning.reconcile", havingValue = "true", matchIfMissing = true)
    MaintenanceRestarts maintenanceRestarts(InstanceRepository instances, BrokerRepository brokers,
                                            OperationRepository operations, OperationStarter starter,
                                            TransactionTemplate tx, Clock clock) {
        return new MaintenanceRestarts(instances, brokers, operations, starter, tx, clock);
    }

    /** The configured distribution, or the one the Maven build leaves in broker-agent/target/dist. */
    static Path agentDistribution(ProvisioningProperties.Local local) {
        if (local.agentDistribution() != null && !local.agentDistribution().toString().isBlank()) {
            return local.agentDistribution().toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("broker-agent/target/dist");
            if (Files.isDirectory(candidate.resolve("lib"))) {
                return candidate;
            }
        }
        return Path.of("broker-agent/target/dist").toAbsolutePath();
    }
}
