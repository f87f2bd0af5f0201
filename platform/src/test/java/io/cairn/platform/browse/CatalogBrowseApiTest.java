package io.cairn.platform.browse;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import jakarta.ws.rs.client.Entity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marquez's column lineage, catalog search, dataset pages and audited tag overrides on a real server, over
 * lineage posted through the ingest API: extract reads pg://db crm.customers (email tagged PII, owned by
 * team:crm) and writes s3://lake customers (twice, the second time with another schema); report reads it and
 * writes s3://lake report.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CatalogBrowseApiTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome());
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  static final String STEWARD = basic("steward", "steward-password");
  static final String VIEWER = basic("viewer", "viewer-password");
  static final String COMPLIANCE = basic("compliance", "compliance-password");
  private static final OpenLineage OL = new OpenLineage(URI.create("https://example.org/spark"));

  @BeforeAll
  static void usersAndLineage() {
    for (String role : List.of("steward", "viewer", "compliance")) {
      assertThat(post(APP, "/api/v1/users", ADMIN,
          Map.of("username", role, "password", role + "-password", "roles", List.of(role))).status()).isEqualTo(201);
    }
    OpenLineage.DatasetFacets crm = OL.newDatasetFacetsBuilder()
        .schema(schema("id", "BIGINT", "email", "STRING"))
        .tags(OL.newTagsDatasetFacet(List.of(OL.newTagsDatasetFacetFields("PII", "true", "CAIRN", "email"))))
        .ownership(OL.newOwnershipDatasetFacet(List.of(OL.newOwnershipDatasetFacetOwners("team:crm", "OWNER"))))
        .build();
    ingest("extract", "pg://db", "crm.customers", crm, "s3://lake", "customers", OL.newDatasetFacetsBuilder()
        .schema(schema("id", "BIGINT", "email_hash", "STRING"))
        .columnLineage(lineage(Map.of("id", input("pg://db", "crm.customers", "id", "IDENTITY", false),
            "email_hash", input("pg://db", "crm.customers", "email", "TRANSFORMATION", true))))
        .build());
    ingest("extract", "pg://db", "crm.customers", crm, "s3://lake", "customers", OL.newDatasetFacetsBuilder()
        .schema(schema("id", "STRING", "email_hash", "STRING", "country", "STRING")).build());
    ingest("report", "s3://lake", "customers", null, "s3://lake", "report", OL.newDatasetFacetsBuilder()
        .columnLineage(lineage(Map.of("contact", input("s3://lake", "customers", "email_hash", "IDENTITY", false))))
        .build());
  }

  @Test
  void columnLineageHasMarquezShape() {
    JsonNode graph = columnLineage("datasetField:s3://lake:report:contact", 20, false);
    assertThat(ids(graph)).containsExactlyInAnyOrder("datasetField:s3://lake:report:contact",
        "datasetField:s3://lake:customers:email_hash", "datasetField:pg://db:crm.customers:email");
    JsonNode contact = node(graph, "datasetField:s3://lake:report:contact");
    assertThat(contact.path("type").asText()).isEqualTo("DATASET_FIELD");
    JsonNode data = contact.path("data");
    assertThat(data.path("namespace").asText()).isEqualTo("s3://lake");
    assertThat(data.path("dataset").asText()).isEqualTo("report");
    assertThat(data.path("field").asText()).isEqualTo("contact");
    assertThat(data.path("inputFields")).singleElement().satisfies(i -> {
      assertThat(i.path("namespace").asText()).isEqualTo("s3://lake");
      assertThat(i.path("dataset").asText()).isEqualTo("customers");
      assertThat(i.path("field").asText()).isEqualTo("email_hash");
      assertThat(i.path("transformationType").asText()).isEqualTo("DIRECT/IDENTITY");
    });
    assertThat(contact.path("inEdges")).singleElement().satisfies(e -> {
      assertThat(e.path("origin").asText()).isEqualTo("datasetField:s3://lake:customers:email_hash");
      assertThat(e.path("destination").asText()).isEqualTo("datasetField:s3://lake:report:contact");
    });
    JsonNode hash = node(graph, "datasetField:s3://lake:customers:email_hash");
    assertThat(hash.path("data").path("fieldType").asText()).isEqualTo("STRING");
    assertThat(hash.path("data").path("transformationType").asText()).isEqualTo("DIRECT/TRANSFORMATION/MASKED");
    assertThat(hash.path("outEdges")).extracting(e -> e.path("destination").asText())
        .containsExactly("datasetField:s3://lake:report:contact");
    assertThat(node(graph, "datasetField:pg://db:crm.customers:email").path("data").path("inputFields")).isEmpty();

    assertThat(ids(columnLineage("datasetField:s3://lake:report:contact", 1, false))).hasSize(2);
    // a dataset: every field of it, upstream only unless asked
    assertThat(ids(columnLineage("dataset:s3://lake:customers", 20, false))).containsExactlyInAnyOrder(
        "datasetField:s3://lake:customers:id", "datasetField:s3://lake:customers:email_hash",
        "datasetField:s3://lake:customers:country", "datasetField:pg://db:crm.customers:id",
        "datasetField:pg://db:crm.customers:email");
    assertThat(ids(columnLineage("datasetField:pg://db:crm.customers:email", 20, true))).containsExactlyInAnyOrder(
        "datasetField:pg://db:crm.customers:email", "datasetField:s3://lake:customers:email_hash",
        "datasetField:s3://lake:report:contact");

    assertThat(get(APP, "/api/v1/column-lineage?nodeId=" + enc("job:spark:extract"), VIEWER).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/column-lineage?depth=0&nodeId=" + enc("dataset:s3://lake:report"), VIEWER).status())
        .isEqualTo(400);
    assertThat(get(APP, "/api/v1/column-lineage?nodeId=" + enc("datasetField:s3://nowhere:x:y"), VIEWER).json()
        .path("message").asText()).contains("no dataset");
    assertThat(get(APP, "/api/v1/column-lineage?nodeId=" + enc("dataset:s3://lake:report"), null).status())
        .isEqualTo(401);
  }

  @Test
  void searchFindsDatasetsColumnsTagsAndOwners() {
    JsonNode datasets = search("q=customers&kind=dataset", VIEWER);
    assertThat(datasets).extracting(h -> h.path("kind").asText() + ":" + h.path("namespace").asText() + ":"
        + h.path("name").asText()).containsExactly("dataset:s3://lake:customers", "dataset:pg://db:crm.customers");
    assertThat(search("q=EMAIL_H&kind=column", VIEWER)).singleElement().satisfies(h -> {
      assertThat(h.path("name").asText()).isEqualTo("email_hash");
      assertThat(h.path("dataset").asText()).isEqualTo("customers");
      assertThat(h.path("id").asText()).isEqualTo(datasets.get(0).path("id").asText());
    });
    assertThat(search("q=pii&kind=tag", VIEWER)).extracting(h -> h.path("id").asText()).containsExactly("PII");
    assertThat(search("q=crm&kind=owner", VIEWER)).extracting(h -> h.path("id").asText()).containsExactly("team:crm");
    assertThat(search("q=contact", VIEWER)).extracting(h -> h.path("kind").asText() + ":" + h.path("dataset").asText())
        .containsExactly("column:report");
    assertThat(search("q=customers&limit=1", VIEWER)).hasSize(1);

    assertThat(get(APP, "/api/v1/search?q=", VIEWER).json().path("message").asText()).contains("q is required");
    assertThat(get(APP, "/api/v1/search?q=x&kind=planet", VIEWER).json().path("message").asText())
        .contains("kind must be");
    assertThat(get(APP, "/api/v1/search?q=x&limit=0", VIEWER).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/search?q=x", null).status()).isEqualTo(401);
  }

  @Test
  void aDatasetPageAndAnAuditedStewardOverride() {
    long lake = datasetId("s3://lake", "customers");
    JsonNode page = get(APP, "/api/v1/datasets/" + lake + "/page", VIEWER).json();
    assertThat(page.path("namespace").asText()).isEqualTo("s3://lake");
    assertThat(page.path("schema")).extracting(c -> c.path("name").asText() + ":" + c.path("type").asText())
        .containsExactly("id:STRING", "email_hash:STRING", "country:STRING");
    JsonNode versions = page.path("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).path("diff").path("added")).extracting(JsonNode::asText)
        .containsExactly("id", "email_hash");
    JsonNode diff = versions.get(1).path("diff");
    assertThat(diff.path("added")).extracting(JsonNode::asText).containsExactly("country");
    assertThat(diff.path("removed")).isEmpty();
    assertThat(diff.path("changed")).singleElement().satisfies(c -> assertThat(c.path("name").asText() + ":"
        + c.path("from").asText() + ">" + c.path("to").asText()).isEqualTo("id:BIGINT>STRING"));
    assertThat(page.path("lineage").path("upstream")).extracting(n -> n.path("name").asText())
        .containsExactly("crm.customers");
    assertThat(page.path("lineage").path("downstream")).extracting(n -> n.path("name").asText())
        .containsExactly("report");
    assertThat(page.path("quality")).isEmpty();

    long crm = datasetId("pg://db", "crm.customers");
    JsonNode crmPage = get(APP, "/api/v1/datasets/" + crm + "/page", VIEWER).json();
    assertThat(crmPage.path("owners")).extracting(JsonNode::asText).containsExactly("team:crm");
    assertThat(crmPage.path("tags")).extracting(JsonNode::asText).containsExactly("PII");

    String tags = "/api/v1/datasets/" + crm + "/columns/email/tags";
    Map<String, Object> body = Map.of("tags", List.of("PII.pseudonymised"), "reason", "hashed at the source");
    assertThat(call(APP, "PUT", tags, VIEWER, body).status()).isEqualTo(403);
    assertThat(call(APP, "PUT", tags, null, body).status()).isEqualTo(401);
    assertThat(call(APP, "PUT", tags, STEWARD, Map.of("tags", List.of("PII"))).json().path("message").asText())
        .contains("reason is required");
    assertThat(call(APP, "PUT", tags, STEWARD, Map.of("tags", List.of("no spaces"), "reason", "r")).status())
        .isEqualTo(400);
    assertThat(call(APP, "PUT", "/api/v1/datasets/" + crm + "/columns/nope/tags", STEWARD, body).status())
        .isEqualTo(404);
    assertThat(call(APP, "PUT", "/api/v1/datasets/999999/columns/email/tags", STEWARD, body).status())
        .isEqualTo(404);

    JsonNode done = call(APP, "PUT", tags, STEWARD, body).json();
    assertThat(done.path("before")).extracting(JsonNode::asText).containsExactly("PII");
    assertThat(done.path("tags")).extracting(JsonNode::asText).containsExactly("PII.pseudonymised");
    assertThat(done.path("steward").asText()).isEqualTo("steward");
    JsonNode after = get(APP, "/api/v1/datasets/" + crm + "/page", VIEWER).json();
    assertThat(after.path("schema")).filteredOn(c -> c.path("name").asText().equals("email")).singleElement()
        .satisfies(c -> assertThat(c.path("tags")).extracting(JsonNode::asText).containsExactly("PII.pseudonymised"));
    assertThat(after.path("tags")).extracting(JsonNode::asText).containsExactly("PII.pseudonymised");

    String audit = get(APP, "/api/v1/audit?action=lineage.tags.override", COMPLIANCE).body();
    assertThat(audit).contains("steward", "datasetField:pg://db:crm.customers:email", "hashed at the source",
        "PII.pseudonymised");
    assertThat(get(APP, "/api/v1/datasets/999999/page", VIEWER).status()).isEqualTo(404);
    // the page lives beside the datasets resource, which still answers
    assertThat(get(APP, "/api/v1/datasets/" + crm, VIEWER).json().path("dataset").path("name").asText())
        .isEqualTo("crm.customers");
    assertThat(get(APP, "/api/v1/datasets?q=crm", VIEWER).json()).hasSize(1);
  }

  private static void ingest(String job, String inNs, String in, OpenLineage.DatasetFacets inFacets, String outNs,
      String out, OpenLineage.DatasetFacets outFacets) {
    OpenLineage.RunEvent event = OL.newRunEventBuilder().eventType(OpenLineage.RunEvent.EventType.COMPLETE)
        .eventTime(ZonedDateTime.now()).run(OL.newRun(UUID.randomUUID(), null)).job(OL.newJob("spark", job, null))
        .inputs(List.of(OL.newInputDatasetBuilder().namespace(inNs).name(in).facets(inFacets).build()))
        .outputs(List.of(OL.newOutputDatasetBuilder().namespace(outNs).name(out).facets(outFacets).build()))
        .build();
    var reply = post(APP, "/api/v1/lineage", ADMIN, Entity.json(OpenLineageClientUtils.toJson(event)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  private static OpenLineage.SchemaDatasetFacet schema(String... nameType) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      fields.add(OL.newSchemaDatasetFacetFieldsBuilder().name(nameType[i]).type(nameType[i + 1]).build());
    }
    return OL.newSchemaDatasetFacet(fields);
  }

  private static OpenLineage.InputField input(String ns, String name, String field, String subtype, boolean masked) {
    return OL.newInputField(ns, name, field, List.of(OL.newInputFieldTransformations("DIRECT", subtype, "", masked)));
  }

  private static OpenLineage.ColumnLineageDatasetFacet lineage(Map<String, OpenLineage.InputField> fields) {
    OpenLineage.ColumnLineageDatasetFacetFieldsBuilder b = OL.newColumnLineageDatasetFacetFieldsBuilder();
    fields.forEach((out, in) -> b.put(out, OL.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
        .inputFields(List.of(in)).build()));
    return OL.newColumnLineageDatasetFacetBuilder().fields(b.build()).build();
  }

  private static JsonNode columnLineage(String nodeId, int depth, boolean withDownstream) {
    var reply = get(APP, "/api/v1/column-lineage?depth=" + depth + "&withDownstream=" + withDownstream + "&nodeId="
        + enc(nodeId), VIEWER);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("graph");
  }

  private static JsonNode search(String query, String auth) {
    var reply = get(APP, "/api/v1/search?" + query, auth);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("results");
  }

  private static long datasetId(String namespace, String name) {
    for (JsonNode h : search("kind=dataset&q=" + enc(name), VIEWER)) {
      if (h.path("namespace").asText().equals(namespace) && h.path("name").asText().equals(name)) {
        return h.path("id").asLong();
      }
    }
    throw new AssertionError("no dataset " + namespace + ":" + name);
  }

  private static List<String> ids(JsonNode graph) {
    List<String> ids = new ArrayList<>();
    graph.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static JsonNode node(JsonNode graph, String id) {
    for (JsonNode n : graph) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id + " in " + graph);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
