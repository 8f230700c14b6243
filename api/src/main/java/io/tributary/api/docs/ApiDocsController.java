package io.tributary.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract itself (the OpenAPI file the code is generated from) for clients and Swagger UI. */
@RestController
class ApiDocsController {

    private final String spec;

    ApiDocsController() throws IOException {
        try (InputStream in = new ClassPathResource("contract/openapi.yaml").getInputStream()) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = {"/v3/api-docs", "/v3/api-docs.yaml", "/openapi.yaml"})
    ResponseEntity<String> spec() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(spec);
    }
}
