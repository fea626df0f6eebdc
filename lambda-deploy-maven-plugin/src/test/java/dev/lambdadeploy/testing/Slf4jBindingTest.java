package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * The AWS SDK and Jib log through SLF4J; without a binding on the test class path SLF4J 1.7 prints "Failed to load
 * class org.slf4j.impl.StaticLoggerBinder" into the test output. The binding must match the API's version.
 */
class Slf4jBindingTest {
    @Test
    void theTestClassPathHasABindingOfTheApisVersion() throws Exception {
        Class<?> binder = Class.forName("org.slf4j.impl.StaticLoggerBinder");
        String api = org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion();
        String binding = binder.getPackage().getImplementationVersion();
        assertNotNull(api, "slf4j-api's manifest names its version");
        assertEquals(
                api, binding, "slf4j-nop must match the slf4j-api maven-core brings (slf4j.version in the root POM)");
        assertEquals(
                "org.slf4j.helpers.NOPLoggerFactory",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
