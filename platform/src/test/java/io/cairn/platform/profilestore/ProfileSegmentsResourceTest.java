package io.cairn.platform.profilestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.config.RedisConfig;
import org.junit.jupiter.api.Test;

/** The lookup's failure answers: no store configured, Redis down, a bad id, a bad URL. */
class ProfileSegmentsResourceTest {
  private static RedisConfig config(String yaml) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readValue(yaml, RedisConfig.class);
  }

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (ApiException e) {
      return e.getResponse().getStatus();
    }
  }

  @Test
  void withoutAStoreTheLookupIsNotFound() {
    assertThat(status(() -> new ProfileSegmentsResource(null).segments("1"))).isEqualTo(404);
  }

  @Test
  void aStoreThatDoesNotAnswerIsUnavailableAndABadIdIsRefused() throws Exception {
    ProfileStore down = new ProfileStore(config("url: redis://127.0.0.1:1"));
    try {
      ProfileSegmentsResource resource = new ProfileSegmentsResource(down);
      assertThat(status(() -> resource.segments("1"))).isEqualTo(503);
      assertThat(status(() -> resource.segments("x".repeat(513)))).isEqualTo(400);
      assertThat(down.address()).isEqualTo("127.0.0.1:1");
    } finally {
      down.stop();
    }
  }

  @Test
  void aUrlThatIsNotRedisIsRefused() throws Exception {
    RedisConfig http = config("url: http://127.0.0.1:6379");
    assertThat(http.configured()).isTrue();
    assertThatThrownBy(() -> new ProfileStore(http)).hasMessageContaining("redis.url must be redis://");
    assertThat(config("keyPrefix: p").configured()).isFalse();
  }
}
