package io.cairn.platform.plugins;

import java.util.Set;

/** {@link PluginUsers} for a server without a flow runtime: no flow uses any plugin. */
public final class NoPluginUsers implements PluginUsers {
  @Override
  public Set<String> stopFlowsUsing(String pluginId) {
    return Set.of();
  }

  @Override
  public void restartFlows(Set<String> flowIds) {
    // no flows to restart
  }

  @Override
  public Set<String> runningFlowsUsing(String pluginId) {
    return Set.of();
  }
}
