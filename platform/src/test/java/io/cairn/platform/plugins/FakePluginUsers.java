package io.cairn.platform.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A flow runtime stand-in: flows "run" per plugin until the plugin service stops them; calls are recorded. */
final class FakePluginUsers implements PluginUsers {
  private final Map<String, Set<String>> running = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  synchronized void run(String pluginId, String flowId) {
    running.computeIfAbsent(pluginId, k -> new LinkedHashSet<>()).add(flowId);
  }

  @Override
  public synchronized Set<String> stopFlowsUsing(String pluginId) {
    Set<String> stopped = running.getOrDefault(pluginId, Set.of());
    running.remove(pluginId);
    calls.add("stop " + pluginId + " " + stopped);
    return Set.copyOf(stopped);
  }

  @Override
  public synchronized void restartFlows(Set<String> flowIds) {
    calls.add("restart " + flowIds);
  }

  @Override
  public synchronized Set<String> runningFlowsUsing(String pluginId) {
    return Set.copyOf(running.getOrDefault(pluginId, Set.of()));
  }
}
