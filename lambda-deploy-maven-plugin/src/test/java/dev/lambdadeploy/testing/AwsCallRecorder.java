package dev.lambdadeploy.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call any SDK client in the test JVM makes while a recording is open: service, operation,
 * region, endpoint port and the request. Registered for all clients by
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath, so the engine's own
 * clients are recorded without any hook in the engine. Only calls to {@link #start(int) the given port} count, so
 * a recording sees one test's moto_server only.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    /** One call as the SDK made it. */
    public record Call(String service, String operation, String region, SdkRequest request) {
        public <T> T field(String name, Class<T> type) {
            return request.getValueForField(name, type).orElse(null);
        }

        @Override
        public String toString() {
            return service + "." + operation + " in " + region;
        }
    }

    private static final Object LOCK = new Object();
    private static List<Call> calls;
    private static int port;

    /** Opens a recording of the calls to {@code 127.0.0.1:<port>}. */
    public static void start(int endpointPort) {
        synchronized (LOCK) {
            calls = new ArrayList<>();
            port = endpointPort;
        }
    }

    /** Closes the recording and returns its calls, in order. */
    public static List<Call> stop() {
        synchronized (LOCK) {
            List<Call> out = calls == null ? List.of() : List.copyOf(calls);
            calls = null;
            return out;
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        synchronized (LOCK) {
            if (calls == null || context.httpRequest().port() != port) {
                return;
            }
            var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
            Call call = new Call(
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    region == null ? null : region.id(),
                    context.request());
            // a retried call is one call to IAM: count the first attempt only
            if (!calls.isEmpty() && calls.get(calls.size() - 1).request() == context.request()) {
                return;
            }
            calls.add(call);
        }
    }
}
