package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationType;
import io.tributary.provisioning.rebalance.PartitionMover;
import io.tributary.provisioning.rebalance.Rebalance;
import io.tributary.provisioning.rebalance.RebalancePlan;
import io.tributary.provisioning.rebalance.RebalanceRepository;
import io.tributary.provisioning.rebalance.ReplicaPlanner;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves replicas to where a {@link ReplicaPlanner} plan puts them, by Kafka's partition reassignment: a rebalance on
 * its own, and the moving part of a scale-out or scale-in. The plan is computed once and stored with the
 * {@link Rebalance}; every pass then compares the cluster with it, so a control plane that restarts neither plans
 * again nor moves a partition twice. At most {@link #MAX_IN_FLIGHT} partitions move at once. A cancel is carried out
 * here, by the worker holding the operation, so it cannot race a submission.
 */
public class RebalanceWorkflow {

    static final int MAX_IN_FLIGHT = 50;
    private static final Logger log = LoggerFactory.getLogger(RebalanceWorkflow.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final RebalanceRepository rebalances;
    private final PartitionMover mover;
    private final BrokerHosts brokerHosts;
    private final TransactionTemplate tx;

    public RebalanceWorkflow(RebalanceRepository rebalances, PartitionMover mover, BrokerHosts brokerHosts,
                             TransactionTemplate tx) {
        this.rebalances = rebalances;
        this.mover = mover;
        this.brokerHosts = brokerHosts;
        this.tx = tx;
    }

    /** A REBALANCE operation. */
    public List<Step> steps() {
        return List.of(
                plan(5, i -> Set.of()),
                move(10, 90),
                elect(95));
    }

    /** Plans the rebalance of the operation (if it has one), emptying the brokers {@code removed} names. */
    Step plan(int percent, Function<Instance, Set<Integer>> removed) {
        return new Step("PLAN_REBALANCE", percent, (op, instance) -> {
            Rebalance rebalance = rebalances.findById(op.getId()).orElse(null);
            if (rebalance == null || rebalance.isPlanned() || rebalance.isCancelled()) {
                return StepResult.done();
            }
            if (rebalance.isCancelRequested()) {
                return cancelled(op, rebalance, 0);
            }
            RebalancePlan plan;
            try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
                PartitionMover.Snapshot snapshot = mover.read(admin);
                plan = ReplicaPlanner.plan(snapshot.brokers(), snapshot.partitions(), removed.apply(instance));
            } catch (ReplicaPlanner.UnplaceableException e) {
                throw new UnsupportedOrderException(e.getMessage());
            } catch (Exception e) {
                return StepResult.waitFor(POLL, "cannot read the cluster's partitions: " + e.getMessage());
            }
            update(op.getId(), r -> r.planned(plan));
            log.info("instance={} operation={} rebalance planned: {} of {} partitions move ({} bytes), {} leaders",
                    instance.getId(), op.getId(), plan.partitionsToMove(), plan.partitions(), plan.bytesToMove(),
                    plan.leadersToMove());
            return StepResult.done();
        });
    }

    /** Reassigns the plan's partitions, percent from {@code from} to {@code to}; lifts the throttle at the end. */
    Step move(int from, int to) {
        return new Step("MOVE_PARTITIONS", from, (op, instance) -> {
            Rebalance rebalance = rebalances.findById(op.getId()).orElse(null);
            if (rebalance == null || !rebalance.isPlanned() || rebalance.isCancelled()) {
                return StepResult.done();
            }
            RebalancePlan plan = rebalance.plan();
            Map<TopicPartition, List<Integer>> targets = new LinkedHashMap<>();
            plan.moves().forEach(m -> targets.put(new TopicPartition(m.topic(), m.partition()), m.proposedReplicas()));
            try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
                Map<TopicPartition, List<Integer>> current = mover.replicas(admin);
                Set<TopicPartition> inProgress = mover.inProgress(admin);
                inProgress.retainAll(targets.keySet());
                if (rebalance.isCancelRequested()) {
                    mover.cancel(admin, inProgress);
                    clearThrottle(admin, rebalance, plan);
                    return cancelled(op, rebalance, countDone(replicaMoves(plan, targets), current, inProgress));
                }
                int done = countDone(targets, current, inProgress);
                int moved = countDone(replicaMoves(plan, targets), current, inProgress);
                update(op.getId(), r -> r.moved(moved));
                if (done == targets.size()) {
                    clearThrottle(admin, rebalance, plan);
                    return StepResult.done();
                }
                Map<TopicPartition, List<Integer>> next = new LinkedHashMap<>();
                targets.forEach((tp, target) -> {
                    if (next.size() + inProgress.size() < MAX_IN_FLIGHT && current.containsKey(tp)
                            && !target.equals(current.get(tp)) && !inProgress.contains(tp)) {
                        next.put(tp, target);
                    }
                });
                if (!next.isEmpty()) {
                    if (rebalance.getThrottleBytesPerSecond() != null) {
                        mover.throttle(admin, rebalance.getThrottleBytesPerSecond(), moving(plan), brokers(plan));
                    }
                    mover.submit(admin, next);
                }
                int percent = from + (to - from) * done / Math.max(1, targets.size());
                return StepResult.waitFor(POLL, percent, "moved " + done + " of " + targets.size() + " partitions"
                        + (next.isEmpty() ? "" : "; started " + next.size() + " more"));
            } catch (UnsupportedOrderException e) {
                throw e;
            } catch (Exception e) {
                return StepResult.waitFor(POLL, "cannot reach the cluster: " + e.getMessage());
            }
        });
    }

    /** Makes the plan's preferred leaders lead. */
    Step elect(int percent) {
        return new Step("ELECT_LEADERS", percent, (op, instance) -> {
            Rebalance rebalance = rebalances.findById(op.getId()).orElse(null);
            if (rebalance == null || !rebalance.isPlanned() || rebalance.isCancelled()) {
                return StepResult.done();
            }
            Set<TopicPartition> partitions = rebalance.plan().moves().stream()
                    .map(m -> new TopicPartition(m.topic(), m.partition()))
                    .collect(Collectors.toSet());
            try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
                Set<TopicPartition> notElected = mover.electPreferredLeaders(admin, partitions);
                if (!notElected.isEmpty()) {
                    log.info("instance={} operation={} preferred leaders not elected yet for {} partitions",
                            instance.getId(), op.getId(), notElected.size());
                }
            } catch (Exception e) {
                log.info("instance={} operation={} preferred leaders not elected: {}", instance.getId(), op.getId(),
                        e.toString());
            }
            return StepResult.done();
        });
    }

    /** After the operation failed: the throttle must not outlive it. */
    public void afterFailure(Operation op, Instance instance) {
        Rebalance rebalance = rebalances.findById(op.getId()).orElse(null);
        if (rebalance == null || !rebalance.isPlanned() || rebalance.getThrottleBytesPerSecond() == null) {
            return;
        }
        try (Admin admin = Admin.create(brokerHosts.clientProperties(instance))) {
            clearThrottle(admin, rebalance, rebalance.plan());
        } catch (Exception e) {
            log.warn("instance={} operation={} throttle not lifted: {}", instance.getId(), op.getId(), e.toString());
        }
    }

    private StepResult cancelled(Operation op, Rebalance rebalance, int moved) {
        update(op.getId(), r -> {
            r.moved(moved);
            r.cancelled();
        });
        log.info("instance={} operation={} rebalance cancelled after {} partitions", op.getInstanceId(), op.getId(), moved);
        if (op.getType() == OperationType.REBALANCE) {
            throw new UnsupportedOrderException("cancelled by the user; " + moved + " of "
                    + rebalance.getPartitionsToMove() + " partitions had moved");
        }
        return StepResult.done();
    }

    private void clearThrottle(Admin admin, Rebalance rebalance, RebalancePlan plan) throws Exception {
        if (rebalance.getThrottleBytesPerSecond() != null) {
            mover.clearThrottle(admin, brokers(plan),
                    moving(plan).stream().map(RebalancePlan.Move::topic).collect(Collectors.toSet()));
        }
    }

    private static int countDone(Map<TopicPartition, List<Integer>> targets, Map<TopicPartition, List<Integer>> current,
                                 Set<TopicPartition> inProgress) {
        int done = 0;
        for (Map.Entry<TopicPartition, List<Integer>> e : targets.entrySet()) {
            List<Integer> now = current.get(e.getKey());
            if (now == null || (now.equals(e.getValue()) && !inProgress.contains(e.getKey()))) {
                done++; // a deleted topic's partition counts as done
            }
        }
        return done;
    }

    private static Map<TopicPartition, List<Integer>> replicaMoves(RebalancePlan plan,
                                                                   Map<TopicPartition, List<Integer>> targets) {
        Map<TopicPartition, List<Integer>> moves = new LinkedHashMap<>();
        moving(plan).forEach(m -> {
            TopicPartition tp = new TopicPartition(m.topic(), m.partition());
            moves.put(tp, targets.get(tp));
        });
        return moves;
    }

    private static List<RebalancePlan.Move> moving(RebalancePlan plan) {
        return plan.moves().stream().filter(RebalancePlan.Move::replicasChange).toList();
    }

    private static Set<Integer> brokers(RebalancePlan plan) {
        Set<Integer> brokers = new HashSet<>();
        plan.brokers().forEach(b -> brokers.add(b.nodeId()));
        return brokers;
    }

    private void update(UUID operationId, java.util.function.Consumer<Rebalance> change) {
        tx.executeWithoutResult(s -> {
            Rebalance r = rebalances.findById(operationId).orElseThrow();
            change.accept(r);
            rebalances.save(r);
        });
    }
}
