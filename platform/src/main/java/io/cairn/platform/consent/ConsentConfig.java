package io.cairn.platform.consent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.TcfMapping;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The {@code consent:} section of the configuration. */
public class ConsentConfig {
  /** One configured purpose. */
  public static class PurposeConfig {
    @JsonProperty
    @NotBlank
    private String name;

    @JsonProperty
    private String description;

    /** {@code consent}, {@code legitimate_interest} or {@code contract}. */
    @JsonProperty
    @NotBlank
    private String defaultBasis = "consent";

    /** {@code deny} or {@code allow}; empty: deny for consent, allow for the other bases. */
    @JsonProperty
    @Pattern(regexp = "|deny|allow")
    private String unknownSubject = "";

    public PurposeConfig() {}

    PurposeConfig(String name, String description) {
      this.name = name;
      this.description = description;
    }

    PurposeEntry entry() {
      return new PurposeEntry(name, description, defaultBasis, unknownSubject);
    }
  }

  /**
   * The purposes seeded into the catalog at start when missing (purposes are never removed; add more with
   * {@code POST /api/v1/consent/purposes}). Defaults: the six of issue 5, all consent-based, unknown subjects
   * denied.
   */
  @JsonProperty
  @Valid
  @NotNull
  private List<PurposeConfig> purposes = new ArrayList<>(List.of(
      new PurposeConfig("analytics", "Measurement and statistics"),
      new PurposeConfig("personalisation", "Personalised content and offers"),
      new PurposeConfig("profiling", "Building profiles and segments"),
      new PurposeConfig("email_marketing", "Marketing e-mails"),
      new PurposeConfig("advertising", "Advertising and ad audiences"),
      new PurposeConfig("sale_share", "Sale or sharing of personal data (CCPA/CPRA)")));

  /** How often every node reads consent changes made by the others. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration refreshInterval = Duration.seconds(1);

  /** Cairn purpose to the TCF purposes (1-11) it needs; empty: {@link TcfMapping#DEFAULT}. */
  @JsonProperty
  @NotNull
  private Map<String, Set<Integer>> tcfMapping = new LinkedHashMap<>();

  /** The date {@code /.well-known/gpc.json} gives as {@code lastUpdate}. */
  @JsonProperty
  @NotNull
  private LocalDate gpcLastUpdate = LocalDate.of(2026, 11, 24);

  public List<PurposeEntry> purposes() {
    return purposes.stream().map(PurposeConfig::entry).toList();
  }

  public java.time.Duration refreshInterval() {
    return java.time.Duration.ofMillis(refreshInterval.toMilliseconds());
  }

  public TcfMapping tcfMapping() {
    return tcfMapping.isEmpty() ? TcfMapping.DEFAULT : new TcfMapping(tcfMapping);
  }

  public LocalDate gpcLastUpdate() {
    return gpcLastUpdate;
  }
}
