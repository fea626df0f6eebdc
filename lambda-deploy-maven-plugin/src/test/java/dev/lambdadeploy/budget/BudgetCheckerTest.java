package dev.lambdadeploy.budget;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.Severity;
import dev.lambdadeploy.limits.LambdaLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BudgetCheckerTest {
    static final long MB = 1L << 20;

    /** Builds a package by hand: jars with their sizes and dependency paths, zips summed from them. */
    static final class Pkg {
        final List<JarSize> items = new ArrayList<>();
        final List<ZipSize> external = new ArrayList<>();
        final List<String> layerNames = new ArrayList<>();
        long classes = MB;
        OptionalLong image = OptionalLong.empty();

        Pkg jar(String zip, String ga, long zipped, long unzipped, String... via) {
            String[] c = ga.split(":");
            List<String> path = new ArrayList<>();
            path.add("ex:app:1.0");
            for (String v : via) {
                path.add(v + ":1");
            }
            path.add(ga + ":1");
            String zipId = zip.equals("function") ? "function" : "layer:" + zip;
            if (!zip.equals("function") && !layerNames.contains(zip)) {
                layerNames.add(zip);
            }
            items.add(new JarSize(c[0], c[1], "1", "", zipId, "java/lib/" + c[1] + "-1.jar", zipped, unzipped, path));
            return this;
        }

        Pkg layer(String name) {
            layerNames.add(name);
            return this;
        }

        Pkg external(String name, long unzipped) {
            external.add(new ZipSize(
                    name,
                    ZipSize.Kind.EXTERNAL_LAYER,
                    "arn:aws:lambda:eu-west-1:123456789012:layer:" + name,
                    -1,
                    unzipped,
                    0));
            return this;
        }

        PackageSizes sizes() {
            List<JarSize> all = new ArrayList<>(items);
            all.add(JarSize.projectClasses("app", classes / 2, classes));
            ZipSize function = zip("function", ZipSize.Kind.FUNCTION, all);
            List<ZipSize> layers = layerNames.stream()
                    .map(n -> zip(n, ZipSize.Kind.LAYER, all))
                    .collect(Collectors.toList());
            return new PackageSizes("app", function, layers, external, all, image);
        }

        private static ZipSize zip(String name, ZipSize.Kind kind, List<JarSize> all) {
            String id = kind == ZipSize.Kind.FUNCTION ? "function" : "layer:" + name;
            List<JarSize> in = all.stream().filter(j -> j.zip().equals(id)).collect(Collectors.toList());
            return new ZipSize(
                    name,
                    kind,
                    kind == ZipSize.Kind.FUNCTION ? "function.zip" : "layers/" + name + ".zip",
                    in.stream().mapToLong(JarSize::zippedBytes).sum(),
                    in.stream().mapToLong(JarSize::unzippedBytes).sum(),
                    in.size());
        }
    }

    static BudgetOutcome check(PackageSizes sizes, BudgetSpec... budgets) {
        return new BudgetChecker()
                .check(
                        sizes,
                        java.util.Arrays.stream(budgets).map(Budget::of).collect(Collectors.toList()),
                        Optional.empty());
    }

    static Violation only(BudgetOutcome o, String budgetId) {
        List<Violation> v = o.violations().stream()
                .filter(x -> x.budget().id().equals(budgetId))
                .collect(Collectors.toList());
        assertEquals(1, v.size(), "one violation of " + budgetId + " in " + o.violations());
        return v.get(0);
    }

    @Test
    void awsLimitsAreAlwaysCheckedAndExactlyAtTheLimitIsFine() {
        long classes = MB;
        Pkg atLimit = new Pkg()
                .jar("deps", "g:big", LambdaLimits.DIRECT_UPLOAD_ZIPPED, LambdaLimits.TOTAL_UNZIPPED - classes);
        BudgetOutcome ok = check(atLimit.sizes());
        assertEquals(List.of(), ok.violations());
        assertEquals(
                List.of(
                        LimitBudgets.DIRECT_UPLOAD_ID,
                        LimitBudgets.DIRECT_UPLOAD_ID,
                        LimitBudgets.TOTAL_UNZIPPED_ID,
                        LimitBudgets.LAYER_COUNT_ID,
                        LimitBudgets.IMAGE_SIZE_ID),
                ok.checks().stream().map(c -> c.budget().id()).collect(Collectors.toList()));
        Check image = ok.checks().get(4);
        assertEquals(Check.Status.NOT_EVALUATED, image.status());

        Pkg oneByteOver = new Pkg()
                .jar("deps", "g:big", LambdaLimits.DIRECT_UPLOAD_ZIPPED + 1, LambdaLimits.TOTAL_UNZIPPED - classes + 1);
        BudgetOutcome over = check(oneByteOver.sizes());
        assertEquals(Severity.WARN, only(over, LimitBudgets.DIRECT_UPLOAD_ID).level());
        assertEquals(Severity.ERROR, only(over, LimitBudgets.TOTAL_UNZIPPED_ID).level());
        assertEquals(1, over.errors().size());
        assertEquals(1, over.warnings().size());
    }

    @Test
    void directUploadWarnsAndSteersToS3First() {
        Pkg p = new Pkg()
                .jar("deps", "software.amazon.awssdk:s3", 30 * MB, 32 * MB)
                .jar("deps", "software.amazon.awssdk:netty-nio-client", 25 * MB, 26 * MB, "software.amazon.awssdk:s3")
                .jar("deps", "org.other:lib", 2 * MB, 2 * MB);
        Violation v = only(check(p.sizes()), LimitBudgets.DIRECT_UPLOAD_ID);
        assertEquals("layer deps", v.subject());
        assertTrue(
                v.message()
                        .contains("layer deps is 57.0 MiB (59,768,832 bytes), over the limit of 50.0 MiB"
                                + " (52,428,800 bytes) by 7.0 MiB (7,340,032 bytes)"),
                v.message());
        assertTrue(v.message().contains("RequestEntityTooLargeException"), v.message());
        assertEquals(Fix.Kind.S3_UPLOAD, v.fixes().get(0).kind());
        assertTrue(v.fixes().get(0).snippet().contains("lambda.deploy.mode=s3"));
        // then the byte fixes, by bytes saved: moving the SDK group out saves 55 MB, excluding netty 25 MB
        assertEquals(Fix.Kind.OWN_LAYER, v.fixes().get(1).kind());
        assertEquals(55 * MB, v.fixes().get(1).bytesSaved());
        assertTrue(v.fixes().get(1).snippet().contains("<include>software.amazon.awssdk:*</include>"));
        assertTrue(v.fixes().get(1).snippet().contains("<name>awssdk</name>"));
        Fix exclude = v.fixes().get(2);
        assertEquals(Fix.Kind.EXCLUDE_DEPENDENCY, exclude.kind());
        assertEquals(25 * MB, exclude.bytesSaved());
        assertTrue(exclude.sufficient());
        // contributors: zipped size for a zipped limit, biggest first, with share and dependency path
        Contributor top = v.contributors().get(0);
        assertEquals("software.amazon.awssdk:s3:1", top.name());
        assertEquals(30.0 / 57, top.share(), 1e-9);
        assertEquals("app \u2192 software.amazon.awssdk:s3", DependencyPaths.display(top.dependencyPath()));
        assertEquals(
                "app \u2192 software.amazon.awssdk:s3 \u2192 software.amazon.awssdk:netty-nio-client",
                DependencyPaths.display(v.contributors().get(1).dependencyPath()));
    }

    @Test
    void exclusionSavesTheJarAndWhatOnlyArrivedThroughItAndPastesIntoTheDirectDependency() {
        Pkg p = new Pkg()
                .jar("deps", "software.amazon.awssdk:s3", 3 * MB, 3 * MB)
                .jar("deps", "software.amazon.awssdk:netty-nio-client", 1 * MB, 2 * MB, "software.amazon.awssdk:s3")
                .jar(
                        "deps",
                        "io.netty:netty-codec",
                        1 * MB,
                        3 * MB,
                        "software.amazon.awssdk:s3",
                        "software.amazon.awssdk:netty-nio-client")
                .jar("deps", "org.small:tiny", 1, 1, "software.amazon.awssdk:s3");
        Violation v = only(
                check(p.sizes(), BudgetSpec.parse("layer-unzipped", "3MB", "deps", null, "e")), "layer-unzipped[deps]");
        Fix best = v.fixes().stream()
                .filter(f -> f.kind() == Fix.Kind.EXCLUDE_DEPENDENCY)
                .findFirst()
                .orElseThrow();
        assertEquals(5 * MB, best.bytesSaved(), "netty-nio-client + netty-codec below it");
        assertTrue(best.title().contains("Exclude software.amazon.awssdk:netty-nio-client"), best.title());
        assertTrue(best.title().contains("with netty-codec that only it pulls in"), best.title());
        assertTrue(best.title().contains("<dependency> on software.amazon.awssdk:s3"), best.title());
        assertEquals(
                String.join(
                        "\n",
                        "<dependency>",
                        "  <groupId>software.amazon.awssdk</groupId>",
                        "  <artifactId>s3</artifactId>",
                        "  <!-- keep your <version>/<scope>; add: -->",
                        "  <exclusions>",
                        "    <exclusion>",
                        "      <groupId>software.amazon.awssdk</groupId>",
                        "      <artifactId>netty-nio-client</artifactId>",
                        "    </exclusion>",
                        "  </exclusions>",
                        "</dependency>"),
                best.snippet());
        assertFalse(best.sufficient(), "8 MB - 5 MB is still over 3 MB");
        // ranked by bytes saved
        List<Long> saved = v.fixes().stream().map(Fix::bytesSaved).collect(Collectors.toList());
        List<Long> sorted = new ArrayList<>(saved);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, saved);
        assertTrue(v.fixes().size() <= Suggestions.MAX_EXCLUSIONS + 1);
    }

    @Test
    void totalOverTwoHundredFiftyMegabytesCountsExternalLayersAndOffersAContainerImage() {
        Pkg p = new Pkg()
                .jar("deps", "org.ml:model", 100 * MB, 200 * MB)
                .jar("deps", "org.ml:runtime", 10 * MB, 20 * MB, "org.ml:model")
                .external("otel:3", 40 * MB);
        PackageSizes sizes = p.sizes();
        assertEquals(261 * MB, sizes.totalUnzipped());
        Violation v = only(check(sizes), LimitBudgets.TOTAL_UNZIPPED_ID);
        assertTrue(
                v.message()
                        .contains("function + 2 layers is 261.0 MiB (273,678,336 bytes), over the limit of"
                                + " 250.0 MiB (262,144,000 bytes)"),
                v.message());
        assertTrue(v.message().contains("262144000"), v.message());
        assertEquals(
                List.of("org.ml:model:1", "external layer otel:3", "org.ml:runtime:1", "(classes of app)"),
                v.contributors().stream().map(Contributor::name).collect(Collectors.toList()));
        // excluding org.ml:runtime (20 MB) is enough: 11 MB over; so the image comes last
        assertEquals(Fix.Kind.EXCLUDE_DEPENDENCY, v.fixes().get(0).kind());
        assertTrue(v.fixes().get(0).sufficient());
        assertEquals(
                Fix.Kind.CONTAINER_IMAGE, v.fixes().get(v.fixes().size() - 1).kind());

        // When no byte fix can get there, the container image is the first advice.
        Pkg huge = new Pkg().jar("deps", "org.ml:model", 200 * MB, 400 * MB);
        Violation h = only(check(huge.sizes()), LimitBudgets.TOTAL_UNZIPPED_ID);
        assertEquals(Fix.Kind.CONTAINER_IMAGE, h.fixes().get(0).kind());
        assertTrue(h.fixes().get(0).snippet().contains("lambda.deploy.mode=image"));
    }

    @Test
    void layerCountIncludesExternalLayersAndSuggestsMergingTheSmallest() {
        Pkg p = new Pkg()
                .jar("a", "g.a:x", MB, MB)
                .jar("b", "g.b:x", MB, 2 * MB)
                .jar("c", "g.c:x", MB, 3 * MB)
                .jar("d", "g.d:x", MB, 4 * MB)
                .external("e1:1", MB)
                .external("e2:1", MB);
        Violation v = only(check(p.sizes()), LimitBudgets.LAYER_COUNT_ID);
        assertEquals(6, v.actual());
        assertTrue(
                v.message().contains("layers (4 built, 2 external) is 6 layers, over the limit of 5 layers by 1."),
                v.message());
        Fix merge = v.fixes().get(0);
        assertEquals(Fix.Kind.MERGE_LAYERS, merge.kind());
        assertTrue(merge.title().contains("Merge the layers a, b"), merge.title());
        assertTrue(
                merge.snippet().contains("<include>g.a:*</include>")
                        && merge.snippet().contains("<include>g.b:*</include>"),
                merge.snippet());
        assertEquals(6, v.contributors().size());

        // a user budget tightens it
        BudgetOutcome o = check(
                new Pkg().jar("a", "g.a:x", MB, MB).jar("b", "g.b:x", MB, MB).sizes(),
                BudgetSpec.parse("layer-count", "1", null, "WARN", "e"));
        Violation user = only(o, "layer-count");
        assertEquals(Severity.WARN, user.level());
        assertTrue(o.errors().isEmpty());
    }

    @Test
    void everyViolationIsCollectedNotJustTheFirst() {
        Pkg p = new Pkg().jar("deps", "g:a", 10 * MB, 12 * MB).jar("function", "g:snap", 3 * MB, 4 * MB);
        BudgetOutcome o = check(
                p.sizes(),
                BudgetSpec.parse("function-zipped", "1MB", null, null, "e"),
                BudgetSpec.parse("function-unzipped", "2MB", null, "WARN", "e"),
                BudgetSpec.parse("layer-zipped", "5MB", null, null, "e"),
                BudgetSpec.parse("layer-unzipped", "100MB", null, null, "e"),
                BudgetSpec.parse("total-unzipped", "10MB", null, null, "e"),
                BudgetSpec.parse("image-size", "1GB", null, null, "e"));
        assertEquals(
                List.of("function-zipped", "function-unzipped", "layer-zipped", "total-unzipped"),
                o.violations().stream().map(v -> v.budget().id()).collect(Collectors.toList()));
        assertEquals(3, o.errors().size());
        assertEquals(1, o.warnings().size());
        // image budgets wait for an image
        assertEquals(
                Check.Status.NOT_EVALUATED,
                o.checks().stream()
                        .filter(c -> c.budget().id().equals("image-size"))
                        .findFirst()
                        .orElseThrow()
                        .status());
        // the function budget suggests moving its jars into a layer
        Violation fz = o.violations().get(0);
        assertEquals(Fix.Kind.OWN_LAYER, fz.fixes().get(0).kind());
        assertTrue(
                fz.fixes().get(0).title().contains("out of function.zip"),
                fz.fixes().get(0).title());
        assertTrue(fz.message().startsWith("budget function-zipped: function.zip is "), fz.message());
    }

    @Test
    void imageSizeIsCheckedOnceAnImagePathFeedsIt() {
        Pkg p = new Pkg().jar("deps", "g:a", MB, MB);
        p.image = OptionalLong.of(11L << 30);
        BudgetOutcome o = check(p.sizes(), BudgetSpec.parse("image-size", "2GB", null, "WARN", "e"));
        assertEquals(Severity.ERROR, only(o, LimitBudgets.IMAGE_SIZE_ID).level());
        assertEquals(Severity.WARN, only(o, "image-size").level());
    }

    @Test
    void inImageModeTheZipOnlyLimitsDoNotApply() {
        Pkg p = new Pkg().jar("deps", "g:a", 60 * MB, 300 * MB);
        BudgetOutcome zips = check(p.sizes(), BudgetSpec.parse("layer-count", "0", null, null, "e"));
        assertTrue(zips.violations().stream().anyMatch(v -> v.budget().id().equals(LimitBudgets.TOTAL_UNZIPPED_ID)));
        p.image = OptionalLong.of(300 * MB);
        BudgetOutcome image = check(
                p.sizes(),
                BudgetSpec.parse("layer-count", "0", null, null, "e"),
                BudgetSpec.parse("image-size", "200MB", null, null, "e"));
        assertEquals(
                List.of("image-size"),
                image.violations().stream().map(v -> v.budget().id()).toList());
        assertTrue(image.checks().stream()
                .filter(c -> c.budget().id().equals(LimitBudgets.TOTAL_UNZIPPED_ID)
                        || c.budget().id().equals(LimitBudgets.DIRECT_UPLOAD_ID)
                        || c.budget().id().equals("layer-count"))
                .allMatch(c ->
                        c.status() == Check.Status.NOT_EVALUATED && c.note().contains("container image")));
    }

    @Test
    void layerBudgetForAMissingLayerIsNotEvaluatedAndSaysWhichLayersExist() {
        BudgetOutcome o = check(
                new Pkg().jar("deps", "g:a", MB, MB).sizes(),
                BudgetSpec.parse("layer-zipped", "1KB", "dpes", null, "e"));
        Check c = o.checks().stream()
                .filter(x -> x.budget().id().equals("layer-zipped[dpes]"))
                .findFirst()
                .orElseThrow();
        assertEquals(Check.Status.NOT_EVALUATED, c.status());
        assertTrue(c.note().contains("no layer named 'dpes' (layers: deps)"), c.note());
    }

    @Test
    void growthAgainstTheBaselineInBytesAndPercent() {
        Pkg p = new Pkg().jar("deps", "g:a", 10 * MB, 10 * MB).jar("deps", "g:new", MB, 2 * MB, "g:a");
        PackageSizes sizes = p.sizes(); // 13 MB total
        Baseline base = new Baseline(
                "old.json",
                12 * MB,
                Map.of("layer:deps", 10 * MB, "function", MB),
                Map.of("g:a", 10 * MB, "(classes of app)", MB),
                Map.of("g:a", "0.9"));
        List<Budget> budgets = List.of(
                Budget.of(BudgetSpec.parse("growth", "5%", null, null, "e")),
                Budget.of(BudgetSpec.parse("growth", "10%", null, "WARN", "e")),
                Budget.of(BudgetSpec.parse("growth", "1MB", "deps", null, "e")),
                Budget.of(BudgetSpec.parse("growth", "1MB", "function", null, "e")));
        BudgetOutcome o = new BudgetChecker().check(sizes, budgets, Optional.of(base));
        // +1 MB of 12 MB = +8.33%: over 5%, under 10%
        assertEquals(
                List.of("growth", "growth[deps]"),
                o.violations().stream().map(v -> v.budget().id()).collect(Collectors.toList()));
        Violation pct = o.violations().get(0);
        assertTrue(
                pct.message().contains("is +1.0 MiB (+1,048,576 bytes, +8.33%), over the limit of 5%"), pct.message());
        assertEquals("g:new:1", pct.contributors().get(0).name());
        assertTrue(
                pct.contributors().get(0).note().startsWith("appeared"),
                pct.contributors().get(0).note());
        assertEquals(Fix.Kind.EXCLUDE_DEPENDENCY, pct.fixes().get(0).kind());
        Violation layer = o.violations().get(1);
        assertEquals(2 * MB, layer.actual());
        // without a baseline, growth is not evaluated
        BudgetOutcome none = new BudgetChecker().check(sizes, budgets, Optional.empty());
        assertTrue(none.violations().isEmpty());
        assertTrue(none.checks().stream()
                .filter(c -> c.budget().kind().id().equals("growth"))
                .allMatch(c ->
                        c.status() == Check.Status.NOT_EVALUATED && c.note().contains("<baseline>")));
    }
}
