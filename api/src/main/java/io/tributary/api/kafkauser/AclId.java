package io.tributary.api.kafkauser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * An ACL's id: its seven fields, each base64url, joined by dots. Kafka ACLs have no id of their own; this
 * one is stable, readable back into the binding, and safe in a URL path.
 */
final class AclId {

    private AclId() {
    }

    static String of(AclBinding b) {
        ResourcePattern r = b.pattern();
        AccessControlEntry e = b.entry();
        return String.join(".", enc(r.resourceType().name()), enc(r.patternType().name()), enc(r.name()),
                enc(e.principal()), enc(e.host()), enc(e.operation().name()), enc(e.permissionType().name()));
    }

    /** The binding an id names; empty when it is not an id of ours. */
    static Optional<AclBinding> parse(String id) {
        String[] f = id.split("\\.", -1);
        if (f.length != 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AclBinding(
                    new ResourcePattern(ResourceType.valueOf(dec(f[0])), dec(f[2]), PatternType.valueOf(dec(f[1]))),
                    new AccessControlEntry(dec(f[3]), dec(f[4]), AclOperation.valueOf(dec(f[5])),
                            AclPermissionType.valueOf(dec(f[6])))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String dec(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
