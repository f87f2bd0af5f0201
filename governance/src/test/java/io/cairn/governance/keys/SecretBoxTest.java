package io.cairn.governance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  final SecretBox box = new SecretBox(ManagedKey.of("secrets", new byte[32]));

  @Test
  void sealsWithAFreshNonceAndOpensBack() {
    String a = box.seal("hunter2-password");
    String b = box.seal("hunter2-password");
    assertThat(a).startsWith(SecretBox.PREFIX).doesNotContain("hunter2").isNotEqualTo(b);
    assertThat(box.open(a)).isEqualTo("hunter2-password");
    assertThat(box.open(b)).isEqualTo("hunter2-password");
    assertThat(box.seal(a)).as("sealing twice keeps the sealed value").isEqualTo(a);
    assertThat(box.open("plain")).as("plain values pass").isEqualTo("plain");
    assertThat(box.open(box.seal(""))).isEmpty();
  }

  @Test
  void aChangedValueOrAnotherKeyIsDetectedWithoutShowingTheSecret() {
    String sealed = box.seal("hunter2-password");
    // flip one bit of each byte in turn (nonce, ciphertext, tag), not a base64 character: the last character
    // also carries unused padding bits, so changing it may leave the bytes as they were
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
    for (int i = 0; i < bytes.length; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x01;
      String changed = SecretBox.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
      assertThatThrownBy(() -> box.open(changed)).as("byte %d flipped", i)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was changed").hasMessageNotContaining("hunter2");
    }
    SecretBox other = new SecretBox(ManagedKey.of("secrets", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15, 16}));
    assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("another secrets key");
    assertThatThrownBy(() -> box.open(SecretBox.PREFIX + "AAAA")).hasMessageContaining("too short");
  }

  @Test
  void aGeneratedKeyFileSurvivesRestarts(@TempDir Path dir) throws Exception {
    String sealed = new SecretBox(ManagedKey.load("secrets", "", dir)).seal("api-key-123");
    assertThat(Files.exists(dir.resolve("secrets.key"))).isTrue();
    assertThat(new SecretBox(ManagedKey.load("secrets", null, dir)).open(sealed)).isEqualTo("api-key-123");
  }
}
