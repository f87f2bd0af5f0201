package io.cairn.governance.policy;

import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.ranger.authorization.hadoop.config.RangerPluginConfig;
import org.apache.ranger.plugin.contextenricher.RangerTagForEval;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.model.RangerServiceDef;
import org.apache.ranger.plugin.model.RangerTag;
import org.apache.ranger.plugin.policyengine.RangerAccessRequestImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResourceImpl;
import org.apache.ranger.plugin.policyengine.RangerAccessResult;
import org.apache.ranger.plugin.policyresourcematcher.RangerPolicyResourceMatcher;
import org.apache.ranger.plugin.service.RangerBasePlugin;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.apache.ranger.plugin.util.RangerAccessRequestUtil;
import org.apache.ranger.plugin.util.ServicePolicies;

/**
 * Ranger's policy engine for the {@code cairn} service, embedded in push mode (see
 * {@code shared/notes/ranger-embedding.md}): no Ranger Admin, no refresher thread, no audit destinations, no
 * cache files. Tags are given with each request (the columns' classification tags travel with the batch
 * schema), so tag-based policies follow the data. Thread-safe: decisions run concurrently; {@link #update}
 * swaps the whole engine (a few ms for hundreds of policies).
 */
public final class PolicyEngine {
  public static final String SERVICE_TYPE = "cairn";
  public static final String SERVICE_NAME = "cairn";
  /** The service name of tag-based policies. */
  public static final String TAG_SERVICE_NAME = "cairn-tags";
  static final String TAG_PREFIX = SERVICE_TYPE + ":";

  private final RangerServiceDef serviceDef = serviceDef("cairn-servicedef.json");
  private final RangerServiceDef tagServiceDef = serviceDef("tag-servicedef.json");
  private final RangerBasePlugin plugin;
  private long version;

  /** An engine with the given policies (resource policies of service {@code cairn}, tag policies of {@code cairn-tags}). */
  public PolicyEngine(List<RangerPolicy> policies) {
    plugin = new RangerBasePlugin(new RangerPluginConfig(SERVICE_TYPE, SERVICE_NAME, "cairn", config()),
        servicePolicies(policies), null, null);
  }

  /** The service-def of Cairn's resources, as a Ranger Admin would hold it (a fresh copy). */
  public RangerServiceDef serviceDef() {
    return serviceDef("cairn-servicedef.json");
  }

  /**
   * The tag service-def, as a Ranger Admin would hold it (a fresh copy: the engine normalises its own, stripping
   * the {@code cairn:} prefix of access types).
   */
  public RangerServiceDef tagServiceDef() {
    return serviceDef("tag-servicedef.json");
  }

  /** Replaces every policy. */
  public synchronized void update(List<RangerPolicy> policies) {
    plugin.setPolicies(servicePolicies(policies));
  }

  /** Whether the subject may access the resource; {@code tags} are the resource's classification tags. */
  public Decisions.Access access(Subject who, CairnResource resource, String accessType, Set<String> tags) {
    RangerAccessResult r = plugin.isAccessAllowed(request(who, resource, accessType, tags), null);
    if (r == null || !r.getIsAccessDetermined() || !r.getIsAllowed() && r.getPolicyId() < 0) {
      return new Decisions.Access(false, -1, "no policy allows " + accessType + " on " + resource + " for "
          + who.user());
    }
    return new Decisions.Access(r.getIsAllowed(), r.getPolicyId(), r.getIsAllowed() ? "allowed by policy "
        + r.getPolicyId() : "denied by policy " + r.getPolicyId());
  }

  /** The mask for reading a column, or empty when none applies (or the mask is {@code MASK_NONE}). */
  public Optional<Decisions.Mask> mask(Subject who, DatasetRef dataset, String column, Set<String> tags) {
    RangerAccessResult r = plugin.evalDataMaskPolicies(
        request(who, CairnResource.column(dataset, column), "read", tags), null);
    if (r == null || !r.isMaskEnabled()) {
      return Optional.empty();
    }
    String type = r.getMaskType().startsWith(TAG_PREFIX) ? r.getMaskType().substring(TAG_PREFIX.length())
        : r.getMaskType();
    return "MASK_NONE".equals(type) ? Optional.empty()
        : Optional.of(new Decisions.Mask(type, r.getMaskedValue(), r.getPolicyId()));
  }

  /** The row filter for reading a dataset, or empty when none applies. */
  public Optional<Decisions.RowFilter> rowFilter(Subject who, DatasetRef dataset) {
    RangerAccessResult r = plugin.evalRowFilterPolicies(
        request(who, CairnResource.dataset(dataset), "read", Set.of()), null);
    if (r == null || !r.isRowFilterEnabled()) {
      return Optional.empty();
    }
    return Optional.of(new Decisions.RowFilter(r.getFilterExpr(), r.getPolicyId()));
  }

  private RangerAccessRequestImpl request(Subject who, CairnResource resource, String accessType, Set<String> tags) {
    RangerAccessResourceImpl res = new RangerAccessResourceImpl();
    resource.elements().forEach(res::setValue);
    res.setServiceDef(serviceDef);
    RangerAccessRequestImpl req = new RangerAccessRequestImpl(res, accessType, who.user(), who.groups(), null);
    req.setAccessTime(new Date());
    req.setAction(accessType);
    Map<String, Object> context = new HashMap<>();
    if (!tags.isEmpty()) {
      Set<RangerTagForEval> forEval = new HashSet<>();
      for (String t : tags) {
        forEval.add(new RangerTagForEval(new RangerTag(t, Map.of()), RangerPolicyResourceMatcher.MatchType.SELF));
      }
      RangerAccessRequestUtil.setRequestTagsInContext(context, forEval);
    }
    req.setContext(context);
    return req;
  }

  private synchronized ServicePolicies servicePolicies(List<RangerPolicy> policies) {
    List<RangerPolicy> resource = new ArrayList<>();
    List<RangerPolicy> tag = new ArrayList<>();
    for (RangerPolicy p : policies) {
      (TAG_SERVICE_NAME.equals(p.getService()) ? tag : resource).add(p);
    }
    ServicePolicies sp = new ServicePolicies();
    sp.setServiceName(SERVICE_NAME);
    sp.setServiceDef(serviceDef);
    sp.setPolicies(resource);
    sp.setPolicyVersion(++version);
    ServicePolicies.TagPolicies tp = new ServicePolicies.TagPolicies();
    tp.setServiceName(TAG_SERVICE_NAME);
    tp.setServiceDef(tagServiceDef);
    tp.setPolicies(tag);
    tp.setPolicyVersion(version);
    sp.setTagPolicies(tp);
    return sp;
  }

  private static Properties config() {
    String p = "ranger.plugin." + SERVICE_TYPE + ".";
    Properties props = new Properties();
    props.setProperty(p + "service.name", SERVICE_NAME);
    props.setProperty(p + "policyengine.option.disable.policy.refresher", "true");
    props.setProperty(p + "policyengine.option.disable.tag.retriever", "true");
    props.setProperty(p + "policyengine.option.disable.userstore.retriever", "true");
    props.setProperty(p + "enable.implicit.userstore.enricher", "false");
    props.setProperty("xasecure.audit.is.enabled", "false");
    return props;
  }

  static RangerServiceDef serviceDef(String name) {
    try (InputStream in = PolicyEngine.class.getResourceAsStream(name)) {
      return JsonUtilsV2.jsonToObj(new String(in.readAllBytes(), StandardCharsets.UTF_8), RangerServiceDef.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service-def " + name, e);
    }
  }
}
