package io.cairn.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The server configuration. Every value can come from the environment through {@code ${VAR:-default}}. */
public class CairnConfiguration extends Configuration {
  @JsonProperty
  @NotNull
  private String home = "cairn-home";

  @JsonProperty
  private String nodeName = "";

  @JsonProperty
  @Valid
  @NotNull
  private CatalogConfig catalog = new CatalogConfig();

  @JsonProperty
  @Valid
  @NotNull
  private RedisConfig redis = new RedisConfig();

  @JsonProperty
  @Valid
  @NotNull
  private KafkaConfig kafka = new KafkaConfig();

  /** Folder of plugin zips installed at first start (the bundled connectors); may be empty. */
  @JsonProperty
  private String bundledPlugins = "";

  @JsonProperty
  @Min(1)
  @Max(100_000)
  private int batchSize = 1000;

  @JsonProperty
  @Valid
  @NotNull
  private PolicyConfig policy = new PolicyConfig();

  /** Password for the first admin when the catalog has no user; generated and printed when empty. */
  @JsonProperty
  private String bootstrapAdminPassword = "";

  public Path home() {
    return Path.of(home).toAbsolutePath().normalize();
  }

  public void setHome(String home) {
    this.home = home;
  }

  public String nodeName() {
    if (nodeName != null && !nodeName.isBlank()) {
      return nodeName;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "cairn";
    }
  }

  public CatalogConfig catalog() {
    return catalog;
  }

  /** The Redis profile store; not configured unless it has a URL. */
  public RedisConfig redis() {
    return redis;
  }

  /** The embedded Kafka broker, off unless {@code embedded: true}. */
  public KafkaConfig kafka() {
    return kafka;
  }

  public String bundledPlugins() {
    return bundledPlugins;
  }

  public int batchSize() {
    return batchSize;
  }

  public PolicyConfig policy() {
    return policy;
  }

  public String bootstrapAdminPassword() {
    return bootstrapAdminPassword;
  }

  /** Sets the first admin's password unless the configuration gave one (used by the demo). */
  public void useBootstrapAdminPasswordIfUnset(String password) {
    if (bootstrapAdminPassword == null || bootstrapAdminPassword.isBlank()) {
      bootstrapAdminPassword = password;
    }
  }

  /** Lineage: the job namespace and how often runs in progress emit RUNNING events. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.lineage.LineageConfig lineage = new io.cairn.platform.lineage.LineageConfig();

  public io.cairn.platform.lineage.LineageConfig lineage() {
    return lineage;
  }

  /** Erasure and access requests: the erasure key and the connections erasure may change. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.dsar.ErasureConfig erasure = new io.cairn.platform.dsar.ErasureConfig();

  public io.cairn.platform.dsar.ErasureConfig erasure() {
    return erasure;
  }

  /** Consent: purposes, unknown-subject defaults, how often the gate reads other nodes' changes, TCF mapping. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.consent.ConsentConfig consent = new io.cairn.platform.consent.ConsentConfig();

  public io.cairn.platform.consent.ConsentConfig consent() {
    return consent;
  }

  /** The Segment-compatible event collector: write-ahead log, Kafka topic, limits, CORS. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.collector.CollectorConfig collector = new io.cairn.platform.collector.CollectorConfig();

  public io.cairn.platform.collector.CollectorConfig collector() {
    return collector;
  }

  /** Data quality: alert thresholds and their webhooks. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.quality.QualityConfig quality = new io.cairn.platform.quality.QualityConfig();

  public io.cairn.platform.quality.QualityConfig quality() {
    return quality;
  }

  /** Profiles: how long identity graphs stay in memory and how many at most. */
  @JsonProperty
  @Valid
  @NotNull
  private io.cairn.platform.profiles.ProfilesConfig profiles = new io.cairn.platform.profiles.ProfilesConfig();

  public io.cairn.platform.profiles.ProfilesConfig profiles() {
    return profiles;
  }

  /** The port of the first application connector (0 when not an HTTP connector). */
  public int applicationPort() {
    if (getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory f
        && !f.getApplicationConnectors().isEmpty()
        && f.getApplicationConnectors().get(0) instanceof io.dropwizard.jetty.HttpConnectorFactory h) {
      return h.getPort();
    }
    return 0;
  }
}
