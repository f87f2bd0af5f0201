/**
 * The flow runtime: one CamelContext; a flow is a Camel route (YAML DSL, validated against the DSL's
 * JSON schema before loading) run as governed runs with counts, quarantine and committed source offsets.
 */
package io.cairn.platform.flows;
