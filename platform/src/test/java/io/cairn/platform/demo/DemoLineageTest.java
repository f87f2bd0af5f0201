package io.cairn.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's graph is connected: the file a generate flow writes (its sink's dataset, the file, since the
 * file name is fixed; see the file connector's FileSinkTest) is the file the load flow reads (its source's
 * dataset).
 */
class DemoLineageTest {
  private static final Pattern PARAM = Pattern.compile("(path|fileName): \"([^\"]+)\"");

  @Test
  void theGeneratedCsvIsTheFileTheLoadFlowReads() {
    Path data = Path.of("/var/cairn/demo-data");
    assertThat(written(DemoRoutes.generate("customers", 10, 1, 10, data, "csv")))
        .isEqualTo(read(DemoRoutes.customers(data, "jdbc:h2:mem:x")));
    assertThat(written(DemoRoutes.generate("orders", 10, 1, 10, data, "csv")))
        .isEqualTo(read(DemoRoutes.orders(data, "jdbc:h2:mem:x")));
  }

  private static Path written(String route) {
    Matcher m = PARAM.matcher(route);
    String folder = null;
    String file = null;
    while (m.find()) {
      if (m.group(1).equals("path")) {
        folder = m.group(2);
      } else {
        file = m.group(2);
      }
    }
    assertThat(file).as("the generate flow names its file").isNotNull();
    return Path.of(folder).resolve(file);
  }

  private static Path read(String route) {
    Matcher m = PARAM.matcher(route);
    assertThat(m.find()).isTrue();
    return Path.of(m.group(2));
  }
}
