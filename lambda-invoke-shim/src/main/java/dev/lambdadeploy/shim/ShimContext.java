package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} of one local invocation; no Cognito identity or client context (plain Invoke has none). */
final class ShimContext implements Context {
    private final String requestId;
    private final String logGroup;
    private final String logStream;
    private final String functionName;
    private final String functionVersion;
    private final String arn;
    private final int memoryMb;
    private final long deadlineMillis;

    ShimContext(
            String requestId,
            String logGroup,
            String logStream,
            String functionName,
            String functionVersion,
            String arn,
            int memoryMb,
            long deadlineMillis) {
        this.requestId = requestId;
        this.logGroup = logGroup;
        this.logStream = logStream;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.arn = arn;
        this.memoryMb = memoryMb;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroup;
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public LambdaLogger getLogger() {
        return ShimLogger.INSTANCE;
    }

    @Override
    public String toString() {
        return "ShimContext[" + functionName + ", " + requestId + "]";
    }
}
