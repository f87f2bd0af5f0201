package io.cairn.testplugins;

import org.pf4j.Plugin;

/** A plugin whose start fails, like one whose database is unreachable. */
public final class FailingPlugin extends Plugin {
  @Override
  public void start() {
    throw new IllegalStateException("cannot reach the fixture database");
  }
}
