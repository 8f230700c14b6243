package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of api/openapi.yaml, driven from the spec so a new endpoint is covered without
 * editing this test: no key → 401; a caller outside the project → 404 naming the project; a
 * viewer → 403 on every change but cancelling its own message search; a non-admin → 403 on the admin API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends ControlPlaneTest {

    /** Mutating operations a viewer may call (ProjectAccessInterceptor.VIEWER_CHANGES). */
    static final java.util.Set<String> VIEWER_CHANGES = java.util.Set.of("cancelMessageSearch");

    record Operation(String method, String path, String operationId) {
        boolean inProject() {
            return path.startsWith("/api/v1/projects/{project}");
        }

        boolean mutating() {
            return !method.equals("GET");
        }

        String url(UUID project) {
            return path.replace("{project}", project.toString()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private List<Operation> operations;
    private UUID project;
    private String viewer;
    private String outsider;

    @BeforeAll
    void setUp() throws IOException {
        operations = readSpec();
        client();
        project = defaultProject();
        viewer = member(project, "viewer");
        String operator = member(project, "operator");
        outsider = member(newProject(ADMIN_TOKEN), "owner");
        assertThat(operator).isNotNull();
    }

    @TestFactory
    Stream<DynamicTest> noKeyIsUnauthorized() {
        return operations.stream().map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
            ApiClient.Response r = api.send(op.method(), op.url(project), null, op.mutating() ? "{}" : null, "application/json");
            assertThat(r.status()).as(op.toString()).isEqualTo(401);
            assertThat(r.text("code")).isEqualTo("UNAUTHENTICATED");
        }));
    }

    @TestFactory
    Stream<DynamicTest> outsidersDoNotSeeTheProject() {
        return operations.stream().filter(Operation::inProject).map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
            ApiClient.Response r = api.send(op.method(), op.url(project), outsider, op.mutating() ? "{}" : null,
                    "application/json");
            assertThat(r.status()).as(op.toString()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("detail")).contains("project " + project);
        }));
    }

    @TestFactory
    Stream<DynamicTest> viewersCannotChangeAnything() {
        return operations.stream().filter(Operation::inProject).filter(Operation::mutating)
                .filter(op -> !VIEWER_CHANGES.contains(op.operationId()))
                .map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
                    ApiClient.Response r = api.send(op.method(), op.url(project), viewer, "{}", "application/json");
                    assertThat(r.status()).as(op.toString()).isEqualTo(403);
                    assertThat(r.text("code")).isEqualTo("FORBIDDEN");
                }));
    }

    @TestFactory
    Stream<DynamicTest> viewersCanRead() {
        return operations.stream().filter(Operation::inProject).filter(op -> !op.mutating())
                .map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
                    ApiClient.Response r = api.send(op.method(), op.url(project), viewer, null, null);
                    assertThat(r.status()).as(op.toString()).isNotIn(401, 403).isLessThan(500);
                    if (r.status() == 404) {
                        assertThat(r.text("detail")).as("a missing resource, not the project").doesNotContain("project " + project);
                    }
                }));
    }

    /** A viewer may stop a message search it started; one it did not start does not exist for it. */
    @TestFactory
    Stream<DynamicTest> viewersMayCancelTheirOwnSearchesOnly() {
        return operations.stream().filter(op -> VIEWER_CHANGES.contains(op.operationId()))
                .map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
                    ApiClient.Response r = api.send(op.method(), op.url(project), viewer, null, null);
                    assertThat(r.status()).as(op.toString()).isEqualTo(404);
                    assertThat(r.text("code")).isEqualTo("NOT_FOUND");
                    assertThat(r.text("detail")).as("a missing resource, not the project").doesNotContain("project " + project);
                }));
    }

    @TestFactory
    Stream<DynamicTest> onlyPlatformAdminsUseTheAdminApi() {
        return operations.stream().filter(op -> op.path().startsWith("/api/v1/admin/"))
                .map(op -> DynamicTest.dynamicTest(op.operationId(), () -> {
                    ApiClient.Response r = api.send(op.method(), op.url(project), viewer, op.mutating() ? "{}" : null,
                            "application/json");
                    assertThat(r.status()).as(op.toString()).isEqualTo(403);
                }));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> readSpec() throws IOException {
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/contract/openapi.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            List<Operation> ops = new ArrayList<>();
            ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.forEach((method, body) -> {
                if (body instanceof Map<?, ?> m && m.containsKey("operationId")) {
                    ops.add(new Operation(method.toUpperCase(), path, (String) m.get("operationId")));
                }
            }));
            assertThat(ops).hasSizeGreaterThan(20);
            return ops;
        }
    }
}
