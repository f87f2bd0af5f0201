package io.cairn.governance.consent;

import com.iabtcf.decoder.TCString;
import com.iabtcf.utils.IntIterable;
import java.util.List;
import java.util.regex.Pattern;

/** Decodes TCF v2 TC strings with the IAB's {@code iabtcf-decoder}; every field is read at once. */
public final class TcfDecoder {
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_\\-.]+");
  private static final int MAX_LENGTH = 100_000;

  private TcfDecoder() {}

  /**
   * @throws IllegalArgumentException saying why the string is not a TCF v2 TC string
   */
  public static TcfConsent decode(String tcString) {
    if (tcString == null || tcString.isBlank()) {
      throw new IllegalArgumentException("malformed TC string: it is empty");
    }
    String s = tcString.trim();
    if (s.length() > MAX_LENGTH || !BASE64URL.matcher(s).matches()) {
      throw new IllegalArgumentException("malformed TC string: it must be base64url segments separated by '.'");
    }
    try {
      TCString tc = TCString.decode(s);
      if (tc.getVersion() != 2) {
        throw new IllegalArgumentException("malformed TC string: version " + tc.getVersion()
            + " is not supported (TCF v2 only)");
      }
      return new TcfConsent(tc.getCmpId(), tc.getCmpVersion(), tc.getTcfPolicyVersion(), tc.getCreated(),
          list(tc.getPurposesConsent()), list(tc.getPurposesLITransparency()), list(tc.getVendorConsent()),
          list(tc.getVendorLegitimateInterest()));
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("malformed TC string") ? e
          : new IllegalArgumentException("malformed TC string: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // the decoder reads lazily and fails with its own exceptions (ByteParseException, ...) on truncated input
      throw new IllegalArgumentException("malformed TC string: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }

  private static List<Integer> list(IntIterable ints) {
    return ints.toStream().sorted().boxed().toList();
  }
}
