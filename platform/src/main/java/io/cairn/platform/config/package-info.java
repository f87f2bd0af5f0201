/** The server's YAML configuration, with environment overrides. */
package io.cairn.platform.config;
