/**
 * The profiles REST API: identity resolution ({@code /api/v1/profiles}), rule segments
 * ({@code /api/v1/segments}) and the model registry with propensity training ({@code /api/v1/models}). The
 * resources call the profiles library ({@code io.cairn.profiles}) directly and keep no state of their own.
 */
package io.cairn.platform.profiles;
