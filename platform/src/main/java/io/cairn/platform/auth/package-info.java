/**
 * Authentication (HTTP Basic and bearer API tokens, both against the catalog) and role-based
 * authorisation. Passwords are hashed with Argon2id (Password4j); tokens are stored as SHA-256 hashes.
 */
package io.cairn.platform.auth;
