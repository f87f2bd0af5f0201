/**
 * The server under measurement: the built platform jar started as a child process on a temporary
 * {@code CAIRN_HOME}, and a small client of its REST API.
 */
package io.cairn.bench.server;
