package dev.lambdadeploy.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.log.BuildLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the fixture handlers in real fresh JVMs through the shim (a few hundred ms each). */
class LambdaInvokerTest {
    @TempDir
    static Path root;

    static LambdaLayout layout;

    @BeforeAll
    static void layout() throws IOException {
        Path task = root.resolve("task");
        Path classes = Path.of("target/test-classes");
        Path fixtures = classes.resolve("dev/lambdadeploy/invoke/fixtures");
        try (Stream<Path> s = Files.list(fixtures)) {
            for (Path f : s.toList()) {
                Path to = task.resolve(classes.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Files.createDirectories(root.resolve("opt/java/lib"));
        layout = new LambdaLayout(
                root,
                task,
                root.resolve("opt"),
                List.of(new LambdaLayout.Entry(task, "function classes (task/)", null)));
    }

    private static InvokeRequest request(String handler, String event) {
        return new InvokeRequest(
                handler,
                event.getBytes(StandardCharsets.UTF_8),
                InvokeRequest.currentJava(),
                256,
                "fixture-fn",
                "eu-west-1",
                Duration.ofSeconds(60),
                Map.of(),
                2,
                List.of(),
                handler.replaceAll("[^A-Za-z]", ""));
    }

    private static InvokeResult run(String handler, String event) throws InvokeException {
        return new LambdaInvoker(BuildLog.silent()).run(layout, request(handler, event), false);
    }

    @Test
    void requestHandlerSerializesPojoOutputLikeLambda() throws Exception {
        InvokeResult r = run("dev.lambdadeploy.invoke.fixtures.GreetingHandler", "{\"name\":\"Ada\"}");
        assertEquals("ok", r.outcome(), r.errorStackTrace());
        assertEquals(
                "{\"message\":\"Hello, Ada from fixture-fn in eu-west-1 task=true\",\"memory\":256}", r.response());
        assertEquals(2, r.responses().size());
        InvokeTimings t = r.timings();
        assertTrue(
                t.jvmStartMs() > 0 && t.handlerClassMs() >= 0 && t.invokeMs(1) >= 0 && t.invokeMs(2) >= 0, t::toString);
        assertTrue(t.initMs() >= t.jvmStartMs() + t.handlerClassMs() - 0.001, t::toString);
    }

    @Test
    void contextArnIsInThePartitionOfTheRegion() throws Exception {
        for (String[] regionAndPartition :
                new String[][] {{"cn-north-1", "aws-cn"}, {"us-gov-west-1", "aws-us-gov"}, {"eu-west-1", "aws"}}) {
            String region = regionAndPartition[0];
            InvokeRequest base = request("dev.lambdadeploy.invoke.fixtures.ContextArnHandler", "{}");
            InvokeRequest req = new InvokeRequest(
                    base.handler(),
                    base.event(),
                    base.javaExecutable(),
                    base.memoryMb(),
                    base.functionName(),
                    region,
                    base.timeout(),
                    base.environment(),
                    1,
                    base.extraJvmArgs(),
                    "ContextArn-" + region);
            String arn = "arn:" + regionAndPartition[1] + ":lambda:" + region + ":000000000000:function:fixture-fn";
            // the plugin hands the shim the SDK's partition of the region
            assertTrue(new LambdaInvoker(BuildLog.silent())
                    .command(layout, req, root.resolve("e"), root.resolve("r"))
                    .contains("-Dlambdadeploy.functionArn=" + arn));
            InvokeResult r = new LambdaInvoker(BuildLog.silent()).run(layout, req, false);
            assertEquals("ok", r.outcome(), r.errorStackTrace());
            assertEquals("\"" + arn + "\"", r.response());
        }
    }

    @Test
    void streamHandlerGetsRawBytes() throws Exception {
        InvokeResult r = run("dev.lambdadeploy.invoke.fixtures.UpperStreamHandler", "{\"a\":\"b\"}");
        assertEquals("{\"A\":\"B\"}", r.response());
    }

    @Test
    void methodHandlersDeserializeStringsAndListsAsJson() throws Exception {
        assertEquals(
                "\"HEY!\"",
                run("dev.lambdadeploy.invoke.fixtures.PlainMethods::shout", "\"hey\"")
                        .response());
        assertEquals(
                "3",
                run("dev.lambdadeploy.invoke.fixtures.PlainMethods::count", "[1,2,3]")
                        .response());
    }

    @Test
    void handlerExceptionCarriesTheHandlersStackTraceNotTheShims() throws Exception {
        InvokeResult r = run("dev.lambdadeploy.invoke.fixtures.PlainMethods::fail", "\"x\"");
        assertEquals("handlerError", r.outcome());
        InvokeException e = assertThrows(InvokeException.class, () -> LambdaInvoker.requireSuccess(r, layout, "h"));
        assertTrue(e.handlerFault());
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: handler failed on x"), e.getMessage());
        assertTrue(
                e.getMessage().contains("at dev.lambdadeploy.invoke.fixtures.PlainMethods$Deep.explode"),
                e.getMessage());
        assertFalse(e.getMessage().contains("dev.lambdadeploy.shim"), e.getMessage());
        assertFalse(e.getMessage().contains("reflect"), e.getMessage());
    }

    @Test
    void missingHandlerClassGetsAClearMessageWithASuggestion() throws Exception {
        InvokeResult r = run("com.example.GreetingHandler::handleRequest", "{}");
        assertEquals("handlerNotFound", r.outcome());
        InvokeException e = assertThrows(
                InvokeException.class,
                () -> LambdaInvoker.requireSuccess(r, layout, "com.example.GreetingHandler::handleRequest"));
        assertTrue(
                e.getMessage().contains("Handler class 'com.example.GreetingHandler' was not found"), e.getMessage());
        assertTrue(
                e.getMessage().contains("Did you mean dev.lambdadeploy.invoke.fixtures.GreetingHandler?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<handler>"), e.getMessage());
    }

    @Test
    void classWithoutHandlerInterfaceAsksForTheMethodForm() throws Exception {
        InvokeResult r = run("dev.lambdadeploy.invoke.fixtures.PlainMethods", "{}");
        assertEquals("badHandler", r.outcome());
        assertTrue(r.errorMessage().contains("PlainMethods::handleRequest"), r.errorMessage());
    }

    @Test
    void environmentHasLambdaVariablesAndNoRealCredentials() {
        Map<String, String> env = LambdaInvoker.lambdaEnvironment(
                layout, request("a.B", "{}").withEnvironment(Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1")));
        assertEquals("a.B", env.get("_HANDLER"));
        assertEquals("fixture-fn", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("256", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("-XX:TieredStopAtLevel=1", env.get("JAVA_TOOL_OPTIONS"));
        assertEquals(layout.task().toAbsolutePath().toString(), env.get("LAMBDA_TASK_ROOT"));
        assertTrue(env.get("AWS_ACCESS_KEY_ID").startsWith("AKIDLOCAL"));
        assertTrue(LambdaInvoker.lambdaJvmFlags(512).contains("-XX:MaxHeapSize=445645k"));
    }
}
