/**
 * Command-line commands that talk to a running Cairn server over its REST API ({@code cairn plugin ...}),
 * through the reusable {@link io.cairn.platform.cli.ApiClient}.
 */
package io.cairn.platform.cli;
