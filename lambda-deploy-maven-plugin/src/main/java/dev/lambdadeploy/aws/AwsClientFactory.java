package dev.lambdadeploy.aws;

import dev.lambdadeploy.config.ConfigException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients for a region: one explicit HTTP client (apache, shared), credentials from the named profile
 * or the default chain (environment, profiles incl. SSO, web identity, container and instance roles), the endpoint
 * override for every service (path-style S3 then, as local servers have no virtual-host DNS) and the retry strategy.
 */
public final class AwsClientFactory implements AutoCloseable {
    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final int maxAttempts;
    private final AwsCallCounter counter = new AwsCallCounter();

    public AwsClientFactory(AwsSettings settings) {
        this.settings = settings;
        this.http = ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(settings.socketTimeout())
                .maxConnections(16)
                .build();
        this.credentials = settings.profile() != null
                ? ProfileCredentialsProvider.builder()
                        .profileName(settings.profile())
                        .build()
                : DefaultCredentialsProvider.builder().build();
        this.maxAttempts = RetryAttempts.resolve(
                settings.maxAttempts(), System::getProperty, System.getenv(), profileMaxAttempts(settings.profile()));
    }

    /** Attempts each call gets (retries included), as resolved by {@link RetryAttempts}. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The calls and attempts every client of this factory made so far. */
    public AwsCallCounter counter() {
        return counter;
    }

    public AwsClients clients(String region) {
        return new AwsClients(
                region,
                configure(LambdaClient.builder(), region, maxAttempts).build(),
                configure(LambdaClient.builder(), region, 1).build(),
                configure(S3Client.builder(), region, maxAttempts)
                        .forcePathStyle(settings.endpoint() != null)
                        .build(),
                configure(StsClient.builder(), region, maxAttempts).build(),
                ecr(region));
    }

    /** ECR for container-image deploys (repositories, the registry login). */
    public EcrClient ecr(String region) {
        return configure(EcrClient.builder(), region, maxAttempts).build();
    }

    /** SSM Parameter Store, for publishing layer version ARNs to other tools; the caller closes it. */
    public SsmClient ssm(String region) {
        return configure(SsmClient.builder(), region, maxAttempts).build();
    }

    /**
     * @param attempts 1 for the client of calls that are not idempotent (PublishLayerVersion, PublishVersion,
     *                 CreateFunction): the SDK must not repeat them blindly, {@link IdempotentCall} re-reads first
     */
    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, int attempts) {
        RetryStrategy strategy = settings.retryMode() == RetryStrategyMode.ADAPTIVE
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(attempts)
                        .build()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(attempts)
                        .build();
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(strategy)
                        .addExecutionInterceptor(counter)
                        .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    /**
     * The region to deploy to when none is configured: the default region chain (AWS_REGION, the profile's region,
     * instance metadata), or the named profile's region.
     */
    public static String defaultRegion(String profile, String element) {
        try {
            Region r = profile != null
                    ? new AwsProfileRegionProvider(() -> ProfileFile.defaultProfileFile(), profile).getRegion()
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
            if (r != null) {
                return r.id();
            }
        } catch (SdkClientException | IllegalStateException e) {
            // fall through to the message below
        }
        throw new ConfigException(
                element,
                "no AWS region configured. Set <region>eu-west-1</region>, "
                        + "-Dlambda.region=eu-west-1, the AWS_REGION environment variable, or a region in your AWS profile.");
    }

    private static java.util.Optional<String> profileMaxAttempts(String profile) {
        try {
            String name = profile != null
                    ? profile
                    : System.getenv().getOrDefault("AWS_PROFILE", System.getProperty("aws.profile", "default"));
            return ProfileFile.defaultProfileFile().profile(name).flatMap(p -> p.property("max_attempts"));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // an unreadable profile file is the credentials chain's to report
        }
    }

    @Override
    public void close() {
        http.close();
        if (credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing to release that matters
            }
        }
    }
}
