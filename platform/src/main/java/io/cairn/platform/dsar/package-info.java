/**
 * Erasure and access requests over REST ({@code /api/v1/dsar}, compliance and admins): requests run on a small
 * executor, their status and steps are read back, access bundles are downloaded; datasets' erasure policies
 * are set here too. The work itself is {@link io.cairn.governance.erasure.ErasureService}'s.
 */
package io.cairn.platform.dsar;
