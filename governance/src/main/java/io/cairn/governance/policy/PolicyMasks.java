package io.cairn.governance.policy;

import io.cairn.governance.masking.MaskFunction;
import io.cairn.governance.masking.MaskSpecs;
import io.cairn.spi.data.ColumnType;
import java.util.Map;

/**
 * Turns Ranger mask types into Cairn mask functions: {@code MASK} redacts, {@code MASK_SHOW_LAST_4} and
 * {@code MASK_SHOW_FIRST_4} mask partially, {@code MASK_HASH} is HMAC-SHA-256 with the managed key,
 * {@code MASK_NULL} nullifies, {@code MASK_DATE_SHOW_YEAR} keeps the year, {@code CUSTOM} takes a Cairn mask
 * spec as its value expression. A mask that does not fit the column's type becomes null: a policy never
 * lets a value through because its mask could not apply.
 */
public final class PolicyMasks {
  private static final Map<String, String> SPECS = Map.of("MASK", "redact", "MASK_SHOW_LAST_4", "partial:0:4",
      "MASK_SHOW_FIRST_4", "partial:4:0", "MASK_HASH", "hmac", "MASK_NULL", "null", "MASK_DATE_SHOW_YEAR", "year");
  private final MaskSpecs specs;

  public PolicyMasks(MaskSpecs specs) {
    this.specs = specs;
  }

  /** The function for a mask decision on a column of the given type. */
  public MaskFunction of(Decisions.Mask mask, ColumnType type) {
    String spec = "CUSTOM".equals(mask.maskType()) ? mask.valueExpr() : SPECS.getOrDefault(mask.maskType(), "null");
    MaskFunction f;
    try {
      f = specs.parse(spec);
      f.outputType(type);
    } catch (IllegalArgumentException doesNotFit) {
      f = specs.parse("null");
    }
    return f;
  }
}
