/**
 * Access policy with Apache Ranger's policy engine embedded in-process, in push mode: Cairn owns the policies
 * (in its catalog) and pushes them to the engine; no Ranger Admin, no background thread, no network. The
 * service-def {@code cairn} names Cairn's resources (namespace &gt; dataset &gt; column; flow; plugin) and access
 * types (read, write, preview, export, deploy, admin); tag-based policies match the classification tags of
 * columns (e.g. {@code PII}). {@link io.cairn.governance.policy.PolicyEngine} answers access, mask and
 * row-filter questions; {@link io.cairn.governance.policy.PolicyValidator} refuses what would fail open.
 */
package io.cairn.governance.policy;
