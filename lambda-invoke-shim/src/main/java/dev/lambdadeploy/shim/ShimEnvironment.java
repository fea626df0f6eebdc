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

    private ShimEnvironment(Map<String, String> env, long timeoutMs) {
        this.functionName = env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        this.functionVersion = env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        this.memoryMb = Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        this.logGroup = env.getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        this.logStream = env.getOrDefault("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        this.region = env.getOrDefault("AWS_REGION", "us-east-1");
        this.timeoutMs = timeoutMs;
    }

    static ShimEnvironment fromSystem() {
        return new ShimEnvironment(System.getenv(), Long.getLong("lambdadeploy.timeoutMs", 900_000L));
    }

    Context newContext() {
        String arn = "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
        return new ShimContext(UUID.randomUUID().toString(), logGroup, logStream, functionName, functionVersion, arn,
                memoryMb, System.currentTimeMillis() + timeoutMs);
    }
}
