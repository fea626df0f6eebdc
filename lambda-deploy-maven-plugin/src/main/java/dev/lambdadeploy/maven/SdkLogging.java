package dev.lambdadeploy.maven;

/**
 * Keeps secrets out of {@code mvn -X} output: at debug level the SDK's SigV4 signer logs the canonical request,
 * which holds the session token, and Apache HttpClient logs headers and wire data. Maven's slf4j binding reads
 * per-logger levels from system properties when a logger is first created, so this must run before the first AWS
 * client is built. A level the user set explicitly is left alone.
 */
final class SdkLogging {
    private static final String[] SECRET_BEARING_LOGGERS = {
        "software.amazon.awssdk.http.auth",
        "software.amazon.awssdk.auth.signer",
        "org.apache.http.wire",
        "org.apache.http.headers"
    };

    private SdkLogging() {}

    static void quietSecretBearingLoggers() {
        for (String logger : SECRET_BEARING_LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
            }
        }
    }
}
