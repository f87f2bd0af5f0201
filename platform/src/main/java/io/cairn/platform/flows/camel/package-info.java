/**
 * The {@code cairn:} Camel component through which routes reach plugin connectors and steps:
 * {@code cairn:source:<name>} (consumer), {@code cairn:step:<name>} and {@code cairn:sink:<name>}
 * (producers). Query parameters are the connector's declared configuration, validated at deploy.
 */
package io.cairn.platform.flows.camel;
