/**
 * The catalog of the HTTP collector (migrations V40-V44): the write keys Segment-compatible clients send, kept as
 * SHA-256 hashes. Generating and hashing keys happens in the platform; these repositories store and fetch.
 */
package io.cairn.catalog.collector;
