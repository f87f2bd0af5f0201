package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.identity.GraphSettings;
import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.Link;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity graphs leave memory when idle or beyond the bound and come back from the catalog (H2) on next use
 * with the same profile ids and links; a copy that was evicted refuses changes.
 */
class IdentityGraphsEvictionTest {
  private static final GraphSettings SHOP = new GraphSettings("shop", List.of("email", "phone"), null, "US");
  private static final GraphSettings CRM = new GraphSettings("crm", List.of("email"), null, "US");

  @TempDir Path dir;
  private IdentityGraphRepository repository;

  @BeforeEach
  void catalog() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createDirectories(dir.resolve("db"))));
    CatalogDatabase catalog = new CatalogDatabase(h2);
    catalog.migrate();
    repository = new IdentityGraphRepository(catalog);
  }

  @Test
  void anIdleGraphIsEvictedAndReloadsWithTheSameProfilesAndLinks() throws Exception {
    IdentityGraphs graphs = new IdentityGraphs(repository, Duration.ofMillis(100), 8);
    graphs.with(SHOP, g -> g.add(List.of(rec("r1", "ann@example.com", "415-555-0101"),
        rec("r2", "bob@example.com", null), rec("r3", "ANN@example.com", null))));
    PersistentGraph.Added second = graphs.with(SHOP, g -> g.add(List.of(rec("r4", null, "(415) 555-0101"),
        rec("r5", "bob@example.com", "415-555-0199"))));
    assertThat(second.profileIds().get("r4")).as("r4 joins Ann by phone").isNotEqualTo(second.profileIds().get("r5"));
    PersistentGraph before = graphs.with(SHOP, g -> g);
    Map<String, String> ids = before.profileIds();
    List<Link> links = before.links();
    assertThat(ids.get("r3")).isEqualTo(ids.get("r1")).isEqualTo(ids.get("r4"));
    assertThat(links).hasSize(3);
    assertThat(graphs.loaded()).isEqualTo(1);

    Thread.sleep(400);
    assertThat(graphs.loaded()).as("idle longer than 100 ms").isZero();
    assertThatThrownBy(() -> before.add(List.of(rec("r6", "dan@example.com", null))))
        .isInstanceOf(PersistentGraph.Evicted.class).hasMessageContaining("'shop' was evicted");

    PersistentGraph after = graphs.with(SHOP, g -> g);
    assertThat(after).as("reloaded from the catalog").isNotSameAs(before);
    assertThat(after.profileIds()).isEqualTo(ids);
    assertThat(after.links()).isEqualTo(links);
    PersistentGraph.Added late = graphs.with(SHOP, g -> g.add(List.of(rec("r7", "bob@example.com", null))));
    assertThat(late.profileIds().get("r7")).as("a reloaded graph keeps linking").isEqualTo(ids.get("r2"));

    Thread.sleep(400);
    String split = graphs.withExisting("shop", g -> g.split("r3", "stella"));
    assertThat(split).as("a steward's call reloads it too").isEqualTo(IdentityGraph.idOf("r3"));
    assertThatThrownBy(() -> graphs.withExisting("nope", PersistentGraph::profileIds))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no identity graph 'nope'");
  }

  @Test
  void noMoreGraphsThanTheBoundStayInMemoryAndEachStaysRight() {
    IdentityGraphs graphs = new IdentityGraphs(repository, Duration.ofHours(1), 1);
    Map<String, String> shop = new HashMap<>();
    Map<String, String> crm = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      String n = Integer.toString(i);
      shop.putAll(graphs.with(SHOP, g -> g.add(List.of(rec("s" + n, "ann@example.com", null)))).profileIds());
      crm.putAll(graphs.with(CRM, g -> g.add(List.of(rec("c" + n, "bob" + n + "@example.com", null)))).profileIds());
      assertThat(graphs.loaded()).isEqualTo(1);
    }
    assertThat(shop.values()).as("one profile across reloads").containsOnly(IdentityGraph.idOf("s0"));
    assertThat(crm.values()).doesNotHaveDuplicates().hasSize(3);
    assertThat(graphs.withExisting("shop", PersistentGraph::profileIds)).isEqualTo(shop);
    assertThat(graphs.withExisting("crm", PersistentGraph::profileIds)).isEqualTo(crm);
    assertThatThrownBy(() -> new IdentityGraphs(repository, Duration.ZERO, 1))
        .hasMessageContaining("positive idle time");
  }

  private static IdentityRecord rec(String id, String email, String phone) {
    Map<IdentifierType, String> ids = new HashMap<>();
    ids.put(IdentifierType.EMAIL, email);
    ids.put(IdentifierType.PHONE, phone);
    return new IdentityRecord(id, "crm", null, ids, Map.of());
  }
}
