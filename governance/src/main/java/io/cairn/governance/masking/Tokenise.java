package io.cairn.governance.masking;

import io.cairn.spi.data.ColumnType;
import java.util.Set;

/** Replaces values by tokens from a {@link TokenVault}: reversible only through the vault. */
record Tokenise(TokenVault vault, String domain) implements MaskFunction {
  Tokenise {
    if (vault == null) {
      throw new IllegalArgumentException("tokenisation needs a token vault, and none is configured here");
    }
    if (domain == null || !domain.matches("[a-z0-9_]{1,32}")) {
      throw new IllegalArgumentException("token:<domain> needs a domain of 1-32 lower-case letters, digits or _");
    }
  }

  @Override
  public Object apply(Object value, String subjectId) {
    return value == null ? null : vault.tokenise(domain, value.toString());
  }

  @Override
  public ColumnType outputType(ColumnType input) {
    BasicMasks.requireType(spec(), input, Set.of(ColumnType.STRING, ColumnType.LONG, ColumnType.DECIMAL), null);
    return ColumnType.STRING;
  }

  @Override
  public String spec() {
    return "token:" + domain;
  }

  @Override
  public boolean pseudonymises() {
    return true;
  }
}
