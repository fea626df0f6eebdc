package dev.lambdadeploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.config.ConfigException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class RetryAttemptsTest {
    static final Map<String, String> NO_ENV = Map.of();

    @Test
    void thePomWinsThenTheSystemPropertyThenTheEnvironmentThenTheProfile() {
        assertEquals(3, RetryAttempts.resolve(3, k -> "9", Map.of("AWS_MAX_ATTEMPTS", "6"), Optional.of("5")));
        assertEquals(
                9,
                RetryAttempts.resolve(
                        null,
                        k -> k.equals("aws.maxAttempts") ? "9" : null,
                        Map.of("AWS_MAX_ATTEMPTS", "6"),
                        Optional.of("5")));
        assertEquals(6, RetryAttempts.resolve(null, k -> null, Map.of("AWS_MAX_ATTEMPTS", "6"), Optional.of("5")));
        assertEquals(5, RetryAttempts.resolve(null, k -> null, NO_ENV, Optional.of("5")));
        assertEquals(RetryAttempts.DEFAULT, RetryAttempts.resolve(null, k -> null, NO_ENV, Optional.empty()));
        assertTrue(RetryAttempts.DEFAULT > 3, "three transient failures in a row must not fail a deploy");
    }

    @Test
    void nonsenseIsRefusedNamingWhereItCameFrom() {
        ConfigException pom = assertThrows(
                ConfigException.class, () -> RetryAttempts.resolve(0, k -> null, NO_ENV, Optional.empty()));
        assertTrue(pom.getMessage().contains("lambda.aws.maxAttempts"), pom.getMessage());
        ConfigException env = assertThrows(
                ConfigException.class,
                () -> RetryAttempts.resolve(null, k -> null, Map.of("AWS_MAX_ATTEMPTS", "lots"), Optional.empty()));
        assertTrue(env.getMessage().contains("AWS_MAX_ATTEMPTS is 'lots'"), env.getMessage());
    }

    @Test
    void transientFailuresAreThrottlingServerErrorsAndBrokenConnections() {
        assertTrue(IdempotentCall.isTransient(service(429, "TooManyRequestsException")));
        assertTrue(IdempotentCall.isTransient(service(503, "ServiceException")));
        assertTrue(IdempotentCall.isTransient(
                SdkClientException.create("Unable to execute HTTP request", new IOException("Connection reset"))));
        assertFalse(IdempotentCall.isTransient(service(400, "InvalidParameterValueException")));
        assertFalse(IdempotentCall.isTransient(service(403, "AccessDeniedException")));
    }

    @Test
    void aNonIdempotentCallIsRepeatedOnlyWhenTheRecheckFindsNothing() {
        int[] calls = {0};
        String found = IdempotentCall.run(
                "lambda:PublishVersion",
                "function f",
                5,
                () -> {
                    calls[0]++;
                    throw SdkClientException.create("reset", new IOException("Connection reset"));
                },
                () -> Optional.of("7"));
        assertEquals("7", found);
        assertEquals(1, calls[0], "the failed attempt had published: no second call");

        int[] tries = {0};
        String second = IdempotentCall.run(
                "lambda:PublishVersion",
                "function f",
                5,
                () -> {
                    if (++tries[0] < 3) {
                        throw service(503, "ServiceException");
                    }
                    return "8";
                },
                Optional::empty);
        assertEquals("8", second);
        assertEquals(3, tries[0]);

        AwsCallException denied = assertThrows(
                AwsCallException.class,
                () -> IdempotentCall.run(
                        "lambda:CreateFunction",
                        "function f",
                        5,
                        () -> {
                            throw service(403, "AccessDeniedException");
                        },
                        () -> Optional.of("never asked")));
        assertEquals("AccessDeniedException", denied.errorCode());
    }

    static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code)
                        .build())
                .build();
    }
}
