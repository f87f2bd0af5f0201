package io.cairn.governance.policy;

import io.cairn.governance.masking.MaskSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;

/**
 * Checks a policy before it is saved: its service, resources and access types exist in Cairn's service-defs;
 * it has no conditions (without a JavaScript engine Ranger's script conditions evaluate to true: they would
 * fail open); row filters are in Cairn's filter language (no {@code ${{...}}} macros, which throw); custom masks
 * are Cairn mask specs.
 */
public final class PolicyValidator {
  private final RangerServiceDef serviceDef;
  private final RangerServiceDef tagServiceDef;
  private final MaskSpecs specs;

  /** @param specs parses CUSTOM mask expressions (no key needed to check them) */
  public PolicyValidator(PolicyEngine engine, MaskSpecs specs) {
    this.serviceDef = engine.serviceDef();
    this.tagServiceDef = engine.tagServiceDef();
    this.specs = specs;
  }

  /** The problems of a policy, each a sentence; empty when it may be saved. */
  public List<String> problems(RangerPolicy p) {
    List<String> out = new ArrayList<>();
    if (p.getName() == null || p.getName().isBlank()) {
      out.add("a policy needs a name");
    }
    boolean tag = PolicyEngine.TAG_SERVICE_NAME.equals(p.getService());
    if (!tag && !PolicyEngine.SERVICE_NAME.equals(p.getService())) {
      out.add("service must be '" + PolicyEngine.SERVICE_NAME + "' or '" + PolicyEngine.TAG_SERVICE_NAME + "', not '"
          + p.getService() + "'");
      return out;
    }
    RangerServiceDef def = tag ? tagServiceDef : serviceDef;
    Set<String> resources = def.getResources().stream().map(RangerServiceDef.RangerResourceDef::getName)
        .collect(Collectors.toSet());
    if (p.getResources() == null || p.getResources().isEmpty()) {
      out.add("a policy needs resources (" + resources + ")");
    } else {
      p.getResources().keySet().stream().filter(r -> !resources.contains(r))
          .forEach(r -> out.add("unknown resource '" + r + "'; use " + resources));
    }
    if (p.getConditions() != null && !p.getConditions().isEmpty()) {
      out.add("policy conditions are not supported (script conditions would evaluate to true without a JavaScript engine)");
    }
    Set<String> access = def.getAccessTypes().stream().map(RangerServiceDef.RangerAccessTypeDef::getName)
        .collect(Collectors.toSet());
    List<RangerPolicy.RangerPolicyItem> items = new ArrayList<>();
    addAll(items, p.getPolicyItems(), p.getDenyPolicyItems(), p.getAllowExceptions(), p.getDenyExceptions(),
        p.getDataMaskPolicyItems(), p.getRowFilterPolicyItems());
    for (RangerPolicy.RangerPolicyItem item : items) {
      if (item.getConditions() != null && !item.getConditions().isEmpty()) {
        out.add("conditions on policy items are not supported (script conditions would fail open)");
      }
      if (item.getAccesses() != null) {
        item.getAccesses().stream().map(RangerPolicy.RangerPolicyItemAccess::getType)
            .filter(a -> !access.contains(a)).forEach(a -> out.add("unknown access type '" + a + "'; use " + access));
      }
    }
    for (RangerPolicy.RangerDataMaskPolicyItem m : nonNull(p.getDataMaskPolicyItems())) {
      String type = m.getDataMaskInfo() == null ? null : m.getDataMaskInfo().getDataMaskType();
      if (type == null) {
        out.add("a data-mask item needs dataMaskInfo.dataMaskType");
      } else if (type.endsWith("CUSTOM")) {
        try {
          specs.parse(m.getDataMaskInfo().getValueExpr());
        } catch (IllegalArgumentException e) {
          out.add("custom mask: " + e.getMessage());
        }
      }
    }
    for (RangerPolicy.RangerRowFilterPolicyItem f : nonNull(p.getRowFilterPolicyItems())) {
      try {
        RowFilterExpression.parse(f.getRowFilterInfo() == null ? null : f.getRowFilterInfo().getFilterExpr());
      } catch (IllegalArgumentException e) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  @SafeVarargs
  private static void addAll(List<RangerPolicy.RangerPolicyItem> into,
      List<? extends RangerPolicy.RangerPolicyItem>... lists) {
    for (var l : lists) {
      into.addAll(nonNull(l));
    }
  }

  private static <T> List<T> nonNull(List<T> l) {
    return l == null ? List.of() : l;
  }

}
