package io.cairn.connector.redis;

/** The key layout of the profile view (see the package doc); the platform's lookup reads the same keys. */
record ProfileKeys(String prefix) {
  String profile(String id) {
    return prefix + "profile:" + id;
  }

  String segment(String name) {
    return prefix + "segment:" + name;
  }

  String profileSegments(String id) {
    return prefix + "profile_segments:" + id;
  }
}
