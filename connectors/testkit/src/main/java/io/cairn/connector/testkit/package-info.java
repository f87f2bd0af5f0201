/**
 * Test support for connector modules: a recording {@link io.cairn.connector.testkit.FakeTaskContext} and
 * {@link io.cairn.connector.testkit.PluginZip}, which loads a built plugin zip through PF4J the way the host
 * does. Used with test scope only.
 */
package io.cairn.connector.testkit;
