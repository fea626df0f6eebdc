package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.UUID;

/** Function settings read from the Lambda environment variables the parent set, as Lambda's runtime reads them. */
final class ShimEnvironment {
    private final String functionName;
    private final String functionVersion;
    private final int memoryMb;
    private final String logGroup;
    private final String logStream;
    private final String region;
    private final long timeoutMs;
    private final String functionArn;

    private ShimEnvironment(Map<String, String> env, long timeoutMs, String functionArn) {
        this.functionName = env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        this.functionVersion = env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        this.memoryMb = Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        this.logGroup = env.getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        this.logStream = env.getOrDefault("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        this.region = env.getOrDefault("AWS_REGION", "us-east-1");
        this.timeoutMs = timeoutMs;
        this.functionArn = functionArn != null
                ? functionArn
                : "arn:" + partition(region) + ":lambda:" + region + ":000000000000:function:" + functionName;
    }

    /**
     * Only for a shim started by hand: the plugin passes the ARN in {@code lambdadeploy.functionArn}, in the partition
     * the AWS SDK gives the region (the shim runs beside the function's own jars and carries no SDK).
     */
    private static String partition(String region) {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    static ShimEnvironment fromSystem() {
        return new ShimEnvironment(
                System.getenv(),
                Long.getLong("lambdadeploy.timeoutMs", 900_000L),
                System.getProperty("lambdadeploy.functionArn"));
    }

    Context newContext() {
        return new ShimContext(
                UUID.randomUUID().toString(),
                logGroup,
                logStream,
                functionName,
                functionVersion,
                functionArn,
                memoryMb,
                System.currentTimeMillis() + timeoutMs);
    }
}
