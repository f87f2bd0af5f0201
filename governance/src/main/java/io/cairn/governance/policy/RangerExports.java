package io.cairn.governance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranger Admin's policy export format ({@code exportJson}: {@code metaDataInfo} and {@code policies}) in and
 * out. On import, policies of a tag service ({@code serviceType} {@code tag}) go to {@code cairn-tags}, the
 * others to {@code cairn}; ids and audit fields are dropped; each policy is validated like any other, and
 * one refused policy does not stop the others.
 */
public final class RangerExports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DROPPED = Set.of("id", "guid", "version", "createTime", "updateTime",
      "createdBy", "updatedBy", "serviceType", "zoneName", "resourceSignature");

  private final PolicyService policies;

  public RangerExports(PolicyService policies) {
    this.policies = policies;
  }

  /**
   * What an import did.
   *
   * @param created names of the policies created
   * @param skipped names already present (left unchanged)
   * @param refused names with the reasons they were refused
   */
  public record ImportResult(List<String> created, List<String> skipped, Map<String, List<String>> refused) {}

  /** Imports the policies of a Ranger Admin export. */
  public ImportResult importJson(String export, String by) {
    JsonNode doc;
    try {
      doc = JSON.readTree(export);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Ranger policy export: the body is not JSON");
    }
    if (doc == null || !doc.path("policies").isArray()) {
      throw new IllegalArgumentException("not a Ranger policy export: it has no \"policies\" array");
    }
    Set<String> existing = new java.util.HashSet<>();
    policies.all().forEach(p -> existing.add(p.getService() + "/" + p.getName()));
    List<String> created = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, List<String>> refused = new LinkedHashMap<>();
    for (JsonNode node : doc.get("policies")) {
      ObjectNode p = node.deepCopy();
      boolean tag = "tag".equals(p.path("serviceType").asText()) || p.has("resources") && p.get("resources").has("tag");
      DROPPED.forEach(p::remove);
      p.put("service", tag ? PolicyEngine.TAG_SERVICE_NAME : PolicyEngine.SERVICE_NAME);
      String name = p.path("name").asText("(no name)");
      if (existing.contains(p.get("service").asText() + "/" + name)) {
        skipped.add(name);
        continue;
      }
      try {
        policies.create(p.toString(), by);
        created.add(name);
      } catch (PolicyService.RejectedPolicyException e) {
        refused.put(name, e.problems());
      } catch (IllegalArgumentException e) {
        refused.put(name, List.of(e.getMessage()));
      }
    }
    return new ImportResult(created, skipped, refused);
  }

  /** Every policy in Ranger Admin's export format. */
  public String exportJson(String by) {
    try {
      ObjectNode doc = JSON.createObjectNode();
      ObjectNode meta = doc.putObject("metaDataInfo");
      meta.put("Exported by", by);
      meta.put("Export time", Instant.now().toString());
      meta.put("Ranger apache version", "2.9.0 (embedded in Cairn)");
      ArrayNode list = doc.putArray("policies");
      for (var p : policies.all()) {
        ObjectNode n = (ObjectNode) JSON.readTree(PolicyService.write(p));
        n.put("serviceType", PolicyEngine.TAG_SERVICE_NAME.equals(p.getService()) ? "tag" : PolicyEngine.SERVICE_TYPE);
        list.add(n);
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the policy export", e);
    }
  }
}
