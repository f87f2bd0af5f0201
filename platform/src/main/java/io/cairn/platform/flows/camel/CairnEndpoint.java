package io.cairn.platform.flows.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A {@code cairn:<role>:<name>} endpoint. Every query parameter is passed to the connector or step as its
 * configuration (validated at creation); secret values never appear in {@link #getEndpointUri()} logs.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cairn", title = "Cairn", syntax = "cairn:role:name",
    category = {org.apache.camel.Category.CORE}, lenientProperties = true)
public final class CairnEndpoint extends DefaultEndpoint {
  /** source, step or sink. */
  @UriPath(description = "source, step or sink")
  private final Role role;

  /** The connector or step name, as its plugin declares it. */
  @UriPath(description = "The connector or step name, e.g. file, jdbc")
  private final String name;

  /** The connector's declared configuration; see GET /api/v1/extensions. */
  @UriParam(description = "Connector configuration properties, as declared by the plugin")
  private final Map<String, String> config;

  private final Set<String> secrets;
  /** See {@link #key()}; made once, as the sinks and steps ask for it with every batch. */
  private final String key;

  CairnEndpoint(String uri, CairnComponent component, Role role, String name, Map<String, String> config,
      Set<String> secrets) {
    super(uri, component);
    this.role = role;
    this.name = name;
    this.config = Map.copyOf(config);
    this.secrets = Set.copyOf(secrets);
    this.key = key(role, name, this.config, this.secrets);
  }

  @Override
  public CairnComponent getComponent() {
    return (CairnComponent) super.getComponent();
  }

  @Override
  public boolean isLenientProperties() {
    return true;
  }

  @Override
  public Producer createProducer() {
    if (role == Role.SOURCE) {
      throw new IllegalArgumentException("cairn:source:" + name + " can only start a route (from:), not be sent to");
    }
    return new CairnProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (role != Role.SOURCE) {
      throw new IllegalArgumentException("cairn:" + role.id + ":" + name + " cannot start a route; use a source");
    }
    CairnSourceConsumer consumer = new CairnSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  Role role() {
    return role;
  }

  /** {@code source}, {@code step} or {@code sink}. */
  public String kind() {
    return role.id;
  }

  /** The connector or step name. */
  public String connectorName() {
    return name;
  }

  String name() {
    return name;
  }

  Map<String, String> config() {
    return config;
  }

  /** A stable key for this endpoint's configuration (secrets excluded), used for offsets and tasks. */
  String key() {
    return key;
  }

  private static String key(Role role, String name, Map<String, String> config, Set<String> secrets) {
    StringBuilder sb = new StringBuilder(role.id).append(':').append(name);
    new TreeMap<>(config).forEach((k, v) -> {
      if (!secrets.contains(k)) {
        sb.append('|').append(k).append('=').append(v);
      }
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return role.id + ":" + name + ":" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
