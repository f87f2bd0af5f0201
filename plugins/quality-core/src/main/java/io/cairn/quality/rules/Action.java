package io.cairn.quality.rules;

/** What a rule does with a row or batch that breaks it. */
public enum Action {
  /** Fail the run. */
  FAIL,
  /** Take the row out of the flow and send it to the quarantine, with the rule and the offending value. */
  QUARANTINE,
  /** Let the row go on and report the violation. */
  WARN,
  /** Repair the value; a row the fix cannot repair is quarantined. */
  FIX
}
