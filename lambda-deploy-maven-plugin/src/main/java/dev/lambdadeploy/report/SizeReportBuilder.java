package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.BudgetOutcome;
import dev.lambdadeploy.budget.Check;
import dev.lambdadeploy.budget.Contributor;
import dev.lambdadeploy.budget.DependencyPaths;
import dev.lambdadeploy.budget.Fix;
import dev.lambdadeploy.budget.JarSize;
import dev.lambdadeploy.budget.PackageSizes;
import dev.lambdadeploy.budget.Violation;
import dev.lambdadeploy.budget.ZipSize;
import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.manifest.PackageManifest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Assembles the {@link SizeReport} model from the measured package, the budget outcome and the baseline diff. */
public final class SizeReportBuilder {
    private SizeReportBuilder() {}

    public static List<SizeReport.Zip> zips(PackageSizes sizes) {
        long total = sizes.totalUnzipped();
        return sizes.allZips().stream()
                .map(z -> new SizeReport.Zip(
                        z.id(),
                        z.name(),
                        kind(z),
                        z.path(),
                        z.zippedBytes() < 0 ? null : z.zippedBytes(),
                        z.unzippedBytes(),
                        z.jarCount(),
                        share(z.unzippedBytes(), total)))
                .collect(Collectors.toList());
    }

    /** Everything packaged, biggest first (unzipped), ties by key so the order is stable. */
    public static List<SizeReport.Item> items(PackageSizes sizes) {
        long total = sizes.totalUnzipped();
        return sizes.items().stream()
                .sorted(Comparator.comparingLong(JarSize::unzippedBytes)
                        .reversed()
                        .thenComparing(JarSize::key))
                .map(j -> new SizeReport.Item(
                        j.key(),
                        j.isProjectClasses() ? "classes" : "jar",
                        j.isProjectClasses() ? null : j.groupId(),
                        j.artifactId(),
                        j.isProjectClasses() ? null : j.version(),
                        j.classifier(),
                        j.zip(),
                        j.zipEntry(),
                        j.zippedBytes(),
                        j.unzippedBytes(),
                        share(j.unzippedBytes(), total),
                        j.dependencyPath(),
                        DependencyPaths.display(j.dependencyPath())))
                .collect(Collectors.toList());
    }

    public static SizeReport build(
            PackageManifest manifest,
            PackageSizes sizes,
            BudgetOutcome outcome,
            List<SizeReport.Zip> zips,
            List<SizeReport.Item> items,
            SizeReport.BaselineDiff diff) {
        return new SizeReport(
                SizeReport.SCHEMA_VERSION,
                manifest.pluginVersion(),
                manifest.project(),
                manifest.architecture(),
                new SizeReport.Limits(
                        LambdaLimits.DIRECT_UPLOAD_ZIPPED,
                        LambdaLimits.TOTAL_UNZIPPED,
                        LambdaLimits.MAX_LAYERS,
                        LambdaLimits.IMAGE_SIZE),
                new SizeReport.Totals(
                        sizes.builtZipped(),
                        sizes.totalUnzipped(),
                        sizes.layerCount(),
                        sizes.imageBytes().isPresent() ? sizes.imageBytes().getAsLong() : null),
                zips,
                items,
                outcome.skipped(),
                outcome.checks().stream().map(SizeReportBuilder::check).collect(Collectors.toList()),
                outcome.violations().stream().map(SizeReportBuilder::violation).collect(Collectors.toList()),
                diff);
    }

    private static SizeReport.BudgetCheck check(Check c) {
        return new SizeReport.BudgetCheck(
                c.budget().id(),
                c.budget().aws() ? "aws" : "pom",
                c.budget().kind().id(),
                c.budget().level().name(),
                c.subject(),
                c.budget().limit(),
                c.budget().percent(),
                c.budget().limitText(),
                c.actual(),
                c.actualText(),
                status(c.status()),
                c.note());
    }

    private static SizeReport.ViolationEntry violation(Violation v) {
        return new SizeReport.ViolationEntry(
                v.budget().id(),
                v.budget().aws() ? "aws" : "pom",
                v.budget().kind().id(),
                v.level().name(),
                v.subject(),
                v.actual(),
                v.budget().limit(),
                v.actualText(),
                v.budget().limitText(),
                v.message(),
                v.contributors().stream().map(SizeReportBuilder::contributor).collect(Collectors.toList()),
                v.fixes().stream().map(SizeReportBuilder::fix).collect(Collectors.toList()));
    }

    private static SizeReport.ContributorEntry contributor(Contributor c) {
        return new SizeReport.ContributorEntry(
                c.name(),
                c.zip(),
                c.zippedBytes(),
                c.unzippedBytes(),
                round(c.share()),
                c.dependencyPath(),
                DependencyPaths.display(c.dependencyPath()),
                c.note());
    }

    private static SizeReport.FixEntry fix(Fix f) {
        return new SizeReport.FixEntry(
                f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                f.title(),
                f.snippet(),
                f.bytesSaved(),
                f.sufficient());
    }

    static String status(Check.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String kind(ZipSize z) {
        return z.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double share(long part, long total) {
        return total <= 0 ? 0 : round((double) part / total);
    }

    /** Four decimals keep the JSON stable and readable. */
    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
