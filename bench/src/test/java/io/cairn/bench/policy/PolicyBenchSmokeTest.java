package io.cairn.bench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the policy benchmark at toy size and checks that every figure is printed. Asserts nothing about speed. */
class PolicyBenchSmokeTest {
  private static final String NUMBER = "-?[0-9][0-9,.]*";

  @Test
  void printsEveryFigureAndTheSameRowsForTheSamePolicies() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PolicyBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3000);
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .containsPattern("policies off \\(no hook\\) +" + NUMBER + " +3,000 +\\(baseline\\)")
        .containsPattern("10 policies, allow only +" + NUMBER + " +3,000 +" + NUMBER)
        .containsPattern("2,000 policies, allow only +" + NUMBER + " +3,000 +" + NUMBER)
        .containsPattern("audit append \\(H2 catalog\\): " + NUMBER + " us each");
    String tenMasked = report.replaceAll("(?s).*10 policies, row filter \\+ 2 masks +" + NUMBER + " +(" + NUMBER
        + ").*", "$1");
    String manyMasked = report.replaceAll("(?s).*2,000 policies, row filter \\+ 2 masks +" + NUMBER + " +(" + NUMBER
        + ").*", "$1");
    assertThat(tenMasked).as("the row filter drops some rows").isNotEqualTo("3,000").isEqualTo(manyMasked);
  }
}
