package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests are read as the contract types them: a boolean is not a string, null is not "absent", an empty value
 * is not a UUID. Each of these was accepted before (found by the contract fuzzer's negative_data_rejection).
 */
class ContractInputTest extends ControlPlaneTest {

    @Test
    void aBooleanIsNotAString() {
        ApiClient.Response r = api.post("/api/v1/projects", ADMIN_TOKEN, "{\"name\": false}");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("name");
    }

    @Test
    void aNumberIsNotAStringNorAStringANumber() {
        assertThat(api.post("/api/v1/projects", ADMIN_TOKEN, "{\"name\": 12}").status()).isEqualTo(400);
        ApiClient.Response r = api.post("/api/v1/projects/" + defaultProject() + "/instances", ADMIN_TOKEN,
                "{\"name\": \"x\", \"flavor\": \"kafka.2u4g\", \"brokerCount\": \"3\", \"availabilityZones\": [\"az1\"],"
                        + " \"storageGb\": 100}");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsString("field")).contains("brokerCount");
    }

    @Test
    void nullIsRefusedWhereTheContractDoesNotAllowIt() {
        ApiClient.Response r = api.post("/api/v1/projects", ADMIN_TOKEN, "{\"name\": \"nulls\", \"description\": null}");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsString("field")).containsExactly("description");
    }

    @Test
    void anEmptyValueIsNotAUuid() {
        ApiClient.Response r = api.get("/api/v1/projects/" + defaultProject() + "/operations?instanceId=", ADMIN_TOKEN);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/projects/" + defaultProject() + "/operations", ADMIN_TOKEN).status()).isEqualTo(200);
    }

    /** Checked before the instance is looked up, so no instance is needed to see it. */
    @Test
    void headerValuesAreStringsOfAtMost10000Characters() {
        String messages = "/api/v1/projects/" + defaultProject() + "/instances/" + java.util.UUID.randomUUID()
                + "/topics/t/messages";
        ApiClient.Response nullValue = api.post(messages, ADMIN_TOKEN, "{\"value\": \"v\", \"headers\": {\"h\": null}}");
        assertThat(nullValue.status()).as(nullValue.raw()).isEqualTo(400);
        assertThat(nullValue.json().path("errors").findValuesAsString("field")).containsExactly("headers.h");
        ApiClient.Response tooLong = api.post(messages, ADMIN_TOKEN,
                "{\"value\": \"v\", \"headers\": {\"h\": \"" + "x".repeat(10_001) + "\"}}");
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(api.post(messages, ADMIN_TOKEN, "{\"value\": \"v\", \"headers\": {\"h\": \"ok\"}}").status())
                .isEqualTo(404);
    }
}
