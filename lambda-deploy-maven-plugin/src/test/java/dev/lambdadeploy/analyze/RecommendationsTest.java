package dev.lambdadeploy.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.invoke.InvokeRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationsTest {
    private static AnalysisReport.UnitReport unit(String ga, String status, long bytes, double loaded, double ms,
            List<String> path, String fix) {
        String[] c = ga.split(":");
        return new AnalysisReport.UnitReport("opt/java/lib/" + c[1] + ".jar", ga + ":1.0", "layer:deps",
                "java/lib/" + c[1] + ".jar", bytes, 10, status.equals("unused") ? 0 : 5, List.of(), List.of(), loaded,
                ms, status, path, fix);
    }

    private static AnalysisRequest request(String runtime, String packageType, String toolOptions) {
        InvokeRequest inv = new InvokeRequest("a.Handler", new byte[0], Path.of("java"), 512, "fn", "us-east-1",
                Duration.ofSeconds(10), toolOptions == null ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", toolOptions), 2,
                List.of(), "x");
        return new AnalysisRequest(null, null, null, inv, 3, List.of(), true, true, 20, runtime, packageType);
    }

    private static AnalysisReport.Probe probe(AnalysisReport.Comparison jit, AnalysisReport.Comparison unused) {
        return new AnalysisReport.Probe(3, 512, "java", 100, 50, 900, 200, 2, 180, 3000, List.of(), Map.of(),
                Map.of(), List.of(new DynamicProbe.Pause("a.Slow", "task/", 120)), jit, unused, List.of(), "null");
    }

    @Test
    void rankedByMeasuredTimeThenBytesWithExactFixes() {
        List<AnalysisReport.UnitReport> units = List.of(
                unit("g:big", "unused", 8_000_000, 0, 0, List.of("p:p:1", "g:big:1.0"),
                        Fixes.removal(new dev.lambdadeploy.manifest.JarRecord("g", "big", "1.0", null, "compile",
                                List.of("p:p:1", "g:big:1.0"), "layer:deps", "java/lib/big.jar", 1, 1, false, false,
                                false, List.of()))),
                unit("g:carried", "unused", 1_000, 0, 0, List.of("p:p:1", "g:big:1.0", "g:carried:1.0"), "exclude it"),
                unit("software.amazon.awssdk:apache-client", "service-only", 700_000, 0, 0,
                        List.of("p:p:1", "software.amazon.awssdk:s3:1", "software.amazon.awssdk:apache-client:1.0"),
                        null),
                unit("software.amazon.awssdk:url-connection-client", "used", 100_000, 12, 3,
                        List.of("p:p:1", "software.amazon.awssdk:url-connection-client:1.0"), null));
        AnalysisReport.Comparison jit = new AnalysisReport.Comparison("c2", List.of(), 3, 1000, 300, 900, 200, "ok");
        AnalysisReport.Comparison without = new AnalysisReport.Comparison("without", List.of("opt/java/lib/big.jar"),
                3, 860, 200, 900, 200, "ok");
        List<AnalysisReport.Recommendation> recs = Recommendations.build(request("java21", "Zip", null), units,
                probe(jit, without), Map.of("a.Ids", Set.of("java.util.UUID.randomUUID")),
                new Duplicates.Result(List.of(), List.of()));
        List<String> ids = recs.stream().map(AnalysisReport.Recommendation::id).toList();
        // snapstart 900 ms, tiered 200 ms, heavy init 120 ms, unused 40 ms, http client 0 ms, then unmeasured
        assertEquals(List.of("snapstart", "tiered-stop-at-level-1", "heavy-static-init", "remove-unused-jars",
                "one-http-client", "service-only-jars", "memory"), ids);
        AnalysisReport.Recommendation unused = recs.get(3);
        assertEquals(40.0, unused.measuredMs());
        assertEquals(8_001_000L, unused.bytes());
        assertEquals("remove the <dependency> g:big from the POM", unused.action(),
                "g:carried goes with g:big: no change of its own");
        AnalysisReport.Recommendation http = recs.get(4);
        assertTrue(http.title().contains("url-connection-client"), http.title());
        assertTrue(http.action().startsWith("add to software.amazon.awssdk:s3: <exclusions><exclusion><groupId>"
                + "software.amazon.awssdk</groupId><artifactId>apache-client</artifactId>"), http.action());
        assertTrue(recs.get(0).detail().contains("a.Ids uses java.util.UUID.randomUUID"), recs.get(0).detail());
        assertEquals(1, recs.get(0).rank());
        assertEquals("Memory: at least 320 MB (peak RSS 180 MB at 512 MB)", recs.get(6).title());
    }

    @Test
    void snapStartIneligibilityIsExplainedAndOverriddenJitFlagsAreCalledOut() {
        List<AnalysisReport.Recommendation> recs = Recommendations.build(
                request("java8.al2", "Image", "-XX:-TieredCompilation"), List.of(), probe(null, null), Map.of(),
                new Duplicates.Result(List.of(), List.of()));
        AnalysisReport.Recommendation snap = recs.stream().filter(r -> r.id().equals("snapstart")).findFirst()
                .orElseThrow();
        assertEquals("SnapStart not available: runtime java8.al2 (SnapStart needs java11 or later); container images"
                + " are not supported", snap.title());
        AnalysisReport.Recommendation jit = recs.stream().filter(r -> r.id().equals("tiered-stop-at-level-1"))
                .findFirst().orElseThrow();
        assertTrue(jit.title().startsWith("Drop the JAVA_TOOL_OPTIONS"), jit.title());
    }
}
