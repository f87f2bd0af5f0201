/**
 * Test support for connector modules: a recording {@link io.cairn.connector.testkit.FakeTaskContext} and
 * {@link io.cairn.connector.testkit.PluginZip}, which loads a built plugin zip through PF4J the way the host
 * does, {@link io.cairn.connector.testkit.StartedTasks}, which starts tasks as the host does and stops them
 * all, and {@link io.cairn.connector.testkit.LiveService}, the machine's brokers and stores, started when they
 * do not answer. Used with test scope only.
 */
package io.cairn.connector.testkit;
