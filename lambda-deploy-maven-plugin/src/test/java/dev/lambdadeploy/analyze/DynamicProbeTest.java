package dev.lambdadeploy.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.invoke.InvokeResult;
import dev.lambdadeploy.invoke.InvokeTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicProbeTest {
    @TempDir
    Path dir;

    @Test
    void classLoadsAndTheTimeAfterThemAreChargedToTheirJar() throws IOException {
        Path jar = dir.resolve("opt/java/lib/heavy.jar");
        Path task = dir.resolve("task");
        Files.writeString(
                dir.resolve("cl.log"),
                String.join(
                        "\n",
                        "[1000000ns] java.lang.Object source: shared objects file",
                        "[2000000ns] app.Handler source: " + task.toUri(),
                        "[5000000ns] heavy.Init source: " + jar.toUri(),
                        "[45000000ns] java.util.Random source: jrt:/java.base",
                        "[46000000ns] heavy.Other source: " + jar.toUri(),
                        "[99000000000ns] late.Class source: " + jar.toUri(),
                        "not a class line"));
        List<ClassLoadLog.Event> events = ClassLoadLog.parse(dir.resolve("cl.log"));
        assertEquals(6, events.size());
        long spawn = 1_000_000_000L;
        // ready at 40 ms, invocations end at 50 ms and 60 ms (uptime ~ time since spawn)
        InvokeTimings t = new InvokeTimings(
                spawn, spawn + 1_500, spawn + 3_000, spawn + 40_000, List.of(spawn + 50_000, spawn + 60_000));
        InvokeResult r = new InvokeResult("ok", List.of("null"), t, null, null, null, 1, 1, null, List.of());
        DynamicProbe.Run run = DynamicProbe.attribute(
                r,
                events,
                Map.of(
                        jar.toAbsolutePath().normalize(),
                        "heavy.jar",
                        task.toAbsolutePath().normalize(),
                        "task/"));
        assertEquals(5, run.totalClasses(), "loads after the last invocation are outside the window");
        assertEquals(2, run.classes().get("heavy.jar"));
        assertEquals(40.0 + 14.0, run.millis().get("heavy.jar"), 0.001); // 5->45 ms, then 46->60 ms (window end)
        assertEquals(3.0, run.millis().get("task/"), 0.001);
        assertTrue(run.pauses().stream().anyMatch(p -> p.className().equals("heavy.Init") && p.millis() == 40.0));
        assertEquals(List.of(2.5), List.of(Stats.median(List.of(1, 4, 2, 3))));
    }
}
