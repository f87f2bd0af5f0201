/**
 * Classes of test plugins. Tests jar them at test time into the {@code lib/} of plugin zips (see
 * {@code io.cairn.platform.plugins.PluginZips}); they reference only the SPI and the JDK, like real plugins.
 * The host's test class path also has them, which is what the class loading tests rely on: the plugin must
 * get its own copy.
 */
package io.cairn.testplugins;
