package io.cairn.platform.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.testkit.FakeExtensions;
import org.junit.jupiter.api.Test;

class FlowSecretsTest {
  private final FlowSecrets secrets = new FlowSecrets(new FakeExtensions());

  private static final String ROUTE = """
      - route:
          from:
            uri: "cairn:source:counting?rows=5&token=tok-123"
            steps:
              - to:
                  uri: "cairn:sink:memory"
                  parameters:
                    table: people
                    password: pw-456
              - to: "http://api.example/x?apiKey=key-789&page=2"
      """;

  @Test
  void declaredAndWellKnownSecretsAreMaskedEverywhere() {
    String masked = secrets.mask(ROUTE);
    assertThat(masked).doesNotContain("tok-123").doesNotContain("pw-456").doesNotContain("key-789")
        .contains("token=******").contains("password: '******'")
        .contains("apiKey=******&page=2").contains("rows=5").contains("table: people");
    assertThat(secrets.mask("- route: [unclosed")).isEqualTo(FlowSecrets.MASK);
    assertThat(secrets.mask("- route:\n    from:\n      uri: timer:x\n")).contains("timer:x");
  }

  @Test
  void maskedValuesSentBackKeepTheStoredOnes() {
    String edited = secrets.mask(ROUTE).replace("rows=5", "rows=6");
    String restored = secrets.restore(edited, ROUTE);
    assertThat(restored).contains("tok-123").contains("pw-456").contains("key-789").contains("rows=6");
    assertThat(secrets.restore(edited.replace("token=******", "token=new-1"), ROUTE)).contains("token=new-1");
    assertThatThrownBy(() -> secrets.restore(edited, null)).hasMessageContaining("masked")
        .hasMessageContaining("send its value");
  }

  @Test
  void withABoxSecretsAreSealedForStorageAndOpenedToRun() {
    FlowSecrets sealing = new FlowSecrets(new FakeExtensions());
    assertThat(sealing.seal(ROUTE)).as("no box: unchanged").isEqualTo(ROUTE);
    sealing.encryptWith(new io.cairn.governance.keys.SecretBox(
        io.cairn.governance.keys.ManagedKey.of("secrets", new byte[32])));
    String sealed = sealing.seal(ROUTE);
    assertThat(sealed).doesNotContain("tok-123").doesNotContain("pw-456").doesNotContain("key-789")
        .contains("token=enc:v1:").contains("apiKey=enc:v1:").contains("rows=5").contains("table: people");
    assertThat(sealing.seal(sealed)).as("sealing twice changes nothing").isEqualTo(sealed);
    String opened = sealing.open(sealed);
    assertThat(opened).contains("tok-123").contains("pw-456").contains("key-789");
    assertThat(sealing.mask(sealed)).doesNotContain("enc:v1:").contains("token=******");
    String edited = sealing.mask(sealed).replace("rows=5", "rows=7");
    assertThat(sealing.open(sealing.restore(edited, sealed))).contains("pw-456").contains("rows=7");
  }
}
