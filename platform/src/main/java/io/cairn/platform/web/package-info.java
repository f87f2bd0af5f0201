/** The web UI: its assets are served under {@code /ui}; {@code /} leads there. */
package io.cairn.platform.web;
