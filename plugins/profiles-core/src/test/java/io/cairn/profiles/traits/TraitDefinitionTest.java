package io.cairn.profiles.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraitDefinitionTest {
  static String retail() throws IOException {
    try (InputStream in = TraitDefinition.class.getResourceAsStream("retail-rfm.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedRetailDefinitionParses() throws IOException {
    TraitDefinition d = TraitDefinition.parse(retail());
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.name()).isEqualTo("retail-rfm");
    assertThat(d.traits()).extracting(TraitDefinition.TraitSpec::name)
        .startsWith("recency_days", "tenure_days", "frequency", "monetary");
    assertThat(d.rfm().segments()).extracting(TraitDefinition.NamedRule::name)
        .contains("champions", "loyal", "at_risk", "hibernating");
    assertThat(d.lifecycle()).extracting(TraitDefinition.NamedRule::name)
        .containsExactly("new", "active", "dormant", "churned");
  }

  @Test
  void everyProblemIsListed() {
    String yaml = """
        version: 0
        name: broken
        traits:
          - {name: spend, aggregate: total, of: amount}
          - {name: avg, aggregate: avg}
          - {name: Bad-Name, aggregate: count}
          - {name: r, aggregate: count}
        rfm: {recency: recency_days, frequency: spend, monetary: spend, segments: [{name: x, when: "r >="}]}
        """;
    assertThatThrownBy(() -> TraitDefinition.parse(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid trait definition 'broken' version 0: version must be 1 or more")
        .hasMessageContaining("trait 'spend': unknown aggregate 'total' (known: count, sum, avg")
        .hasMessageContaining("trait 'avg': aggregate avg needs a field ('of')")
        .hasMessageContaining("trait name 'Bad-Name' must be lower-case")
        .hasMessageContaining("trait 'r' is declared twice or is reserved")
        .hasMessageContaining("rfm refers to 'recency_days', which is not a declared trait")
        .hasMessageContaining("rfm segment 'x': expression 'r >=' does not parse");
  }

  @Test
  void unknownKeysAndBrokenYamlAreRefused() {
    assertThatThrownBy(() -> TraitDefinition.parse("version: 1\nname: x\ntraitz: []\n"))
        .hasMessageStartingWith("trait definition is not valid: ")
        .hasMessageContaining("Unrecognized field \"traitz\"");
    assertThatThrownBy(() -> TraitDefinition.parse("version: 1\ntraits:\n  - {name: a\n"))
        .hasMessageStartingWith("trait definition is not valid: while parsing a flow mapping")
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> TraitDefinition.parse("")).hasMessage("trait definition is empty");
  }
}
