/**
 * The access-policy benchmark of issue 4: rows per second of the governed batch path (Ranger decisions, row
 * filter, masks and their audit) with policies on and off, with 10 and 2,000 policies, and the cost of an audit
 * append beside the per-batch appends it replaced.
 */
package io.cairn.bench.policy;
