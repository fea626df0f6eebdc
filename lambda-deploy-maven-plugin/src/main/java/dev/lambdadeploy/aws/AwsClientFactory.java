package dev.lambdadeploy.aws;

import dev.lambdadeploy.config.ConfigException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
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

    public AwsClientFactory(AwsSettings settings) {
        this.settings = settings;
        this.http = ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(settings.socketTimeout())
                .maxConnections(16)
                .build();
        this.credentials = settings.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
                : DefaultCredentialsProvider.builder().build();
    }

    public AwsClients clients(String region) {
        return new AwsClients(region,
                configure(LambdaClient.builder(), region).build(),
                configure(S3Client.builder(), region).forcePathStyle(settings.endpoint() != null).build(),
                configure(StsClient.builder(), region).build(),
                ecr(region));
    }

    /** ECR for container-image deploys (repositories, the registry login). */
    public EcrClient ecr(String region) {
        return configure(EcrClient.builder(), region).build();
    }

    /** SSM Parameter Store, for publishing layer version ARNs to other tools; the caller closes it. */
    public SsmClient ssm(String region) {
        return configure(SsmClient.builder(), region).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(settings.retryMode() == RetryStrategyMode.ADAPTIVE ? RetryMode.ADAPTIVE_V2
                                : RetryMode.STANDARD)
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
        throw new ConfigException(element, "no AWS region configured. Set <region>eu-west-1</region>, "
                + "-Dlambda.region=eu-west-1, the AWS_REGION environment variable, or a region in your AWS profile.");
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
