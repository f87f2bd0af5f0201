/**
 * Governance woven into every flow by the runtime. The platform calls one {@link
 * io.cairn.governance.GovernanceHook} at every read, step and write of every route (plain Camel routes
 * included); a route cannot opt out. This package knows nothing of Camel or Dropwizard.
 */
package io.cairn.governance;
