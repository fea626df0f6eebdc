package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.analyze.AnalysisReport;
import dev.lambdadeploy.analyze.Duplicates;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A Spring-sized analysis (76 jars, many unused under one starter) read at a glance in the console and HTML. */
class AnalysisSummaryTest {
    static final String WEB = "org.springframework.cloud:spring-cloud-function-web:4.1.0";

    static AnalysisReport report() {
        List<AnalysisReport.UnitReport> units = new ArrayList<>();
        units.add(new AnalysisReport.UnitReport(
                "function classes (task/)",
                null,
                "function",
                null,
                20_000,
                10,
                10,
                List.of(),
                List.of(),
                10.0,
                5.0,
                "function",
                List.of(),
                null));
        for (int i = 0; i < 76; i++) {
            String status = i < 20 ? "unused" : i < 22 ? "static-only" : "used";
            String a = "netty-part-" + i;
            List<String> path = List.of(
                    "com.example:demo:1.0",
                    WEB,
                    "io.projectreactor.netty:reactor-netty-http:1.1",
                    "io.netty:" + a + ":4.1.100");
            units.add(new AnalysisReport.UnitReport(
                    "opt/java/lib/" + a + "-4.1.100.jar",
                    "io.netty:" + a + ":4.1.100",
                    "layer:deps",
                    "java/lib/" + a + "-4.1.100.jar",
                    100_000 + i,
                    50,
                    "unused".equals(status) ? 0 : 10,
                    List.of(),
                    List.of(),
                    "unused".equals(status) ? 0.0 : 5.0,
                    (double) i,
                    status,
                    path,
                    "unused".equals(status) ? "exclude io.netty:" + a + " under the <dependency> " + WEB : null));
        }
        List<String> removes = units.stream()
                .filter(u -> "unused".equals(u.status()))
                .map(u -> "io.netty:" + u.coordinates().split(":")[1])
                .toList();
        List<AnalysisReport.Recommendation> recs = List.of(
                new AnalysisReport.Recommendation(
                        1,
                        "remove-unused-jars",
                        "action",
                        "Remove 20 unused jar(s), 1.9 MiB" + " unzipped",
                        "detail",
                        40.0,
                        "40 ms faster",
                        2_000_000L,
                        "exclude 20 jars",
                        removes),
                new AnalysisReport.Recommendation(
                        2,
                        "tiered-stop-at-level-1",
                        "keep",
                        "Keep Lambda's C1-only JIT"
                                + " default: java21 already starts the JVM with -XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                        "Nothing to set.",
                        null,
                        "no measurable gain",
                        null,
                        null,
                        List.of()));
        List<AnalysisReport.PomChange> pom = List.of(new AnalysisReport.PomChange(
                "org.springframework.cloud:spring-cloud-function-web",
                "exclude",
                removes,
                "<exclusions>\n"
                        + String.join(
                                "\n",
                                removes.stream()
                                        .map(g -> "  <exclusion><groupId>io.netty" + "</groupId><artifactId>"
                                                + g.split(":")[1] + "</artifactId></exclusion>")
                                        .toList())
                        + "\n</exclusions>"));
        AnalysisReport.Probe probe = new AnalysisReport.Probe(
                5,
                5,
                512,
                "java",
                120,
                31,
                900,
                20,
                2,
                150,
                9000,
                List.of(new AnalysisReport.Segment("JVM start", 0, 120)),
                Map.of(),
                Map.of(),
                List.of(),
                null,
                null,
                List.of(),
                "null");
        return new AnalysisReport(
                1,
                "com.example.Handler",
                new ProjectInfo("com.example", "demo", "1.0"),
                new AnalysisReport.Totals(8_000_000, 76, 3800, 600, 20, 2_000_000),
                units,
                new Duplicates.Result(List.of(), List.of()),
                probe,
                recs,
                pom,
                List.of("a note"));
    }

    @Test
    void consoleIsACompactTableActionsKeepFindingsAndOneExclusionsBlock() {
        List<String> lines =
                AnalysisSummary.render(report(), "target/lambda/analysis.json", "target/lambda/analysis.html");
        String text = String.join("\n", lines);
        assertTrue(lines.size() < 60, "at a glance: " + lines.size() + " lines\n" + text);
        for (String l : lines) {
            assertTrue(l.length() <= 200, "no line of thousands of characters: " + l);
        }
        assertTrue(
                text.contains("Cold start of com.example.Handler (median of 5 run(s) without class-load logging,"
                        + " 512 MB):\n  JVM start 120 ms -> handler class ready 31 ms -> init done at 900 ms"),
                text);
        assertTrue(
                lines.contains("Jars (15 of 76: not plainly used, or the slowest to load; all in the HTML report):"),
                text);
        assertTrue(
                text.matches("(?s).*\\n  JAR +STATUS +SIZE +LOADED +TIME\\n  netty-part-19-4\\.1\\.100\\.jar +unused +"
                        + "97\\.7 KiB +0/50 +19 ms\\n.*"),
                text);
        assertFalse(text.contains("reactor-netty-http"), "no dependency paths in the console: " + text);
        // after the jars that are not plainly used come the slowest used ones
        assertTrue(text.contains("\n  netty-part-75-4.1.100.jar "), text);
        assertFalse(text.contains("\n  netty-part-70-4.1.100.jar "), text);
        assertEquals(1, count(text, "<exclusions>"), "one block for the one direct dependency: " + text);
        assertEquals(20, count(text, "<exclusion>"), text);
        int actions = lines.indexOf("Actions (ranked by measured time, then size):");
        int keep = lines.indexOf("Keep as is:");
        assertTrue(actions >= 0 && keep > actions, text);
        assertTrue(lines.get(keep + 1).startsWith("  - Keep Lambda's C1-only JIT default"), text);
        assertFalse(lines.get(actions + 1).contains("Keep"), text);
    }

    @Test
    void htmlShowsThePomChangesOnceAndKeepFindingsApart() {
        String html = AnalysisHtml.render(report());
        assertEquals(1, count(html, "&lt;exclusions&gt;"), "one block, not one per jar or per recommendation");
        assertEquals(1, count(html, "<ul id=\"keep\"><li class=\"rec keep\" data-id=\"tiered-stop-at-level-1\">"));
        assertTrue(
                html.contains("<ol id=\"recommendations\"><li class=\"rec action\" data-id=\"remove-unused-jars\">"),
                html);
        assertFalse(html.contains("handler class ready +"), "the same words as lambda:invoke");
        assertTrue(html.contains("Keep Lambda&#39;s C1-only JIT default"), "the same escaper as the size report");
        // each jar's path appears in no recommendation: at most once per jar (its table row), not per recommendation
        assertTrue(count(html, "reactor-netty-http") <= 76, "paths repeated: " + count(html, "reactor-netty-http"));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
