/**
 * Keys that governance manages: the masking key (HMAC hashing, token vault encryption, date shifts) and the
 * audit key (signed checkpoints). A key comes from configuration or the environment, or is generated once and
 * kept in a file only its owner may read. Keys are never logged, printed or returned.
 */
package io.cairn.governance.keys;
