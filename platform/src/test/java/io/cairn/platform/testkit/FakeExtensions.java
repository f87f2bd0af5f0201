package io.cairn.platform.testkit;

import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An extension registry holding the test fakes, as if contributed by a plugin named {@code test-plugin}. */
public final class FakeExtensions implements ExtensionRegistry {
  public final MemorySink.Store store = new MemorySink.Store();
  private final Map<String, Object> byKey = new ConcurrentHashMap<>();

  public FakeExtensions() {
    byKey.put("source:counting", new CountingSource());
    byKey.put("sink:memory", new MemorySink(store));
    byKey.put("step:upper", new UpperStep());
  }

  @Override
  public Optional<SourceConnector> source(String name) {
    return Optional.ofNullable((SourceConnector) byKey.get("source:" + name));
  }

  @Override
  public Optional<SinkConnector> sink(String name) {
    return Optional.ofNullable((SinkConnector) byKey.get("sink:" + name));
  }

  @Override
  public Optional<StepFactory> step(String name) {
    return Optional.ofNullable((StepFactory) byKey.get("step:" + name));
  }

  @Override
  public Optional<String> pluginOf(String kind, String name) {
    return byKey.containsKey(kind + ":" + name) ? Optional.of("test-plugin") : Optional.empty();
  }
}
