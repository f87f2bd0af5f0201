/**
 * The Dropwizard application: {@link io.cairn.platform.CairnApplication#run} is the one composition root;
 * everything else is wired there with plain constructors.
 */
package io.cairn.platform;
