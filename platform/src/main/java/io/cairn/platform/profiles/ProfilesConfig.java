package io.cairn.platform.profiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code profiles:} section of the configuration: how long identity graphs stay in memory. */
public class ProfilesConfig {
  /** How long an identity graph nobody uses stays in memory before it is evicted (the catalog keeps it). */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration graphIdle = Duration.minutes(IdentityGraphs.DEFAULT_IDLE.toMinutes());

  /** How many identity graphs stay in memory at most; the least recently used is evicted first. */
  @JsonProperty
  @Min(1)
  private int graphsInMemory = IdentityGraphs.DEFAULT_MAX_OPEN;

  public java.time.Duration graphIdle() {
    return java.time.Duration.ofMillis(graphIdle.toMilliseconds());
  }

  public int graphsInMemory() {
    return graphsInMemory;
  }
}
