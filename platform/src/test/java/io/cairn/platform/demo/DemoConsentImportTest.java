package io.cairn.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.governance.consent.ConsentCsvImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConsentImportTest {
  @TempDir Path dir;

  @Test
  void theGeneratedConsentRowsBecomeImportRowsKeyedByCustomerId() throws Exception {
    Path csv = Files.writeString(dir.resolve("consents.csv"), """
        customer_id,purpose,status,lawful_basis,source,updated_ts
        C000001,analytics,granted,consent,form,2025-04-01T21:16:15Z
        C000001,advertising,denied,,gpc,2025-04-02T08:00:00Z
        "C00,2",profiling,yes,legitimate_interest,api,2025-05-01T00:00:00Z
        """);
    String[] lines = DemoSetup.importCsv(csv).split("\r\n");

    assertThat(lines[0].split(",")).containsExactly("identifier_type", "identifier", "purpose", "status",
        "lawful_basis", "source", "at");
    assertThat(ConsentCsvImport.HEADER).containsAll(Arrays.asList(lines[0].split(",")));
    assertThat(Arrays.copyOfRange(lines, 1, lines.length)).containsExactly(
        "customer_id,C000001,analytics,granted,consent,form,2025-04-01T21:16:15Z",
        "customer_id,C000001,advertising,denied,,gpc,2025-04-02T08:00:00Z",
        "customer_id,\"C00,2\",profiling,yes,legitimate_interest,api,2025-05-01T00:00:00Z");
  }
}
