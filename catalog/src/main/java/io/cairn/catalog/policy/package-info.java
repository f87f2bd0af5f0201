/**
 * The catalog of policy and audit (migrations V20-V29): the audit chain with its head and signed checkpoints,
 * and the token vault. These repositories store and fetch; hashing, signing and encryption happen in {@code
 * governance}, which owns the keys.
 */
package io.cairn.catalog.policy;
