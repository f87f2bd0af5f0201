package io.cairn.platform.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code quality:} section of the configuration: alert thresholds on the quality figures of runs.
 *
 * <pre>
 * quality:
 *   alerts:
 *     - {metric: validity, below: 0.95, webhook: "https://hooks.example.com/quality"}
 *     - {metric: completeness, below: 0.99, flowId: crm-contacts, webhook: "https://..."}
 *   alertRetries: 3
 *   alertRetryDelay: 2s
 * </pre>
 */
public class QualityConfig {
  @JsonProperty
  @Valid
  @NotNull
  private List<Alert> alerts = new ArrayList<>();

  /** Further attempts after a webhook failed (non-2xx or no answer). */
  @JsonProperty
  @Min(0)
  @Max(10)
  private int alertRetries = 3;

  /** The wait before the first retry; doubled before each next one. */
  @JsonProperty
  @NotNull
  private Duration alertRetryDelay = Duration.seconds(2);

  public List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  public int alertRetries() {
    return alertRetries;
  }

  public java.time.Duration alertRetryDelay() {
    return java.time.Duration.ofMillis(alertRetryDelay.toMilliseconds());
  }

  /** One threshold: when a run's {@code metric} is below {@code below} (or above {@code above}), POST an alert. */
  public static class Alert {
    @JsonProperty
    @NotBlank
    private String metric;

    @JsonProperty
    private Double below;

    @JsonProperty
    private Double above;

    /** Only runs of this flow (every flow when unset). */
    @JsonProperty
    private String flowId;

    @JsonProperty
    @NotNull
    private URI webhook;

    public Alert() {}

    public Alert(String metric, Double below, Double above, String flowId, URI webhook) {
      this.metric = metric;
      this.below = below;
      this.above = above;
      this.flowId = flowId;
      this.webhook = webhook;
    }

    @AssertTrue(message = "an alert needs 'below' or 'above', and an http(s) 'webhook'")
    boolean isComplete() {
      return (below != null || above != null) && webhook != null
          && ("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()));
    }

    public String metric() {
      return metric;
    }

    public Double below() {
      return below;
    }

    public Double above() {
      return above;
    }

    public String flowId() {
      return flowId;
    }

    public URI webhook() {
      return webhook;
    }

    /** Whether the value crosses this threshold. */
    boolean crossedBy(double value) {
      return below != null && value < below || above != null && value > above;
    }
  }
}
