package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.lifecycle.LifecycleScope;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.DeployRequest;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;

/**
 * The AWS side of one test against a {@link MotoServer}: moto reset (no resources left from earlier tests), real SDK
 * clients for one region, an IAM role that moto's CreateFunction accepts, and the {@link AwsSettings} that point the
 * engine at moto. For every test of a class: {@code @RegisterExtension final MotoAws moto = MotoAws.eachTest(MOTO,
 * REGION);} (ready before the class's {@code @BeforeEach}, closed after its {@code @AfterEach}); for one region of a
 * parameterized test, {@link #fresh} in try-with-resources.
 */
public final class MotoAws implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    /** The account moto answers for (STS GetCallerIdentity, ARNs, ECR registry ids). */
    public static final String ACCOUNT = "123456789012";
    /** The handler of {@link TestPackage}'s (and ImageTestPackages') function class. */
    public static final String HANDLER = "com.example.Handler::handleRequest";

    private final MotoServer moto;
    private final String region;
    private AwsClientFactory factory;
    private AwsClients clients;
    private String role;

    private MotoAws(MotoServer moto, String region) {
        this.moto = moto;
        this.region = region;
    }

    /** Resets {@code moto}, opens clients for {@code region} and creates the role {@code lambda-exec} (in the
     *  region's partition). */
    public static MotoAws fresh(MotoServer moto, String region) throws IOException, InterruptedException {
        MotoAws aws = new MotoAws(moto, region);
        aws.open();
        return aws;
    }

    /** The extension that does what {@link #fresh} does before every test and closes it after. */
    public static MotoAws eachTest(MotoServer moto, String region) {
        return new MotoAws(moto, region);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void open() throws IOException, InterruptedException {
        moto.reset();
        factory = new AwsClientFactory(settings(moto.endpoint()));
        clients = factory.clients(region);
        try {
            role = moto.createRole("lambda-exec", region);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What the engine gets to reach {@code endpoint} (moto, or a {@link FaultProxy} in front of it). */
    public static AwsSettings settings(URI endpoint) {
        return new AwsSettings(null, endpoint, RetryStrategyMode.STANDARD, null);
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>}, a repository of moto's ECR. */
    public static String ecrRepositoryUri(String region, String repository) {
        return ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + repository;
    }

    /** What the engine gets to reach moto. */
    public AwsSettings settings() {
        return settings(moto.endpoint());
    }

    /** The clients for the region this was made for; closed with this. */
    public AwsClients clients() {
        return clients;
    }

    /** Clients for another region, on the same HTTP client; the caller closes them. */
    public AwsClients clients(String region) {
        return factory.clients(region);
    }

    /** The ARN of the execution role {@code lambda-exec}. */
    public String role() {
        return role;
    }

    /**
     * A deploy of the package in {@code pkg} to {@code functions} in this region through moto, polling fast (moto's
     * functions are ready at once); the caller adds the mode and the rest.
     */
    public DeployRequest.Builder deployRequest(Path pkg, String... functions) {
        return DeployRequest.builder(pkg)
                .regions(List.of(region))
                .functionNames(List.of(functions))
                .aws(settings())
                .pollInterval(Duration.ofMillis(50))
                .waitTimeout(Duration.ofSeconds(30));
    }

    /** Runs {@code request} with the real engine; fails the test with the first region's error if it failed. */
    public DeployResult deploy(DeployRequest.Builder request, BuildLog log) {
        DeployResult r = new LambdaDeployer(log).deploy(request.build());
        assertFalse(r.failed(), () -> r.regions().get(0).error());
        return r;
    }

    /** Settings that create a function of {@link TestPackage}'s code: its handler and the role {@code lambda-exec}. */
    public FunctionSettings.Builder functionSettings() {
        return FunctionSettings.builder().handler(HANDLER).role(role);
    }

    /** What status, rollback and prune get for {@code functions} of the package in {@code pkg}, in this region. */
    public LifecycleScope scope(Path pkg, S3Settings s3, String alias, String... functions) {
        return new LifecycleScope(pkg, List.of(region), List.of(functions), settings(), "", s3, "demo-function", alias);
    }

    /**
     * Creates the java21 zip function {@code name} as someone did before the plugin ran: the role, a handler and
     * placeholder code (moto stores it and never runs it); {@code more} sets anything else, or overrides these.
     * Returns its ARN.
     */
    public String createFunction(String name, Consumer<CreateFunctionRequest.Builder> more) {
        return clients.lambda()
                .createFunction(r -> more.accept(r.functionName(name)
                        .runtime("java21")
                        .role(role)
                        .handler(HANDLER)
                        .code(c -> c.zipFile(SdkBytes.fromUtf8String("not a real zip")))))
                .functionArn();
    }

    /** {@link #createFunction(String, Consumer)} with nothing more. */
    public String createFunction(String name) {
        return createFunction(name, r -> {});
    }

    /** Closes what {@link #open} opened, once (a failed open closes here before the extension's afterEach). */
    @Override
    public void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
        if (factory != null) {
            factory.close();
            factory = null;
        }
    }
}
