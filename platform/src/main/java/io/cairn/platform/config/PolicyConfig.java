package io.cairn.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Keys and settings of masking and audit. A blank key means: generate one at first start and keep it under
 * {@code <home>/keys} (owner-readable only). Keys are base64 of at least 16 bytes; they are never logged.
 */
public class PolicyConfig {
  /** The masking key (HMAC hashing, token vault encryption, date shifts), base64; env CAIRN_MASKING_KEY. */
  @JsonProperty
  private String maskingKey = "";

  /** The audit key that signs the chain's checkpoints, base64; env CAIRN_AUDIT_KEY. */
  @JsonProperty
  private String auditKey = "";

  /**
   * The key that encrypts connector secrets in stored flow definitions (AES-256-GCM), base64; env
   * CAIRN_SECRETS_KEY; empty: a key generated in the home's {@code keys/secrets.key}.
   */
  @JsonProperty
  private String secretsKey = "";

  /** Sign a checkpoint after every this many audit entries. */
  @JsonProperty
  @Min(1)
  @Max(1_000_000)
  private int checkpointEvery = 100;

  public String maskingKey() {
    return maskingKey;
  }

  public String auditKey() {
    return auditKey;
  }

  public String secretsKey() {
    return secretsKey;
  }

  public int checkpointEvery() {
    return checkpointEvery;
  }

  @Override
  public String toString() {
    return "PolicyConfig[checkpointEvery=" + checkpointEvery + ", keys hidden]";
  }
}
