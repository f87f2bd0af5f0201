package io.cairn.platform.plugins;

import com.codahale.metrics.health.HealthCheck;

/**
 * The {@code plugins} health check: healthy with the counts, unhealthy when a plugin recorded as enabled
 * could not be started (at start, or when enabled again).
 */
public final class PluginsHealthCheck extends HealthCheck {
  private final PluginService plugins;

  public PluginsHealthCheck(PluginService plugins) {
    this.plugins = plugins;
  }

  @Override
  protected Result check() {
    PluginService.Health h = plugins.health();
    String counts = h.installed() + " installed: " + h.enabled() + " enabled, " + h.disabled() + " disabled, "
        + h.failed() + " failed";
    if (!h.problems().isEmpty()) {
      return Result.unhealthy(counts + "; " + String.join("; ", h.problems()));
    }
    return Result.healthy(counts);
  }
}
