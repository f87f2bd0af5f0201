/** End-to-end tests on real servers (in process and as child processes) with the bundled plugins. */
package io.cairn.platform.e2e;
