package io.cairn.platform;

import com.codahale.metrics.health.HealthCheck;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.OffsetRepository;
import io.cairn.catalog.QualitySuiteRepository;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.QuarantineReviewRepository;
import io.cairn.catalog.RunRepository;
import io.cairn.catalog.QualityMetricsRepository;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.catalog.policy.TokenVaultRepository;
import io.cairn.catalog.policy.PolicyRepository;
import io.cairn.governance.CompositeGovernanceHook;
import io.cairn.governance.DatasetRecorder;
import io.cairn.governance.DeferredGovernanceHook;
import io.cairn.governance.policy.PolicyEngine;
import io.cairn.governance.policy.PolicyHook;
import io.cairn.governance.policy.PolicyMasks;
import io.cairn.governance.policy.PolicyService;
import io.cairn.governance.policy.PolicyValidator;
import io.cairn.catalog.policy.SuggestionRepository;
import io.cairn.governance.classify.ClassificationHook;
import io.cairn.governance.classify.PiiClassifier;
import io.cairn.platform.policy.ClassificationResource;
import io.cairn.platform.policy.DatasetViewResource;
import io.cairn.catalog.policy.DatasetWriters;
import io.cairn.catalog.policy.StoredDefinitions;
import io.cairn.governance.keys.SecretBox;
import io.cairn.governance.policy.ReadPlanner;
import io.cairn.platform.policy.PoliciesResource;
import io.cairn.platform.policy.PolicyDeniedMapper;
import io.cairn.platform.policy.PolicyDeployGuard;
import io.cairn.platform.policy.RoleGroups;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.masking.CatalogTokenVault;
import io.cairn.governance.masking.MaskSpecs;
import io.cairn.governance.masking.MaskStepFactory;
import io.cairn.governance.masking.TokenVault;
import io.cairn.platform.audit.AuditFilter;
import io.cairn.platform.audit.AuditResource;
import io.cairn.platform.audit.MaskAudit;
import io.cairn.platform.audit.TokensResource;
import io.cairn.platform.plugins.HostExtensions;
import io.cairn.governance.GovernanceHook;
import io.cairn.platform.flows.FlowErrorMappers;
import io.cairn.platform.flows.FlowRuntime;
import io.cairn.platform.flows.FlowService;
import io.cairn.platform.flows.FlowsResource;
import io.cairn.platform.flows.RouteValidator;
import io.cairn.catalog.PluginRepository;
import io.cairn.catalog.Role;
import io.cairn.catalog.UserRepository;
import io.cairn.platform.api.BadInputMapper;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.CatalogAuthenticators;
import io.cairn.platform.auth.Passwords;
import io.cairn.platform.auth.RoleAuthorizer;
import io.cairn.platform.cli.PluginCommand;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.consent.ConsentModule;
import io.cairn.platform.config.ClasspathOrFileSourceProvider;
import io.cairn.platform.datasets.DatasetsResource;
import io.cairn.platform.dsar.DsarModule;
import io.cairn.platform.lineage.LineageModule;
import io.cairn.catalog.browse.CatalogSearch;
import io.cairn.catalog.browse.DatasetPageQueries;
import io.cairn.catalog.lineage.TagOverrides;
import io.cairn.platform.browse.DatasetPageResource;
import io.cairn.platform.browse.DatasetPageService;
import io.cairn.platform.browse.SearchResource;
import io.cairn.platform.plugins.ExtensionsResource;
import io.cairn.platform.quality.QualityMetricsRecorder;
import io.cairn.platform.quality.QualityAlerts;
import io.cairn.platform.quality.QualityResource;
import io.cairn.platform.quality.QualitySuites;
import io.cairn.platform.quality.QualitySuitesResource;
import io.cairn.platform.quality.QuarantineResource;
import io.cairn.platform.quality.QuarantineReview;
import io.cairn.platform.plugins.LoadedExtensions;
import io.cairn.platform.plugins.PluginService;
import io.cairn.platform.plugins.PluginsHealthCheck;
import io.cairn.platform.plugins.PluginsResource;
import io.cairn.platform.users.UserService;
import io.cairn.platform.users.UsersResource;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.forms.MultiPartBundle;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import org.apache.camel.impl.DefaultCamelContext;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cairn's server: the one composition root. */
public class CairnApplication extends Application<CairnConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(CairnApplication.class);

  private volatile Services services;

  public static void main(String[] args) throws Exception {
    new CairnApplication().run(args);
  }

  @Override
  public String getName() {
    return "cairn";
  }

  @Override
  public void initialize(Bootstrap<CairnConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        new ClasspathOrFileSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(new MultiPartBundle());
    bootstrap.getObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    io.cairn.platform.api.CatalogJson.register(bootstrap.getObjectMapper());
    bootstrap.addBundle(new io.dropwizard.assets.AssetsBundle("/io/cairn/ui", "/ui", "index.html", "ui"));
    bootstrap.addCommand(new io.cairn.platform.demo.DemoCommand(this));
    bootstrap.addCommand(new PluginCommand());
    bootstrap.addCommand(new io.cairn.platform.cli.FlowCommand());
  }

  @Override
  public void run(CairnConfiguration config, Environment env) throws Exception {
    Files.createDirectories(config.home());
    LOG.info("Cairn home: {}", config.home());

    ManagedDataSource dataSource = config.catalog().dataSourceFactory(config.home())
        .build(env.metrics(), "catalog");
    env.lifecycle().manage(dataSource);
    CatalogDatabase catalog = new CatalogDatabase(dataSource);
    catalog.migrate();

    UserRepository users = new UserRepository(catalog);
    DatasetRepository datasets = new DatasetRepository(catalog);
    UserService userService = new UserService(users);
    bootstrapAdmin(config, users, userService);

    env.healthChecks().register("catalog", new HealthCheck() {
      @Override
      protected Result check() {
        return catalog.ping() ? Result.healthy(catalog.dialect().getName()) : Result.unhealthy("no answer");
      }
    });

    // Plugins first (the routes need their extensions), then the flow runtime; Dropwizard stops in reverse.
    LoadedExtensions extensions = new LoadedExtensions();
    RunRepository runs = new RunRepository(catalog);
    FlowRepository flowRepo = new FlowRepository(catalog);
    OffsetRepository offsets = new OffsetRepository(catalog);
    QuarantineRepository quarantine = new QuarantineRepository(catalog);
    QualityMetricsRepository qualityHistory = new QualityMetricsRepository(catalog);
    DeferredGovernanceHook policyHook = new DeferredGovernanceHook();
    LineageModule lineage = new LineageModule(catalog, config.lineage());
    DeferredGovernanceHook consentHook = new DeferredGovernanceHook();
    QualityMetricsRecorder qualityRecorder = new QualityMetricsRecorder(qualityHistory);
    GovernanceHook governance = new CompositeGovernanceHook(List.of(DsarModule.hook(catalog, config.erasure(),
        config.home()), consentHook, policyHook, new DatasetRecorder(datasets), qualityRecorder,
        lineage.recorder()));
    DefaultCamelContext camel = newCamelContext();
    FlowRuntime runtime = new FlowRuntime(camel, flowRepo, runs, quarantine, offsets, governance, extensions,
        new RouteValidator(), config.home(), config.nodeName(), config.batchSize());
    PluginService plugins = new PluginService(new PluginRepository(catalog), extensions, runtime,
        config.home().resolve("plugins"), config.bundledPlugins(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    env.lifecycle().manage(plugins);
    env.lifecycle().manage(runtime);
    env.healthChecks().register("plugins", new PluginsHealthCheck(plugins));
    FlowService flowService = new FlowService(flowRepo, runs, quarantine, datasets, offsets, runtime,
        new io.cairn.platform.flows.FlowSecrets(extensions));
    env.healthChecks().register("camel", new HealthCheck() {
      @Override
      protected Result check() {
        return camel.isStarted() ? Result.healthy(camel.getRoutesSize() + " routes") : Result.unhealthy(
            "Camel context is " + camel.getStatus());
      }
    });

    // --- policy and audit ---
    java.nio.file.Path keyDir = config.home().resolve("keys");
    flowService.encryptSecretsWith(new SecretBox(ManagedKey.load("secrets", config.policy().secretsKey(), keyDir)));
    int sealed = new StoredDefinitions(catalog).rewriteAll(flowService::sealSecrets);
    if (sealed > 0) {
      LOG.info("encrypted the secrets of {} stored flow definition(s)", sealed);
    }
    runtime.setDefinitionOpener(flowService::openSecrets);
    ManagedKey maskingKey = ManagedKey.load("masking", config.policy().maskingKey(), keyDir);
    AuditLog audit = new AuditLog(new AuditRepository(catalog),
        ManagedKey.load("audit", config.policy().auditKey(), keyDir), config.policy().checkpointEvery());
    TokenVault vault = new CatalogTokenVault(new TokenVaultRepository(catalog), maskingKey);
    MaskSpecs maskSpecs = new MaskSpecs(maskingKey, vault, java.time.Clock.systemUTC());
    MaskAudit maskAudit = new MaskAudit(audit);
    HostExtensions.registerSteps(extensions, List.of(new MaskStepFactory(maskSpecs, maskAudit)));
    PolicyEngine policyEngine = new PolicyEngine(List.of());
    PolicyService policies = new PolicyService(new PolicyRepository(catalog), policyEngine,
        new PolicyValidator(policyEngine, maskSpecs));
    policies.seedIfEmpty("system");
    policies.load();
    RoleGroups groups = new RoleGroups(users);
    SuggestionRepository suggestions = new SuggestionRepository(catalog);
    policyHook.set(new CompositeGovernanceHook(List.of(
        new ClassificationHook(new PiiClassifier("US"), suggestions),
        new PolicyHook(policyEngine, new PolicyMasks(maskSpecs), groups, audit), maskAudit)));
    flowService.setDeployGuard(new PolicyDeployGuard(policyEngine, groups, audit));
    env.jersey().register(new PolicyDeniedMapper());
    env.jersey().register(new PoliciesResource(policies, policyEngine));
    env.jersey().register(new ClassificationResource(suggestions));
    env.jersey().register(DatasetViewResource.create(datasets, new DatasetWriters(catalog), flowRepo, extensions,
        flowService::openSecrets, config.home().resolve("work").resolve("read-back"), policyEngine,
        new ReadPlanner(policyEngine, new PolicyMasks(maskSpecs)), groups, audit, env.getObjectMapper()));
    env.jersey().register(new AuditFilter(audit));
    env.jersey().register(new AuditResource(audit));
    env.jersey().register(new TokensResource(vault, audit));
    // --- quality ---
    env.jersey().register(new QualityResource(qualityHistory));
    qualityRecorder.setListener(new QualityAlerts(config.quality().alerts(), config.quality().alertRetries(),
        config.quality().alertRetryDelay(), audit,
        env.lifecycle().executorService("quality-alerts").minThreads(1).maxThreads(1).build()));
    QualitySuites qualitySuites = new QualitySuites(new QualitySuiteRepository(catalog), config.home(), audit);
    qualitySuites.mirrorAll();
    env.jersey().register(new QualitySuitesResource(qualitySuites));
    env.jersey().register(new QuarantineResource(new QuarantineReview(new QuarantineReviewRepository(catalog),
        flowService, runtime, audit)));
    // --- lineage ---
    env.lifecycle().manage(lineage);
    env.jersey().register(lineage.resource());
    env.jersey().register(lineage.columnLineageResource());
    env.jersey().register(new SearchResource(new CatalogSearch(catalog)));
    env.jersey().register(new DatasetPageResource(new DatasetPageService(datasets, new DatasetPageQueries(catalog),
        new TagOverrides(catalog), audit)));

    // --- consent ---
    ConsentModule consent = new ConsentModule(catalog, config.consent(), audit,
        (run, counts) -> lineage.recorder().onMetrics(run, "consent", counts));
    consentHook.set(consent.hook());
    env.lifecycle().manage(consent);
    env.jersey().register(consent.resource());
    env.jersey().register(consent.gpcResource());

    // --- dsar --- (a person's identifiers also come from their consent subject and identity graph profiles)
    var consentSubjects = new io.cairn.governance.erasure.ConsentSubjects(consent.service());
    var graphSubjects = new io.cairn.governance.erasure.IdentityGraphSubjects(
        new io.cairn.catalog.identity.IdentityGraphRepository(catalog));
    DsarModule dsar = new DsarModule(catalog, config.erasure(), config.home(), config.nodeName(), audit,
        List.of(consentSubjects, graphSubjects), List.of(consentSubjects, graphSubjects));
    env.lifecycle().manage(dsar);
    env.jersey().register(dsar.resource());

    // --- connectors: kafka and redis ---
    io.cairn.platform.kafka.EmbeddedKafkaBroker broker = null;
    if (config.kafka().embedded()) {
      broker = new io.cairn.platform.kafka.EmbeddedKafkaBroker(config.home().resolve("kafka"), config.kafka().port());
      env.lifecycle().manage(broker);
      env.healthChecks().register("kafka", broker.healthCheck());
    }
    io.cairn.platform.profilestore.ProfileStore profileStore = null;
    if (config.redis().configured()) {
      io.cairn.platform.profilestore.ProfileStore store = new io.cairn.platform.profilestore.ProfileStore(
          config.redis());
      profileStore = store;
      env.lifecycle().manage(store);
      env.healthChecks().register("redis", new HealthCheck() {
        @Override
        protected Result check() {
          return store.ping() ? Result.healthy(store.address()) : Result.unhealthy("no answer from " + store.address());
        }
      });
    }
    env.jersey().register(new io.cairn.platform.profilestore.ProfileSegmentsResource(profileStore));

    // --- connectors: source discovery ---
    io.cairn.catalog.DatasetKeysRepository datasetKeys = new io.cairn.catalog.DatasetKeysRepository(catalog);
    env.jersey().register(new io.cairn.platform.discovery.DiscoveryResource(
        new io.cairn.platform.discovery.DiscoveryService(extensions, datasets, datasetKeys), datasetKeys));

    // --- profiles and models ---
    var consentGate = consent.gate();
    var identityGraphRepository = new io.cairn.catalog.identity.IdentityGraphRepository(catalog);
    var identityGraphs = new io.cairn.platform.profiles.IdentityGraphs(identityGraphRepository,
        config.profiles().graphIdle(), config.profiles().graphsInMemory());
    var modelService = new io.cairn.platform.profiles.ModelService(new io.cairn.catalog.ModelRepository(catalog),
        consentGate, lineage.recorder());
    var segmentRepository = new io.cairn.catalog.segments.SegmentRepository(catalog);
    HostExtensions.registerSteps(extensions, List.of(
        new io.cairn.platform.profiles.IdentityGraphStepFactory(identityGraphs),
        io.cairn.platform.profiles.ModelStepFactory.scoring(modelService),
        io.cairn.platform.profiles.ModelStepFactory.clustering(modelService),
        new io.cairn.platform.profiles.RecommendStepFactory(modelService)));
    env.jersey().register(new io.cairn.platform.profiles.ProfileGraphsResource(identityGraphs, audit));
    env.jersey().register(new io.cairn.platform.profiles.ProfilesResource());
    env.jersey().register(new io.cairn.platform.profiles.SegmentsResource(segmentRepository, modelService,
        new io.cairn.platform.profiles.ActivationExports(segmentRepository, identityGraphRepository, consentGate,
            lineage.recorder(), audit, config.home().resolve("exports"))));
    env.jersey().register(new io.cairn.platform.profiles.ModelsResource(modelService));

    // --- collector ---
    // the broker is managed before the collector, so it has started (and knows its port) when the forwarder starts
    io.cairn.platform.collector.CollectorModule collector = new io.cairn.platform.collector.CollectorModule(
        config.collector(), config.home(), config.nodeName(), broker == null ? null : broker::bootstrapServers,
        new io.cairn.catalog.collector.WriteKeyRepository(catalog), consent.capture());
    collector.register(env, extensions, audit);
    collector.releaseDeletedFlows(id -> flowRepo.find(new FlowId(id)).isPresent());
    flowService.onDelete(id -> collector.releaseFlow(id.value()));

    registerAuth(env, users);
    env.jersey().register(new BadInputMapper());
    env.jersey().register(new FlowErrorMappers.InvalidRoute());
    env.jersey().register(new FlowErrorMappers.Conflict());
    env.jersey().register(new FlowErrorMappers.NotFound());
    env.jersey().register(new UsersResource(users, userService));
    env.jersey().register(new DatasetsResource(datasets));
    env.jersey().register(new FlowsResource(flowService));
    env.jersey().register(new PluginsResource(plugins));
    env.jersey().register(new ExtensionsResource(extensions));
    env.jersey().register(new io.cairn.platform.web.RootResource());

    services = new Services(catalog, users, userService, datasets, extensions, plugins, flowService, runtime,
        audit, lineage, consent);
  }

  private static DefaultCamelContext newCamelContext() {
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.getCamelContextExtension().setName("cairn");
    camel.setLogMask(true);
    camel.setLogExhaustedMessageBody(false);
    camel.setMessageHistory(false);
    camel.setShutdownStrategy(new org.apache.camel.impl.engine.DefaultShutdownStrategy(camel));
    camel.getShutdownStrategy().setTimeout(30);
    return camel;
  }

  /** What the running application wired; for commands and tests in this process. */
  public Services services() {
    return services;
  }

  /** The wired services. */
  public record Services(CatalogDatabase catalog, UserRepository users, UserService userService,
      DatasetRepository datasets, LoadedExtensions extensions, PluginService plugins, FlowService flows,
      FlowRuntime runtime, AuditLog audit, LineageModule lineage, ConsentModule consent) {}

  private static void registerAuth(Environment env, UserRepository users) {
    var basic = new CachingAuthenticator<>(env.metrics(), CatalogAuthenticators.basic(users),
        CaffeineSpec.parse("maximumSize=1000, expireAfterWrite=60s"));
    AuthFilter<io.dropwizard.auth.basic.BasicCredentials, CairnPrincipal> basicFilter =
        new BasicCredentialAuthFilter.Builder<CairnPrincipal>()
            .setAuthenticator(basic)
            .setAuthorizer(new RoleAuthorizer())
            .setRealm("cairn")
            .buildAuthFilter();
    AuthFilter<String, CairnPrincipal> tokenFilter = new OAuthCredentialAuthFilter.Builder<CairnPrincipal>()
        .setAuthenticator(CatalogAuthenticators.token(users))
        .setAuthorizer(new RoleAuthorizer())
        .setPrefix("Bearer")
        .setRealm("cairn")
        .buildAuthFilter();
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<AuthFilter> filters = List.of(basicFilter, tokenFilter);
    env.jersey().register(new AuthDynamicFeature(new ChainedAuthFilter<>(filters)));
    env.jersey().register(RolesAllowedDynamicFeature.class);
    env.jersey().register(new AuthValueFactoryProvider.Binder<>(CairnPrincipal.class));
  }

  private static void bootstrapAdmin(CairnConfiguration config, UserRepository users, UserService service) {
    if (users.count() > 0) {
      return;
    }
    String password = config.bootstrapAdminPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = Passwords.generate(20);
    }
    service.create("admin", password, "Administrator", EnumSet.of(Role.ADMIN));
    if (generated) {
      // Printed once on the console for the person starting the server; never logged to files.
      System.out.println("Created user 'admin' with generated password: " + password);
    } else {
      LOG.info("created user 'admin' with the configured bootstrap password");
    }
  }
}
