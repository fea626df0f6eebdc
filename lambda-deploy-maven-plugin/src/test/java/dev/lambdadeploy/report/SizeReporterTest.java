package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdadeploy.assemble.DependencyArtifact;
import dev.lambdadeploy.assemble.LambdaPackager;
import dev.lambdadeploy.assemble.PackageRequest;
import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.config.ExternalLayerSpec;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporter on a real package built by {@link LambdaPackager}: every renderer and the baseline diff. */
class SizeReporterTest {
    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();
    final BuildLog log = new BuildLog() {
        @Override
        public void info(String m) {}

        @Override
        public void warn(String m) {
            warnings.add(m);
        }

        @Override
        public void debug(String m) {}
    };

    /** A jar of {@code kb} KiB of random (incompressible) bytes, so zipped sizes are predictable. */
    private Path jar(String name, int kb) throws IOException {
        Path jar = dir.resolve("repo").resolve(name + ".jar");
        Files.createDirectories(jar.getParent());
        byte[] data = new byte[kb * 1024];
        new Random(name.hashCode()).nextBytes(data);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("data/" + name + ".bin"));
            out.write(data);
            out.closeEntry();
        }
        return jar;
    }

    private DependencyArtifact dep(String g, String a, String v, int kb, String... via) throws IOException {
        List<String> path = new ArrayList<>(List.of("ex:app:1.0"));
        for (String x : via) {
            path.add(x);
        }
        path.add(g + ":" + a + ":" + v);
        return new DependencyArtifact(g, a, v, v, "", "compile", jar(a + "-" + v, kb), path, false);
    }

    private PackageManifest build(Path out, List<DependencyArtifact> deps) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("ex"));
        Files.writeString(classes.resolve("ex/Handler.class"), "not really a class".repeat(50));
        return new LambdaPackager(BuildLog.silent())
                .run(PackageRequest.builder(new ProjectInfo("ex", "app", "1.0"), out)
                        .classesDirectory(classes)
                        .artifacts(deps)
                        .parallelism(1)
                        .build())
                .manifest();
    }

    private SizeReportResult report(
            Path out, PackageManifest m, List<BudgetSpec> budgets, Path baseline, Path stepSummary) {
        return new SizeReporter(log)
                .run(new SizeReportRequest(
                        m,
                        out,
                        budgets,
                        List.of(ExternalLayerSpec.parse(
                                "arn:aws:lambda:eu-west-1:123456789012:layer:otel:3", "64KB", "e")),
                        baseline,
                        false,
                        OptionalLong.empty(),
                        stepSummary));
    }

    /**
     * The streaming writer gives exactly the bytes data binding gives for the whole model (every record component, in
     * order, nulls included): a component added to a record and not to the writer fails here.
     */
    private static void assertWrittenAsDataBindingWouldWriteIt(SizeReportResult r) throws IOException {
        String expected =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.report());
        assertEquals(expected, Files.readString(r.jsonFile(), StandardCharsets.UTF_8));
    }

    /** Nulls anywhere in the model (fields, nested lists, their elements) are written as data binding writes them. */
    @Test
    void nullsAreWrittenAsDataBindingWritesThem() throws Exception {
        SizeReport.ViolationEntry violation = new SizeReport.ViolationEntry(
                "b",
                null,
                "k",
                "WARN",
                null,
                1,
                2,
                null,
                null,
                null,
                java.util.Arrays.asList((SizeReport.ContributorEntry) null),
                null);
        SizeReport report = new SizeReport(
                1,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(new SizeReport.Item(
                        "k",
                        "jar",
                        null,
                        null,
                        null,
                        null,
                        "z",
                        null,
                        1,
                        2,
                        0.5,
                        java.util.Arrays.asList("a", null),
                        null)),
                true,
                List.of(),
                List.of(violation),
                new SizeReport.BaselineDiff(null, 1, 2, 1, java.util.Arrays.asList((SizeReport.Change) null)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SizeReportJson.write(report, out);
        assertEquals(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesJsonHtmlAndStepSummaryAlsoWhenBudgetsAreBroken() throws Exception {
        Path out = dir.resolve("out");
        PackageManifest m = build(
                out,
                List.of(
                        dep("software.amazon.awssdk", "s3", "2.0", 200),
                        dep("software.amazon.awssdk", "netty-nio-client", "2.0", 300, "software.amazon.awssdk:s3:2.0"),
                        dep("org.slf4j", "slf4j-api", "2.0", 20)));
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "# earlier step\n");
        SizeReportResult r = report(
                out,
                m,
                List.of(
                        BudgetSpec.parse("layer-zipped", "400KB", "app", null, "e"),
                        BudgetSpec.parse("total-unzipped", "100MB", null, "WARN", "e")),
                null,
                summary);

        assertEquals(1, r.outcome().errors().size());
        assertWrittenAsDataBindingWouldWriteIt(r);
        // JSON: stable field names, every zip incl. the external layer, the contents with dependency paths
        JsonNode json = new ObjectMapper().readTree(r.jsonFile().toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals(262_144_000L, json.get("limits").get("totalUnzippedBytes").asLong());
        assertEquals(List.of("function", "layer:app", "external:otel:3"), ids(json.get("zips"), "id"));
        assertTrue(json.get("zips").get(2).get("zippedBytes").isNull());
        assertEquals(65_536L, json.get("zips").get(2).get("unzippedBytes").asLong());
        assertEquals(2, json.get("totals").get("layerCount").asInt());
        JsonNode netty = find(json.get("contents"), "key", "software.amazon.awssdk:netty-nio-client");
        assertEquals(
                "app \u2192 software.amazon.awssdk:s3 \u2192 software.amazon.awssdk:netty-nio-client",
                netty.get("dependencyPathText").asText());
        assertEquals("layer:app", netty.get("zip").asText());
        assertTrue(netty.get("zippedBytes").asLong() > 300 * 1024, "random bytes do not compress");
        JsonNode v = json.get("violations").get(0);
        assertEquals("layer-zipped[app]", v.get("budget").asText());
        assertEquals("ERROR", v.get("level").asText());
        assertEquals(
                "software.amazon.awssdk:netty-nio-client:2.0",
                v.get("contributors").get(0).get("name").asText());
        // ranked by bytes saved: moving the SDK group (500 KB) beats excluding netty (300 KB)
        assertEquals("own-layer", v.get("fixes").get(0).get("kind").asText());
        assertTrue(
                v.get("fixes").get(0).get("snippet").asText().contains("<include>software.amazon.awssdk:*</include>"));
        assertEquals("exclude-dependency", v.get("fixes").get(1).get("kind").asText());
        assertTrue(v.get("fixes").get(1).get("snippet").asText().contains("<artifactId>netty-nio-client</artifactId>"));
        assertEquals(
                "violated",
                find(json.get("budgets"), "id", "layer-zipped[app]")
                        .get("status")
                        .asText());
        assertEquals(
                "ok",
                find(json.get("budgets"), "id", "total-unzipped").get("status").asText());
        assertTrue(json.get("baseline").isNull());

        // HTML: self-contained, escapes, charts and the fix to paste
        String html = Files.readString(r.htmlFile());
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network references");
        assertTrue(html.contains("<svg id=\"chart-total\"")
                && html.contains("<svg id=\"chart-zips\"")
                && html.contains("<svg id=\"chart-deps\""));
        assertTrue(html.contains("&lt;artifactId&gt;netty-nio-client&lt;/artifactId&gt;"));
        assertTrue(html.contains("class=\"verdict broken\">1 budget broken"));
        assertTrue(html.contains("fill=\"" + HtmlReport.FUNCTION_COLOR + "\""));
        assertTrue(html.contains("</i>your budget</span>"), "a layer budget line is drawn, so the legend names it");
        // the zip column never wraps (layer:app on one line), checked in the browser through td.z > span
        assertTrue(html.contains("<td class=\"z\"><span><i class=\"sw\""), html);
        assertTrue(html.contains("td.z{white-space:nowrap}"));
        // "largest dependencies" bars are their share of the 250 MiB limit, the full track being the limit
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile("<rect class=\"bar\" x=\"\\d+\" y=\"\\d+\""
                        + " width=\"([\\d.]+)\" height=\"16\" fill=\"[^\"]+\" data-share=\"([\\d.]+)\">")
                .matcher(html);
        java.util.regex.Matcher track = java.util.regex.Pattern.compile(
                        "<rect class=\"track\" x=\"\\d+\" y=\"\\d+\"" + " width=\"(\\d+)\"")
                .matcher(html);
        assertTrue(bar.find() && track.find(), html);
        double share = Double.parseDouble(bar.group(2));
        assertTrue(share < 0.01, "a few hundred KB is well under 1 % of 250 MiB: " + share);
        assertEquals(
                Math.max(0.5, share * Double.parseDouble(track.group(1))),
                Double.parseDouble(bar.group(1)),
                0.06,
                "bar width = share of the limit x the track");

        // GitHub step summary: appended after what was there
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# earlier step\n### Lambda package size: app 1.0"), md);
        assertTrue(md.contains(":x: 1 budget(s) broken"));
        assertTrue(md.contains("| layer app | 3 |"), md);
        assertTrue(md.contains("```xml\n   <dependency>"), md);
        assertTrue(md.contains("&lt;dependency&gt; on software.amazon.awssdk:s3"), md);

        // Console
        List<String> console = BudgetSummary.render(r.report());
        assertTrue(console.get(0).startsWith("Size: "), console.get(0));
        assertTrue(
                console.stream()
                        .anyMatch(l -> l.matches("\\s+layer-zipped\\[app\\]\\s+ERROR\\s+layer app\\s+.*BROKEN")),
                String.join("\n", console));
        List<String> lines =
                BudgetSummary.violationLines(r.report().violations().get(0));
        assertTrue(lines.get(0).startsWith("budget layer-zipped[app]: layer app is "), lines.get(0));
        assertTrue(lines.contains("  biggest contributors:"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("via app \u2192 software.amazon.awssdk:s3 \u2192")));
        assertTrue(lines.stream().anyMatch(l -> l.trim().equals("<artifactId>netty-nio-client</artifactId>")));
    }

    @Test
    void baselineDiffShowsWhatGrewShrankAppearedAndVanished() throws Exception {
        Path v1 = dir.resolve("v1");
        report(
                v1,
                build(
                        v1,
                        List.of(
                                dep("org.a", "grows", "1.0", 50),
                                dep("org.a", "shrinks", "1.0", 80),
                                dep("org.a", "goes", "1.0", 10))),
                List.of(),
                null,
                null);
        Path baseline = dir.resolve("baseline.json");
        Files.copy(v1.resolve(SizeReport.FILE_NAME), baseline);

        Path v2 = dir.resolve("v2");
        SizeReportResult r = report(
                v2,
                build(
                        v2,
                        List.of(
                                dep("org.a", "grows", "1.1", 150),
                                dep("org.a", "shrinks", "1.0", 40),
                                dep("org.a", "comes", "1.0", 30, "org.a:grows:1.1"))),
                List.of(BudgetSpec.parse("growth", "10%", null, null, "e")),
                baseline,
                null);
        SizeReport.BaselineDiff d = r.report().baseline();
        assertWrittenAsDataBindingWouldWriteIt(r);
        assertEquals(baseline.toString(), d.file());
        assertEquals(d.totalUnzippedNow() - d.totalUnzippedBefore(), d.deltaBytes());
        assertEquals("grew", change(d, "org.a:grows").change());
        assertEquals("1.0", change(d, "org.a:grows").beforeVersion());
        assertEquals("1.1", change(d, "org.a:grows").afterVersion());
        assertEquals("shrank", change(d, "org.a:shrinks").change());
        assertEquals("appeared", change(d, "org.a:comes").change());
        assertNull(change(d, "org.a:comes").beforeBytes());
        assertEquals("vanished", change(d, "org.a:goes").change());
        assertEquals("grew", change(d, "layer app").change());
        assertTrue(d.changes().stream().noneMatch(c -> c.name().equals("function.zip")), "unchanged: not listed");

        // the growth budget (+10%) is broken, naming what grew
        SizeReport.ViolationEntry growth = r.report().violations().get(0);
        assertEquals("growth", growth.budget());
        assertEquals("org.a:grows:1.1", growth.contributors().get(0).name());
        assertTrue(
                growth.contributors().get(0).note().contains("version 1.0 \u2192 1.1"),
                growth.contributors().get(0).note());

        String md = MarkdownReport.render(r.report());
        assertTrue(md.contains("| vanished | org.a:goes |"), md);
        String html = Files.readString(r.htmlFile());
        assertTrue(html.contains("<tr class=\"appeared\"><td>appeared</td><td>org.a:comes"), html);
        List<String> console = BudgetSummary.render(r.report());
        assertTrue(
                console.stream().anyMatch(l -> l.contains("1 grew") || l.contains("2 grew")),
                String.join("\n", console));
    }

    @Test
    void missingBaselineWarnsAndUnreadableBaselineNamesTheElement() throws Exception {
        Path out = dir.resolve("out");
        PackageManifest m = build(out, List.of(dep("org.a", "x", "1.0", 5)));
        report(out, m, List.of(), dir.resolve("nope.json"), null);
        assertTrue(warnings.get(0).contains("does not exist"), warnings.toString());
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{ not json", StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> report(out, m, List.of(), junk, null));
        assertEquals("<baseline> (lambda.budgets.baseline)", e.element());
    }

    @Test
    void skippedBudgetsStillWriteTheReports() throws Exception {
        Path out = dir.resolve("out");
        PackageManifest m = build(out, List.of(dep("org.a", "x", "1.0", 5)));
        SizeReportResult r = new SizeReporter(log)
                .run(new SizeReportRequest(
                        m,
                        out,
                        List.of(BudgetSpec.parse("total-unzipped", "1KB", null, null, "e")),
                        List.of(),
                        null,
                        true,
                        OptionalLong.empty(),
                        null));
        assertTrue(r.outcome().skipped());
        assertTrue(r.outcome().violations().isEmpty());
        assertTrue(Files.readString(r.htmlFile()).contains("Budgets skipped"));
        assertFalse(Files.readString(r.htmlFile()).contains("your budget"), "no budget line drawn: not in the legend");
        assertTrue(new ObjectMapper()
                .readTree(r.jsonFile().toFile())
                .get("budgetsSkipped")
                .asBoolean());
    }

    private static SizeReport.Change change(SizeReport.BaselineDiff d, String name) {
        return d.changes().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + name + " in " + d.changes()));
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
