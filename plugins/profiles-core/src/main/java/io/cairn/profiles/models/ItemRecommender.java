package io.cairn.profiles.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-item collaborative filtering on implicit feedback (who bought or viewed what): the cosine similarity of
 * two items is how many profiles have both over the geometric mean of how many have each; a profile's
 * candidates are scored by the sum of their similarities to its items. Immutable and thread-safe once built;
 * {@link #toBytes} and {@link #fromBytes} keep it in the model registry.
 */
public final class ItemRecommender {
  private static final String MAGIC = "cairn-item-item/1";

  private final Map<String, Map<String, Double>> similar;
  private final List<String> byPopularity;

  private ItemRecommender(Map<String, Map<String, Double>> similar, List<String> byPopularity) {
    this.similar = similar;
    this.byPopularity = byPopularity;
  }

  /** Learns item similarities from the items of every profile. */
  public static ItemRecommender train(Map<String, Set<String>> itemsByProfile) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Map<String, Integer>> together = new HashMap<>();
    for (Set<String> items : itemsByProfile.values()) {
      for (String a : items) {
        counts.merge(a, 1, Integer::sum);
        Map<String, Integer> row = together.computeIfAbsent(a, k -> new HashMap<>());
        for (String b : items) {
          if (!a.equals(b)) {
            row.merge(b, 1, Integer::sum);
          }
        }
      }
    }
    Map<String, Map<String, Double>> similar = new HashMap<>();
    together.forEach((a, row) -> {
      Map<String, Double> s = new HashMap<>();
      row.forEach((b, n) -> s.put(b, n / Math.sqrt((double) counts.get(a) * counts.get(b))));
      similar.put(a, s);
    });
    List<String> popular = new ArrayList<>(counts.keySet());
    popular.sort(Comparator.comparing((String i) -> -counts.get(i)).thenComparing(i -> i));
    return new ItemRecommender(similar, List.copyOf(popular));
  }

  /** The top {@code n} items for a profile that has {@code items}, best first (ties by item name). */
  public List<String> recommend(Set<String> items, int n) {
    Map<String, Double> scores = new HashMap<>();
    for (String i : items) {
      similar.getOrDefault(i, Map.of()).forEach((j, s) -> {
        if (!items.contains(j)) {
          scores.merge(j, s, Double::sum);
        }
      });
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).toList();
  }

  /** The baseline: the {@code n} most popular items the profile does not have. */
  public List<String> popular(Set<String> items, int n) {
    return byPopularity.stream().filter(i -> !items.contains(i)).limit(n).toList();
  }

  /** How many items the model knows. */
  public int items() {
    return byPopularity.size();
  }

  /** The model as bytes: the items by popularity, then each item's similar items and similarities. */
  public byte[] toBytes() {
    try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeInt(byPopularity.size());
      for (String item : byPopularity) {
        out.writeUTF(item);
      }
      out.writeInt(similar.size());
      for (Map.Entry<String, Map<String, Double>> e : similar.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (Map.Entry<String, Double> s : e.getValue().entrySet()) {
          out.writeUTF(s.getKey());
          out.writeDouble(s.getValue());
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads a model written by {@link #toBytes}.
   *
   * @throws IllegalArgumentException when the bytes are not such a model
   */
  public static ItemRecommender fromBytes(byte[] data) {
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(data))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException("not a Cairn item-item recommender");
      }
      int n = in.readInt();
      List<String> popular = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        popular.add(in.readUTF());
      }
      int m = in.readInt();
      Map<String, Map<String, Double>> similar = new HashMap<>();
      for (int i = 0; i < m; i++) {
        String item = in.readUTF();
        int k = in.readInt();
        Map<String, Double> row = new HashMap<>();
        for (int j = 0; j < k; j++) {
          row.put(in.readUTF(), in.readDouble());
        }
        similar.put(item, row);
      }
      return new ItemRecommender(similar, List.copyOf(popular));
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a readable item-item recommender: " + e.getMessage(), e);
    }
  }

  /**
   * Precision at k over held-out items: the share of the top-k recommendations that are among each profile's
   * held-out items, averaged over the profiles with held-out items.
   *
   * @param recommend the recommendations for a profile's known items
   */
  public static double precisionAtK(Map<String, Set<String>> known, Map<String, Set<String>> heldOut, int k,
      java.util.function.BiFunction<Set<String>, Integer, List<String>> recommend) {
    double sum = 0;
    int profiles = 0;
    for (Map.Entry<String, Set<String>> e : heldOut.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<String> top = recommend.apply(known.getOrDefault(e.getKey(), Set.of()), k);
      sum += top.stream().filter(e.getValue()::contains).count() / (double) k;
      profiles++;
    }
    if (profiles == 0) {
      throw new IllegalArgumentException("precision at k needs profiles with held-out items");
    }
    return sum / profiles;
  }
}
