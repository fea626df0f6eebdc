package dev.lambdadeploy.testing;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;

/**
 * The AWS side of one test against a {@link MotoServer}: moto reset (no resources left from earlier tests), real SDK
 * clients for one region, an IAM role that moto's CreateFunction accepts, and the {@link AwsSettings} that point the
 * engine at moto. Create it in {@code @BeforeEach} with {@link #fresh}, close it in {@code @AfterEach}.
 */
public final class MotoAws implements AutoCloseable {
    /** The account moto answers for (STS GetCallerIdentity, ARNs, ECR registry ids). */
    public static final String ACCOUNT = "123456789012";

    private final MotoServer moto;
    private final AwsClientFactory factory;
    private final AwsClients clients;
    private final String role;

    private MotoAws(MotoServer moto, AwsClientFactory factory, AwsClients clients, String role) {
        this.moto = moto;
        this.factory = factory;
        this.clients = clients;
        this.role = role;
    }

    /** Resets {@code moto}, opens clients for {@code region} and creates the role {@code lambda-exec} (in the
     *  region's partition). */
    public static MotoAws fresh(MotoServer moto, String region) throws IOException, InterruptedException {
        moto.reset();
        AwsClientFactory factory = new AwsClientFactory(settings(moto.endpoint()));
        AwsClients clients = factory.clients(region);
        try {
            return new MotoAws(moto, factory, clients, moto.createRole("lambda-exec", region));
        } catch (IOException | InterruptedException | RuntimeException e) {
            clients.close();
            factory.close();
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
     * Creates the java21 zip function {@code name} as someone did before the plugin ran: the role, a handler and
     * placeholder code (moto stores it and never runs it); {@code more} sets anything else, or overrides these.
     * Returns its ARN.
     */
    public String createFunction(String name, Consumer<CreateFunctionRequest.Builder> more) {
        return clients.lambda()
                .createFunction(r -> more.accept(r.functionName(name)
                        .runtime("java21")
                        .role(role)
                        .handler("com.example.Handler::handleRequest")
                        .code(c -> c.zipFile(SdkBytes.fromUtf8String("not a real zip")))))
                .functionArn();
    }

    /** {@link #createFunction(String, Consumer)} with nothing more. */
    public String createFunction(String name) {
        return createFunction(name, r -> {});
    }

    @Override
    public void close() {
        clients.close();
        factory.close();
    }
}
