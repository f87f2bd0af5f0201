/**
 * Consent on the server: the {@code /api/v1/consent} resource, the public {@code /.well-known/gpc.json}, the
 * {@code consent:} configuration section and the module that wires the consent service, its gate and hook.
 */
package io.cairn.platform.consent;
