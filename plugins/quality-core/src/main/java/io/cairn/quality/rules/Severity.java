package io.cairn.quality.rules;

/** How serious a broken rule is; reported with every violation. */
public enum Severity {
  INFO,
  WARNING,
  ERROR
}
