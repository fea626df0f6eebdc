package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.fleet.FleetSession;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.RequestHead;
import dev.lambdadeploy.testing.Requests;
import dev.lambdadeploy.testing.TestPackage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A fleet: several modules (each its own package and function) sharing one layer, deployed at the same time by
 * parallel threads of one build (as {@code mvn -T 4} does), through a fault-injecting proxy to a real moto_server.
 * What AWS holds is read directly from moto.
 */
class FleetDeployTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final String REGION = "eu-west-1";
    static final String BUCKET = "fleet-artifacts";
    static final int MODULES = 6;

    @RegisterExtension
    final MotoAws moto = MotoAws.eachTest(MOTO, REGION);

    @TempDir
    Path dir;

    FaultProxy proxy;
    AwsClients aws;
    RecordingLog log = new RecordingLog();
    List<TestPackage> modules = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        aws = moto.clients();
        proxy = FaultProxy.start(MOTO.endpoint());
        for (int i = 1; i <= MODULES; i++) {
            modules.add(module(i, "jackson v1", "handler " + i + " v1"));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
    }

    TestPackage module(int i, String layer, String code) throws Exception {
        TestPackage p = new TestPackage(dir.resolve("m" + i + "/target/lambda"))
                .layer("deps", layer)
                .function(code);
        p.write();
        return p;
    }

    DeployRequest request(int i, FleetSession session, int maxAttempts) {
        return builder(i, session, maxAttempts).build();
    }

    /** Module {@code i} to function {@code fn-i} through the proxy, giving up after {@code maxAttempts}. */
    DeployRequest.Builder builder(int i, FleetSession session, int maxAttempts) {
        return moto.deployRequest(modules.get(i - 1).dir(), "fn-" + i)
                .mode(DeployMode.S3)
                .s3(new S3Settings(BUCKET, "builds", true, 0, 0))
                .function(moto.functionSettings()
                        .runtime("java21")
                        .environment(java.util.Map.of())
                        .publishVersion(true)
                        .build())
                .aws(new AwsSettings(
                        null, proxy.uri(), RetryStrategyMode.STANDARD, Duration.ofSeconds(20), maxAttempts))
                .waitTimeout(Duration.ofSeconds(60))
                .session(session);
    }

    /** Every module deployed at once on its own thread, sharing one session, as the modules of a -T build do. */
    List<DeployResult> deployFleet(FleetSession session, int maxAttempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DeployResult>> futures = new ArrayList<>();
            for (int i = 1; i <= MODULES; i++) {
                DeployRequest r = request(i, session, maxAttempts);
                futures.add(pool.submit(() -> new LambdaDeployer(log).deploy(r)));
            }
            List<DeployResult> out = new ArrayList<>();
            for (Future<DeployResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    List<Long> layerVersions() {
        return aws.lambda().listLayerVersions(r -> r.layerName("deps")).layerVersions().stream()
                .map(v -> v.version())
                .toList();
    }

    List<String> layersOf(int i) {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName("fn-" + i)).layers().stream()
                .map(l -> l.arn())
                .toList();
    }

    List<String> publishedVersions(int i) {
        return aws.lambda().listVersionsByFunction(r -> r.functionName("fn-" + i)).versions().stream()
                .map(v -> v.version())
                .filter(v -> !"$LATEST".equals(v))
                .toList();
    }

    List<String> objects() {
        return aws.s3().listObjectsV2(l -> l.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    long seen(String method, String pathRegex) {
        return proxy.seen().stream()
                .filter(s ->
                        s.method().equals(method) && s.target().split("\\?")[0].matches(pathRegex))
                .count();
    }

    static void assertDeployed(List<DeployResult> results) {
        for (DeployResult r : results) {
            assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        }
    }

    @Test
    void parallelModulesPublishTheSharedLayerOnceAndConvergeOnOneVersion() throws Exception {
        List<DeployResult> first = deployFleet(new FleetSession(4), 8);

        assertDeployed(first);
        assertEquals(List.of(1L), layerVersions(), "one content, one layer version");
        assertEquals(1, seen("POST", "/2018-10-31/layers/deps/versions"), "PublishLayerVersion called once");
        for (int i = 1; i <= MODULES; i++) {
            assertEquals(List.of("arn:aws:lambda:" + REGION + ":123456789012:layer:deps:1"), layersOf(i), "fn-" + i);
        }
        long published = first.stream()
                .flatMap(r -> r.regions().get(0).layers().stream())
                .filter(l -> l.action() == DeployAction.PUBLISHED)
                .count();
        assertEquals(1, published, "one module publishes, the others reuse");
        assertTrue(first.stream()
                .flatMap(r -> r.regions().get(0).layers().stream())
                .anyMatch(l -> l.reason() != null && l.reason().startsWith("published in this build by")));
        long layerBytes = first.stream()
                .flatMap(r -> r.regions().get(0).layers().stream())
                .mapToLong(LayerResult::bytesUploaded)
                .sum();
        assertTrue(
                layerBytes > 0
                        && layerBytes
                                == first.stream()
                                        .flatMap(r -> r.regions().get(0).layers().stream())
                                        .filter(l -> l.action() == DeployAction.PUBLISHED)
                                        .mapToLong(LayerResult::bytesUploaded)
                                        .sum(),
                "the layer's bytes are uploaded once");
        assertEquals(1 + MODULES, objects().size(), "one layer object and one code object per module: " + objects());

        // an unchanged redeploy of the fleet, by the next build: nothing uploaded or published, few calls
        List<DeployResult> again = deployFleet(new FleetSession(4), 8);
        assertDeployed(again);
        assertEquals(0, again.stream().mapToLong(DeployResult::bytesUploaded).sum());
        assertTrue(again.stream().allMatch(DeployResult::upToDate));
        assertEquals(List.of(1L), layerVersions());
        long calls = again.stream().mapToLong(DeployResult::awsCalls).sum();
        // per function GetFunction; once per build: the identity, and the layer's ListLayerVersions,
        // GetLayerVersion and GetLayerVersionPolicy
        assertEquals(MODULES + 4, calls, "AWS calls of an unchanged redeploy of " + MODULES + " functions");
    }

    @Test
    void aModuleThatSharesTheLayerGetsItsGrantsOnTheVersionAnotherModulePublished() throws Exception {
        FleetSession session = new FleetSession(4);
        // module 1 publishes the layer without sharing; module 2 (same content) shares it with an account
        assertDeployed(List.of(new LambdaDeployer(log).deploy(request(1, session, 8))));
        DeployRequest shared = builder(2, session, 8)
                .layers(new LayerSettings("", List.of(), null, List.of("210987654321"), null))
                .build();
        DeployResult second = new LambdaDeployer(log).deploy(shared);

        assertDeployed(List.of(second));
        assertEquals(List.of(1L), layerVersions());
        String policy = aws.lambda()
                .getLayerVersionPolicy(r -> r.layerName("deps").versionNumber(1L))
                .policy();
        assertTrue(policy.contains("210987654321"), "module 2's grant is on the shared version: " + policy);
    }

    @Test
    void aFlipFlopOfTheLayerReusesTheEarlierVersion() throws Exception {
        assertDeployed(List.of(new LambdaDeployer(log).deploy(request(1, FleetSession.standalone(), 8))));
        modules.set(0, module(1, "jackson v2", "handler 1 v1"));
        assertDeployed(List.of(new LambdaDeployer(log).deploy(request(1, FleetSession.standalone(), 8))));
        modules.set(0, module(1, "jackson v1", "handler 1 v1"));
        DeployResult back = new LambdaDeployer(log).deploy(request(1, FleetSession.standalone(), 8));

        assertDeployed(List.of(back));
        assertEquals(
                List.of(2L, 1L),
                layerVersions().stream().sorted((a, b) -> Long.compare(b, a)).toList(),
                "going back to the first content publishes no third version");
        assertEquals(List.of("arn:aws:lambda:" + REGION + ":123456789012:layer:deps:1"), layersOf(1));
        assertEquals(
                DeployAction.UP_TO_DATE, back.regions().get(0).layers().get(0).action());
    }

    @Test
    void aThrottlingStormIsSurvivedWithoutDuplicates() throws Exception {
        Storm storm = new Storm(new Random(42));
        Predicate<RequestHead> publishLayer = Requests.publishLayerVersion();
        Predicate<RequestHead> createFunction = Requests.of("POST", "/2015-03-31/functions");
        Predicate<RequestHead> publishVersion = Requests.of("POST", "/2015-03-31/functions/[^/]+/versions");
        // three transient failures in a row on one call, then AWS does the work but the answer is lost
        proxy.add(AwsErrors.lambdaServiceError(publishLayer).times(1))
                .add(AwsErrors.lambdaThrottled(publishLayer).times(1))
                .add(AwsErrors.lambdaServiceError(publishLayer).times(1))
                .add(Fault.resetAfterResponse(publishLayer).times(1))
                .add(Fault.resetAfterResponse(createFunction).times(2))
                .add(Fault.resetAfterResponse(publishVersion).times(2))
                // and a third of everything else: throttled or unavailable, or reset after AWS answered
                .add(AwsErrors.lambdaThrottled(Requests.lambdaApi().and(h -> storm.fault(h) == Storm.REJECT)))
                .add(AwsErrors.s3SlowDown(Requests.lambdaApi().negate().and(h -> storm.fault(h) == Storm.REJECT)))
                .add(Fault.resetAfterResponse(h -> storm.fault(h) == Storm.LOSE_ANSWER));

        List<DeployResult> results = deployFleet(new FleetSession(4), 8);

        assertDeployed(results);
        List<FaultProxy.Seen> seen = proxy.seen();
        long faults =
                seen.stream().filter(s -> !"forwarded".equals(s.outcome())).count();
        assertTrue(faults >= seen.size() / 5, "a storm really happened: " + faults + " of " + seen.size());
        assertTrue(seen.stream()
                .anyMatch(s -> s.outcome().equals("reset after the response")
                        && s.target().matches("/2018-10-31/layers/deps/versions.*")));
        assertEquals(List.of(1L), layerVersions(), "no duplicate layer version");
        for (int i = 1; i <= MODULES; i++) {
            assertEquals(List.of("1"), publishedVersions(i), "no duplicate function version of fn-" + i);
            assertEquals(List.of("arn:aws:lambda:" + REGION + ":123456789012:layer:deps:1"), layersOf(i));
        }
        assertEquals(1 + MODULES, objects().size(), "no duplicate S3 object: " + objects());
    }

    /**
     * One draw per request: a third of the requests fail (half rejected, half answered but the answer lost), never
     * more than three times in a row for the same request, which a storm of that rate allows and 8 attempts survive.
     */
    static final class Storm {
        static final int NONE = 0;
        static final int REJECT = 1;
        static final int LOSE_ANSWER = 2;
        private final Random random;
        private final java.util.IdentityHashMap<RequestHead, Integer> decided = new java.util.IdentityHashMap<>();
        private final java.util.Map<String, Integer> inARow = new java.util.HashMap<>();

        Storm(Random random) {
            this.random = random;
        }

        synchronized int fault(RequestHead h) {
            return decided.computeIfAbsent(h, k -> {
                String call = h.method() + " " + h.target();
                int row = inARow.getOrDefault(call, 0);
                int f = row >= 3 || random.nextInt(3) != 0 ? NONE : random.nextBoolean() ? REJECT : LOSE_ANSWER;
                inARow.put(call, f == NONE ? 0 : row + 1);
                return f;
            });
        }
    }

    @Test
    void aPersistentFaultFailsClearlyAndLeavesEveryFunctionAsItWas() throws Exception {
        assertDeployed(deployFleet(new FleetSession(4), 8));
        List<List<String>> before = new ArrayList<>();
        List<String> codeBefore = new ArrayList<>();
        for (int i = 1; i <= MODULES; i++) {
            before.add(layersOf(i));
            int n = i;
            codeBefore.add(aws.lambda()
                    .getFunctionConfiguration(r -> r.functionName("fn-" + n))
                    .codeSha256());
            modules.set(i - 1, module(i, "jackson v2", "handler " + i + " v2"));
        }
        proxy.add(AwsErrors.lambdaServiceError(Requests.updateFunctionCode()));

        List<DeployResult> results = deployFleet(new FleetSession(4), 3);

        for (int i = 1; i <= MODULES; i++) {
            DeployResult r = results.get(i - 1);
            assertTrue(r.failed(), "fn-" + i + " must fail");
            FunctionResult f = r.regions().get(0).functions().get(0);
            assertTrue(f.error().contains("lambda:UpdateFunctionCode"), f.error());
            assertEquals("unchanged (its previous configuration was restored)", f.leftIn());
            assertEquals(before.get(i - 1), layersOf(i), "fn-" + i + " keeps its layers");
            int n = i;
            assertEquals(
                    codeBefore.get(i - 1),
                    aws.lambda()
                            .getFunctionConfiguration(c -> c.functionName("fn-" + n))
                            .codeSha256(),
                    "fn-" + i + " keeps its code");
        }
        assertEquals(
                List.of(2L, 1L),
                layerVersions().stream().sorted((a, b) -> Long.compare(b, a)).toList(),
                "the new layer content was still published once");
    }

    @Test
    void aFailedSharedPublicationFailsEveryModuleWithTheOneCause() throws Exception {
        proxy.add(AwsErrors.lambda(
                Requests.publishLayerVersion(), 400, "InvalidParameterValueException", "Layer content is not valid"));

        List<DeployResult> results = deployFleet(new FleetSession(4), 8);

        assertEquals(1, seen("POST", "/2018-10-31/layers/deps/versions"), "tried once for the whole build");
        for (DeployResult r : results) {
            String error = r.regions().get(0).error();
            assertTrue(error != null && error.contains("Layer content is not valid"), String.valueOf(error));
        }
        long shared = results.stream()
                .filter(r -> r.regions().get(0).error().contains("failed once, in"))
                .count();
        assertEquals(MODULES - 1, shared, "the modules that waited say where it failed");
        for (int i = 1; i <= MODULES; i++) {
            int n = i;
            assertTrue(
                    aws.lambda().listFunctions().functions().stream()
                            .noneMatch(f -> f.functionName().equals("fn-" + n)),
                    "no function created without its layer");
        }
    }
}
