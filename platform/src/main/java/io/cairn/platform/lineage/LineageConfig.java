package io.cairn.platform.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code lineage:} section of the configuration. */
public class LineageConfig {
  /** The OpenLineage namespace of Cairn's jobs (each flow is a job named by its id). */
  @JsonProperty
  @NotBlank
  private String jobNamespace = "cairn";

  /** How often a run in progress that read or wrote something emits a RUNNING event. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration runningInterval = Duration.seconds(30);

  /** Where else Cairn's own events go (none by default). */
  @JsonProperty
  @jakarta.validation.Valid
  @NotNull
  private LineageTransportConfig transport = new LineageTransportConfig();

  public LineageTransportConfig transport() {
    return transport;
  }

  public String jobNamespace() {
    return jobNamespace;
  }

  public java.time.Duration runningInterval() {
    return java.time.Duration.ofMillis(runningInterval.toMilliseconds());
  }
}
