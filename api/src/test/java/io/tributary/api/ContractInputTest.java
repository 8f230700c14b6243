package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests are read as the contract types them: a boolean is not a string, null is not "absent". Each of these was accepted before (found by the contract fuzzer's negative_data_rejection).
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
}
