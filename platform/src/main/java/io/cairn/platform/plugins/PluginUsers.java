package io.cairn.platform.plugins;

import java.util.Set;

/**
 * Implemented by the flow runtime so the plugin manager can swap a plugin under running flows: the flows
 * that use it are stopped before it is unloaded and restarted once its new version (if any) is started.
 * Flows that use other plugins keep running.
 */
public interface PluginUsers {
  /** Stops the running flows that use the plugin; returns the ids of the flows stopped. */
  Set<String> stopFlowsUsing(String pluginId);

  /** Starts the given flows again (after an upgrade); failures are reported on the flows, not thrown. */
  void restartFlows(Set<String> flowIds);

  /** The ids of the flows currently running that use the plugin. */
  Set<String> runningFlowsUsing(String pluginId);
}
