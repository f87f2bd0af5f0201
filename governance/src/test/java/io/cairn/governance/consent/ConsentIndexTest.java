package io.cairn.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.ConsentGate.Verdict;
import io.cairn.spi.Purpose;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory gate's verdicts, normalisation and growth. */
class ConsentIndexTest {
  private static final Purpose ANALYTICS = Purpose.ANALYTICS;
  private static final Purpose EMAIL = Purpose.EMAIL_MARKETING;
  private static final Purpose CONTRACTUAL = new Purpose("fulfilment");

  private static ConsentIndex index() {
    ConsentIndex index = new ConsentIndex();
    index.purposes(List.of(new PurposeEntry("analytics", null, "consent", "deny"),
        new PurposeEntry("email_marketing", null, "consent", "deny"),
        new PurposeEntry("fulfilment", null, "contract", "allow")));
    return index;
  }

  @Test
  void verdictsFollowStateSuppressionAndErasure() {
    ConsentIndex index = index();
    index.identifier(Identifiers.key("Ann@Example.com"), 1);
    index.identifier(Identifiers.key("c-1"), 1);
    index.state(1, "analytics", ConsentStatus.GRANTED);
    index.state(1, "email_marketing", ConsentStatus.DENIED);

    assertThat(index.check(" ann@example.COM ", ANALYTICS)).as("e-mails compare normalised").isEqualTo(Verdict.ALLOW);
    assertThat(index.check("c-1", ANALYTICS)).as("any identifier reaches the subject").isEqualTo(Verdict.ALLOW);
    assertThat(index.check("C-1", ANALYTICS)).as("other identifiers keep their case").isEqualTo(Verdict.UNKNOWN_SUBJECT);
    assertThat(index.check("c-1", EMAIL)).isEqualTo(Verdict.NO_BASIS);
    assertThat(index.check("c-1", CONTRACTUAL)).as("contract needs no grant").isEqualTo(Verdict.ALLOW);
    assertThat(index.check("nobody", CONTRACTUAL)).as("unknown subjects allowed by the purpose").isEqualTo(Verdict.ALLOW);
    assertThat(index.check("nobody", ANALYTICS)).isEqualTo(Verdict.UNKNOWN_SUBJECT);
    assertThat(index.check("c-1", new Purpose("unconfigured"))).isEqualTo(Verdict.NO_BASIS);

    index.state(1, "analytics", ConsentStatus.WITHDRAWN);
    index.state(1, "fulfilment", ConsentStatus.DENIED);
    assertThat(index.check("c-1", ANALYTICS)).isEqualTo(Verdict.WITHDRAWN);
    assertThat(index.check("c-1", CONTRACTUAL)).as("an objection").isEqualTo(Verdict.WITHDRAWN);

    index.state(1, "analytics", ConsentStatus.GRANTED);
    index.suppress(1, "analytics", false);
    assertThat(index.check("c-1", ANALYTICS)).isEqualTo(Verdict.SUPPRESSED);
    assertThat(index.erased("c-1")).isFalse();

    index.suppress(1, null, true);
    assertThat(index.check("c-1", CONTRACTUAL)).isEqualTo(Verdict.ERASED);
    assertThat(index.erased("ann@example.com")).isTrue();
  }

  @Test
  void growsToManySubjectsAndKeepsEveryOne() {
    ConsentIndex index = index();
    int n = 200_000;
    for (int s = 1; s <= n; s++) {
      index.identifier(Identifiers.key("customer-" + s), s);
      index.state(s, "analytics", s % 2 == 0 ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN);
    }
    assertThat(index.identifiers()).isEqualTo(n);
    for (int s = 1; s <= n; s++) {
      assertThat(index.check("customer-" + s, ANALYTICS)).isEqualTo(s % 2 == 0 ? Verdict.ALLOW : Verdict.WITHDRAWN);
    }
    assertThat(index.check("customer-" + (n + 1), ANALYTICS)).isEqualTo(Verdict.UNKNOWN_SUBJECT);
  }

  @Test
  void checkingABatchAnswersLikeCheckingEachRow() {
    ConsentIndex index = index();
    for (int s = 1; s <= 5_000; s++) {
      index.identifier(Identifiers.key("c-" + s), s);
      index.state(s, "analytics", ConsentStatus.values()[s % 3]);
      if (s % 7 == 0) {
        index.suppress(s, s % 14 == 0 ? null : "analytics", s % 49 == 0);
      }
    }
    String[] ids = new String[6_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i % 500 == 0 ? null : "c-" + (i + 1);
    }
    Verdict[] out = new Verdict[ids.length];
    index.checkAll(ids, ANALYTICS, out);
    for (int i = 0; i < ids.length; i++) {
      assertThat(out[i]).as(ids[i]).isEqualTo(ids[i] == null ? null : index.check(ids[i], ANALYTICS));
    }
    assertThat(out).contains(Verdict.ALLOW, Verdict.NO_BASIS, Verdict.WITHDRAWN, Verdict.SUPPRESSED, Verdict.ERASED,
        Verdict.UNKNOWN_SUBJECT);
  }

  @Test
  void theFastKeyEqualsTheKeyOfTheNormalisedValue() {
    for (String raw : List.of("  A@B.C ", "Ä@x.de", "id-42", " ID-42", "x\u0130@y.z")) {
      assertThat(Identifiers.key(raw)).as(raw).isEqualTo(Identifiers.key(Identifiers.normalise(raw)));
    }
    assertThat(Identifiers.hash(" A@B.C")).isEqualTo(Identifiers.hash("a@b.c")).hasSize(64);
  }
}
