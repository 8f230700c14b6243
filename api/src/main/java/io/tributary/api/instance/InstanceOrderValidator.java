package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.model.BillingModeDto;
import io.tributary.api.generated.model.BillingSpecDto;
import io.tributary.api.generated.model.InstanceCreateDto;
import io.tributary.api.generated.model.SecurityProtocolDto;
import io.tributary.api.generated.model.SecuritySpecDto;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of an order that depend on the catalog and on each other (the shape of each field is
 * checked by bean validation from the spec first). All problems are reported at once.
 */
@Component
class InstanceOrderValidator {

    static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{2,63}$");
    private static final Pattern TAG_KEY = Pattern.compile("^[A-Za-z0-9_.:/=+@-]{1,128}$");

    private final FlavorCatalog flavors;
    private final ProvisioningProperties provisioning;

    InstanceOrderValidator(FlavorCatalog flavors, ProvisioningProperties provisioning) {
        this.flavors = flavors;
        this.provisioning = provisioning;
    }

    void validate(InstanceCreateDto order) {
        List<FieldProblem> problems = new ArrayList<>();
        checkName(order.getName(), problems);
        Optional<Flavor> flavor = flavors.find(order.getFlavor());
        if (flavor.isEmpty()) {
            problems.add(new FieldProblem("flavor", "unknown flavor '" + order.getFlavor() + "'; see GET /api/v1/flavors"));
        }
        flavor.ifPresent(f -> checkSize(order, f, problems));
        checkZones(order, problems);
        if (order.getKafkaVersion() != null && !provisioning.kafkaVersions().contains(order.getKafkaVersion())) {
            problems.add(new FieldProblem("kafkaVersion", "must be one of " + provisioning.kafkaVersions()));
        }
        checkSecurity(order.getSecurity(), problems);
        if (order.getNetwork() != null && order.getNetwork().getAllowedCidrs() != null) {
            List<String> cidrs = order.getNetwork().getAllowedCidrs();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!Cidr.isValid(cidrs.get(i))) {
                    problems.add(new FieldProblem("network.allowedCidrs[" + i + "]",
                            "'" + cidrs.get(i) + "' is not a CIDR block such as 10.0.0.0/16"));
                }
            }
        }
        checkBilling(order.getBilling(), problems);
        checkTags(order.getTags(), problems);
        if (order.getBrokerConfig() != null) {
            problems.addAll(BrokerConfigScreen.screen(order.getBrokerConfig(), new BrokerConfigScreen.Order(
                    order.getBrokerCount() == null ? 0 : order.getBrokerCount(),
                    Boolean.TRUE.equals(order.getAutoCreateTopics()), flavor.orElse(null))));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    static void checkName(String name, List<FieldProblem> problems) {
        if (name != null && !DNS_LABEL.matcher(name).matches()) {
            problems.add(new FieldProblem("name",
                    "must be a DNS label: lower-case letters, digits and hyphens, starting with a letter, at most 63"));
        }
    }

    private static void checkSize(InstanceCreateDto order, Flavor f, List<FieldProblem> problems) {
        Integer brokers = order.getBrokerCount();
        if (brokers != null && (brokers < f.minBrokers() || brokers > f.maxBrokers())) {
            problems.add(new FieldProblem("brokerCount",
                    "must be between " + f.minBrokers() + " and " + f.maxBrokers() + " for " + f.id()));
        }
        Integer storage = order.getStorageGb();
        if (storage != null && (storage < f.minStorageGb() || storage > f.maxStorageGb())) {
            problems.add(new FieldProblem("storageGb",
                    "must be between " + f.minStorageGb() + " and " + f.maxStorageGb() + " GB per broker for " + f.id()));
        }
    }

    private void checkZones(InstanceCreateDto order, List<FieldProblem> problems) {
        List<String> zones = order.getAvailabilityZones();
        if (zones == null || zones.isEmpty()) {
            problems.add(new FieldProblem("availabilityZones", "choose one zone, or three or more"));
            return;
        }
        if (zones.size() == 2) {
            problems.add(new FieldProblem("availabilityZones",
                    "choose one zone, or three or more: with two, losing one zone loses the KRaft majority"));
        }
        if (new HashSet<>(zones).size() != zones.size()) {
            problems.add(new FieldProblem("availabilityZones", "lists a zone twice"));
        }
        for (String zone : zones) {
            if (!provisioning.availabilityZones().contains(zone)) {
                problems.add(new FieldProblem("availabilityZones",
                        "unknown zone '" + zone + "'; known: " + provisioning.availabilityZones()));
            }
        }
        if (order.getBrokerCount() != null && zones.size() > order.getBrokerCount()) {
            problems.add(new FieldProblem("availabilityZones", "more zones than brokers"));
        }
    }

    private static void checkSecurity(SecuritySpecDto security, List<FieldProblem> problems) {
        if (security == null || security.getProtocol() == SecurityProtocolDto.PLAINTEXT) {
            if (security != null && (security.getSaslMechanisms() != null && !security.getSaslMechanisms().isEmpty() || security.getAdminUsername() != null
                    || security.getAdminPassword() != null)) {
                problems.add(new FieldProblem("security", "PLAINTEXT takes no SASL mechanisms, admin user or password"));
            }
            return;
        }
        if (security.getSaslMechanisms() == null || security.getSaslMechanisms().isEmpty()) {
            problems.add(new FieldProblem("security.saslMechanisms", "choose PLAIN and/or SCRAM-SHA-512 for SASL"));
        }
        if (security.getAdminUsername() == null || !USERNAME.matcher(security.getAdminUsername()).matches()) {
            problems.add(new FieldProblem("security.adminUsername",
                    "is required with SASL: 3 to 64 letters, digits, '.', '_' or '-', starting with a letter"));
        } else if (io.tributary.provisioning.kafkauser.KafkaUser.isReserved(security.getAdminUsername())) {
            problems.add(new FieldProblem("security.adminUsername", "names starting with 'tributary-' are reserved"));
        }
        String password = security.getAdminPassword();
        if (password == null || password.length() < 8) {
            problems.add(new FieldProblem("security.adminPassword", "is required with SASL: at least 8 characters"));
        } else if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            problems.add(new FieldProblem("security.adminPassword", "must contain letters and digits"));
        }
    }

    private static void checkBilling(BillingSpecDto billing, List<FieldProblem> problems) {
        if (billing == null) {
            return;
        }
        if (billing.getMode() == BillingModeDto.PREPAID && billing.getPeriodMonths() == null) {
            problems.add(new FieldProblem("billing.periodMonths", "is required for PREPAID"));
        }
        if (billing.getMode() == BillingModeDto.PAY_PER_USE
                && (billing.getPeriodMonths() != null || Boolean.TRUE.equals(billing.getAutoRenew()))) {
            problems.add(new FieldProblem("billing", "periodMonths and autoRenew apply to PREPAID only"));
        }
    }

    static void checkTags(Map<String, String> tags, List<FieldProblem> problems) {
        if (tags == null) {
            return;
        }
        for (String key : tags.keySet()) {
            if (!TAG_KEY.matcher(key).matches()) {
                problems.add(new FieldProblem("tags." + key, "tag keys are 1 to 128 letters, digits or _.:/=+-@"));
            }
        }
    }
}
