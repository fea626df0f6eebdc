package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** Context's logger: one line per call on stdout, as each call is one log record on Lambda. */
final class ShimLogger implements LambdaLogger {
    static final ShimLogger INSTANCE = new ShimLogger();

    @Override
    public void log(String message) {
        String m = String.valueOf(message);
        System.out.print(m.endsWith("\n") ? m : m + "\n");
        System.out.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
