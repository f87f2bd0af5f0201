package io.cairn.catalog;

/** The states of a flow run. */
public enum RunState {
  RUNNING,
  SUCCEEDED,
  FAILED,
  STOPPED;

  public boolean terminal() {
    return this != RUNNING;
  }
}
