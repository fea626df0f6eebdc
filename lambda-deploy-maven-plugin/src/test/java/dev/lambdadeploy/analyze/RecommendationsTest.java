package dev.lambdadeploy.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.invoke.InvokeRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationsTest {
    private static AnalysisReport.UnitReport unit(
            String ga, String status, long bytes, double loaded, double ms, List<String> path, String fix) {
        String[] c = ga.split(":");
        return new AnalysisReport.UnitReport(
                "opt/java/lib/" + c[1] + ".jar",
                ga + ":1.0",
                "layer:deps",
                "java/lib/" + c[1] + ".jar",
                bytes,
                10,
                status.equals("unused") ? 0 : 5,
                List.of(),
                List.of(),
                loaded,
                ms,
                status,
                path,
                fix);
    }

    private static AnalysisRequest request(String runtime, String packageType, String toolOptions) {
        InvokeRequest inv = new InvokeRequest(
                "a.Handler",
                new byte[0],
                Path.of("java"),
                512,
                "fn",
                "us-east-1",
                Duration.ofSeconds(10),
                toolOptions == null ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", toolOptions),
                2,
                List.of(),
                "x");
        return new AnalysisRequest(null, null, null, inv, 3, List.of(), true, true, 20, runtime, packageType);
    }

    private static AnalysisReport.Probe probe(AnalysisReport.Comparison jit, AnalysisReport.Comparison unused) {
        return new AnalysisReport.Probe(
                3,
                3,
                512,
                "java",
                100,
                50,
                900,
                200,
                2,
                180,
                3000,
                List.of(),
                Map.of(),
                Map.of(),
                List.of(new DynamicProbe.Pause("a.Slow", "task/", 120)),
                jit,
                unused,
                List.of(),
                "null");
    }

    @Test
    void rankedByMeasuredTimeThenBytesWithExactFixes() {
        List<AnalysisReport.UnitReport> units = List.of(
                unit(
                        "g:big",
                        "unused",
                        8_000_000,
                        0,
                        0,
                        List.of("p:p:1", "g:big:1.0"),
                        Fixes.removal(new dev.lambdadeploy.manifest.JarRecord(
                                "g",
                                "big",
                                "1.0",
                                null,
                                "compile",
                                List.of("p:p:1", "g:big:1.0"),
                                "layer:deps",
                                "java/lib/big.jar",
                                1,
                                1,
                                false,
                                false,
                                false,
                                List.of()))),
                unit("g:carried", "unused", 1_000, 0, 0, List.of("p:p:1", "g:big:1.0", "g:carried:1.0"), "exclude it"),
                unit(
                        "software.amazon.awssdk:apache-client",
                        "service-only",
                        700_000,
                        0,
                        0,
                        List.of("p:p:1", "software.amazon.awssdk:s3:1", "software.amazon.awssdk:apache-client:1.0"),
                        null),
                unit(
                        "software.amazon.awssdk:url-connection-client",
                        "used",
                        100_000,
                        12,
                        3,
                        List.of("p:p:1", "software.amazon.awssdk:url-connection-client:1.0"),
                        null));
        AnalysisReport.Comparison jit = new AnalysisReport.Comparison("c2", List.of(), 3, 1000, 300, 900, 200, "ok");
        AnalysisReport.Comparison without =
                new AnalysisReport.Comparison("without", List.of("opt/java/lib/big.jar"), 3, 860, 200, 900, 200, "ok");
        List<AnalysisReport.Recommendation> recs = Recommendations.build(
                request("java21", "Zip", null),
                units,
                probe(jit, without),
                Map.of("a.Ids", Set.of("java.util.UUID.randomUUID")),
                new Duplicates.Result(List.of(), List.of()));
        List<String> ids = recs.stream().map(AnalysisReport.Recommendation::id).toList();
        // actions: snapstart 900 ms, heavy init 120 ms, unused 40 ms, then unmeasured by bytes; then the keep findings
        assertEquals(
                List.of(
                        "snapstart",
                        "heavy-static-init",
                        "remove-unused-jars",
                        "service-only-jars",
                        "one-http-client",
                        "tiered-stop-at-level-1",
                        "memory"),
                ids);
        AnalysisReport.Recommendation unused = recs.get(2);
        assertEquals(40.0, unused.measuredMs());
        assertEquals(8_001_000L, unused.bytes());
        assertEquals(
                "remove the <dependency> g:big from the POM",
                unused.action(),
                "g:carried goes with g:big: no change of its own");
        AnalysisReport.Recommendation http = recs.get(4);
        assertTrue(http.title().contains("url-connection-client"), http.title());
        assertTrue(
                http.action().startsWith("exclude apache-client under the <dependency> software.amazon.awssdk:s3;"),
                http.action());
        assertTrue(
                recs.get(0).detail().contains("a.Ids uses java.util.UUID.randomUUID"),
                recs.get(0).detail());
        assertEquals(1, recs.get(0).rank());
        assertTrue(
                recs.get(1).detail().contains("a.Slow (task/) 120 ms"),
                recs.get(1).detail());
        assertEquals("regions-2.41.18.jar", Recommendations.shortUnit("opt/java/lib/regions-2.41.18.jar"));
        // java21 already runs C1-only: a finding to keep, no JAVA_TOOL_OPTIONS to set, no "java11 only" caveat
        AnalysisReport.Recommendation c1 = recs.get(5);
        assertEquals("keep", c1.kind());
        assertNull(c1.action());
        assertTrue(c1.title().startsWith("Keep Lambda's C1-only JIT default: java21 already starts"), c1.title());
        // the probe ran at 512 MB and the peak (180 MB x 1.5 -> 320 MB) fits: one number, nothing to change
        AnalysisReport.Recommendation memory = recs.get(6);
        assertEquals("keep", memory.kind());
        assertEquals("Memory: 512 MB is enough (peak RSS 180 MB)", memory.title());
        assertNull(memory.action());
        // the POM changes of all actions, merged: g:big removed (g:carried with it), apache-client excluded once
        List<AnalysisReport.PomChange> pom = Recommendations.pomChanges(recs, units);
        assertEquals(2, pom.size(), pom::toString);
        assertEquals(new AnalysisReport.PomChange("g:big", "remove", List.of(), null), pom.get(0));
        assertEquals(List.of("software.amazon.awssdk:apache-client"), pom.get(1).exclusions());
    }

    @Test
    void oneExclusionsBlockPerDirectDependencyListingEveryJar() {
        List<AnalysisReport.UnitReport> units = List.of(
                unit(
                        "io.netty:netty-codec",
                        "unused",
                        1000,
                        0,
                        0,
                        List.of(
                                "p:p:1",
                                "org.springframework.cloud:spring-cloud-function-web:4",
                                "io.projectreactor.netty:reactor-netty:1",
                                "io.netty:netty-codec:1.0"),
                        "x"),
                unit(
                        "io.netty:netty-handler",
                        "unused",
                        1000,
                        0,
                        0,
                        List.of(
                                "p:p:1",
                                "org.springframework.cloud:spring-cloud-function-web:4",
                                "io.netty:netty-handler:1.0"),
                        "x"),
                unit(
                        "io.netty:netty-buffer",
                        "unused",
                        1000,
                        0,
                        0,
                        List.of(
                                "p:p:1",
                                "org.springframework.cloud:spring-cloud-function-web:4",
                                "io.netty:netty-handler:1.0",
                                "io.netty:netty-buffer:1.0"),
                        "x"),
                unit(
                        "org.yaml:snakeyaml",
                        "unused",
                        1000,
                        0,
                        0,
                        List.of("p:p:1", "org.springframework.boot:spring-boot:3", "org.yaml:snakeyaml:1.0"),
                        "x"));
        List<AnalysisReport.PomChange> pom = Fixes.pomChanges(units);
        assertEquals(
                List.of("org.springframework.cloud:spring-cloud-function-web", "org.springframework.boot:spring-boot"),
                pom.stream().map(AnalysisReport.PomChange::dependency).toList());
        AnalysisReport.PomChange web = pom.get(0);
        // netty-buffer arrives through netty-handler, which goes: no exclusion of its own
        assertEquals(List.of("io.netty:netty-codec", "io.netty:netty-handler"), web.exclusions());
        assertEquals(
                "<exclusions>\n"
                        + "  <exclusion><groupId>io.netty</groupId><artifactId>netty-codec</artifactId></exclusion>\n"
                        + "  <exclusion><groupId>io.netty</groupId><artifactId>netty-handler</artifactId></exclusion>\n"
                        + "</exclusions>",
                web.xml());
        assertEquals(
                "exclude netty-codec, netty-handler under the <dependency> "
                        + "org.springframework.cloud:spring-cloud-function-web; exclude snakeyaml under the <dependency> "
                        + "org.springframework.boot:spring-boot",
                Fixes.summary(pom));
    }

    @Test
    void aDifferenceWithinTheSpreadOfTheRunsIsNoMeasurableGain() {
        // java11: C1-only must be set by hand; here it measured 319 ms slower, inside a ±400 ms spread
        AnalysisReport.Comparison jit =
                new AnalysisReport.Comparison("c2", List.of(), 5, 800, 200, 1100, 219, "ok", 300, 400);
        AnalysisReport.Comparison without = new AnalysisReport.Comparison(
                "without", List.of("opt/java/lib/big.jar"), 5, 700, 200, 900, 200, "ok", 30, 40);
        List<AnalysisReport.UnitReport> units =
                List.of(unit("g:big", "unused", 8_000, 0, 0, List.of("p:p:1", "g:big:1.0"), "remove"));
        List<AnalysisReport.Recommendation> recs = Recommendations.build(
                request("java11", "Zip", null),
                units,
                probe(jit, without),
                Map.of(),
                new Duplicates.Result(List.of(), List.of()));
        AnalysisReport.Recommendation tip = recs.stream()
                .filter(r -> r.id().equals("tiered-stop-at-level-1"))
                .findFirst()
                .orElseThrow();
        assertEquals("action", tip.kind());
        assertEquals("JAVA_TOOL_OPTIONS=-XX:+TieredCompilation -XX:TieredStopAtLevel=1", tip.action());
        assertNull(tip.measuredMs(), "no gain to rank by");
        assertTrue(tip.measured().startsWith("no measurable gain"), tip.measured());
        assertTrue(tip.measured().contains("within the run-to-run spread ±400 ms"), tip.measured());
        AnalysisReport.Recommendation unused = recs.stream()
                .filter(r -> r.id().equals("remove-unused-jars"))
                .findFirst()
                .orElseThrow();
        assertEquals(200.0, unused.measuredMs());
        assertTrue(
                unused.measured()
                        .startsWith(
                                "200 ms faster (init 900 ms -> 700 ms, median of 5; run-to-run spread" + " ±30 ms)"),
                unused.measured());
    }

    @Test
    void memoryBelowThePeakWithHeadroomGetsOneNumber() {
        InvokeRequest inv = new InvokeRequest(
                "a.Handler",
                new byte[0],
                Path.of("java"),
                256,
                "fn",
                "us-east-1",
                Duration.ofSeconds(10),
                Map.of(),
                2,
                List.of(),
                "x");
        AnalysisRequest req = new AnalysisRequest(null, null, null, inv, 3, List.of(), true, true, 20, "java21", "Zip");
        AnalysisReport.Recommendation memory = Recommendations.build(
                        req, List.of(), probe(null, null), Map.of(), new Duplicates.Result(List.of(), List.of()))
                .stream()
                .filter(r -> r.id().equals("memory"))
                .findFirst()
                .orElseThrow();
        assertEquals("action", memory.kind());
        assertEquals("<memorySize>320</memorySize>", memory.action());
        assertEquals("Memory: set 320 MB (peak RSS 180 MB leaves too little headroom in 256 MB)", memory.title());
    }

    @Test
    void snapStartIneligibilityIsExplainedAndOverriddenJitFlagsAreCalledOut() {
        List<AnalysisReport.Recommendation> recs = Recommendations.build(
                request("java8.al2", "Image", "-XX:-TieredCompilation"),
                List.of(),
                probe(null, null),
                Map.of(),
                new Duplicates.Result(List.of(), List.of()));
        AnalysisReport.Recommendation snap = recs.stream()
                .filter(r -> r.id().equals("snapstart"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "SnapStart not available: runtime java8.al2 (SnapStart needs java11 or later); container images"
                        + " are not supported",
                snap.title());
        AnalysisReport.Recommendation jit = recs.stream()
                .filter(r -> r.id().equals("tiered-stop-at-level-1"))
                .findFirst()
                .orElseThrow();
        assertTrue(jit.title().startsWith("Drop the JAVA_TOOL_OPTIONS"), jit.title());
    }
}
