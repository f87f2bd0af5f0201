/**
 * Erasure and access requests in the catalog: the requests and their steps (the proof), erasure tombstones
 * (keyed hashes only), each dataset's subject column and erasure policy, and the namespaces erasure reaches.
 * Holds no raw identifier of a person; callers hash and mask before they call.
 */
package io.cairn.catalog.erasure;
