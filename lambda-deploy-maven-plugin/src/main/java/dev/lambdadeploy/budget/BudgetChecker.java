package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.BudgetKind;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Checks the AWS hard limits and the user's budgets against one package and collects every violation (Enforcer
 * style: all of them, then one decision), each with its biggest contributors and fixes.
 */
final class BudgetChecker {
    static final int TOP_CONTRIBUTORS = 5;

    private final Suggestions suggestions = new Suggestions();

    BudgetOutcome check(PackageSizes sizes, List<Budget> userBudgets, Optional<Baseline> baseline) {
        List<Budget> budgets = new ArrayList<>(LimitBudgets.all());
        budgets.addAll(userBudgets);
        List<Check> checks = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Budget b : budgets) {
            for (Measure m : measures(b, sizes, baseline)) {
                if (m.actual == null) {
                    checks.add(new Check(b, m.subject, null, "n/a", Check.Status.NOT_EVALUATED, m.note));
                    continue;
                }
                boolean broken = m.actual > m.limit;
                checks.add(new Check(
                        b,
                        m.subject,
                        m.actual,
                        m.actualText,
                        broken ? Check.Status.VIOLATED : Check.Status.OK,
                        m.note));
                if (broken) {
                    violations.add(violation(b, m, sizes, baseline));
                }
            }
        }
        return new BudgetOutcome(checks, violations, false);
    }

    /** What a budget measures: one subject, or one per zip. {@code limit} is comparable with {@code actual}. */
    private static final class Measure {
        final String subject;
        final Long actual;
        final long limit;
        final String actualText;
        final String note;
        final ZipSize zip;
        final boolean zipped;
        final long baseValue;

        Measure(
                String subject,
                Long actual,
                long limit,
                String actualText,
                String note,
                ZipSize zip,
                boolean zipped,
                long baseValue) {
            this.subject = subject;
            this.actual = actual;
            this.limit = limit;
            this.actualText = actualText;
            this.note = note;
            this.zip = zip;
            this.zipped = zipped;
            this.baseValue = baseValue;
        }

        static Measure bytes(String subject, long actual, long limit, ZipSize zip, boolean zipped) {
            return new Measure(subject, actual, limit, Amounts.bytes(actual), null, zip, zipped, 0);
        }

        static Measure none(String subject, String note) {
            return new Measure(subject, null, 0, "n/a", note, null, false, 0);
        }
    }

    private List<Measure> measures(Budget b, PackageSizes sizes, Optional<Baseline> baseline) {
        List<Measure> out = new ArrayList<>();
        if (sizes.imageBytes().isPresent() && zipOnly(b)) {
            out.add(Measure.none(
                    b.kind().id(), "does not apply to a container image (deployed without layers, " + "up to 10 GB)"));
            return out;
        }
        switch (b.kind()) {
            case FUNCTION_ZIPPED:
                out.add(Measure.bytes(
                        "function.zip", sizes.function().zippedBytes(), b.limit(), sizes.function(), true));
                break;
            case FUNCTION_UNZIPPED:
                out.add(Measure.bytes(
                        "function.zip", sizes.function().unzippedBytes(), b.limit(), sizes.function(), false));
                break;
            case LAYER_ZIPPED:
            case LAYER_UNZIPPED: {
                boolean zipped = b.kind() == BudgetKind.LAYER_ZIPPED;
                List<ZipSize> zips = new ArrayList<>();
                if (b.aws()) {
                    zips.add(sizes.function()); // the direct-upload limit holds for every zip
                }
                zips.addAll(sizes.layers());
                List<ZipSize> selected = zips.stream()
                        .filter(z -> b.layer() == null || z.name().equals(b.layer()))
                        .collect(Collectors.toList());
                if (selected.isEmpty() && b.layer() != null) {
                    out.add(Measure.none("layer " + b.layer(), noSuchLayer(b.layer(), sizes)));
                }
                for (ZipSize z : selected) {
                    out.add(Measure.bytes(
                            z.label(), zipped ? z.zippedBytes() : z.unzippedBytes(), b.limit(), z, zipped));
                }
                break;
            }
            case TOTAL_UNZIPPED:
                out.add(Measure.bytes(
                        "function + " + Amounts.layers(sizes.layerCount()),
                        sizes.totalUnzipped(),
                        b.limit(),
                        null,
                        false));
                break;
            case LAYER_COUNT:
                out.add(new Measure(
                        "layers (" + sizes.layers().size() + " built, "
                                + sizes.externalLayers().size() + " external)",
                        (long) sizes.layerCount(),
                        b.limit(),
                        Amounts.layers(sizes.layerCount()),
                        null,
                        null,
                        false,
                        0));
                break;
            case IMAGE_SIZE:
                if (sizes.imageBytes().isPresent()) {
                    out.add(Measure.bytes("container image", sizes.imageBytes().getAsLong(), b.limit(), null, false));
                } else {
                    out.add(Measure.none("container image", "this build makes zips, no container image"));
                }
                break;
            case GROWTH:
                out.add(growth(b, sizes, baseline));
                break;
            default:
                throw new IllegalStateException(b.kind().toString());
        }
        return out;
    }

    /**
     * Limits that only exist for zip deployments: the direct-upload cap, 250 MB for function + layers and the layer
     * count (AWS's and the user's). An image function has no layers and its own 10 GB limit.
     */
    private static boolean zipOnly(Budget b) {
        return b.kind() == BudgetKind.LAYER_COUNT
                || (b.aws() && (b.kind() == BudgetKind.LAYER_ZIPPED || b.kind() == BudgetKind.TOTAL_UNZIPPED));
    }

    private static Measure growth(Budget b, PackageSizes sizes, Optional<Baseline> baseline) {
        String subject = b.layer() == null
                ? "function + all layers, unzipped"
                : b.layer().equals("function") ? "function.zip, unzipped" : "layer " + b.layer() + ", unzipped";
        if (baseline.isEmpty()) {
            return Measure.none(subject, "no baseline: set <baseline> to an earlier size-report.json");
        }
        long now;
        long before;
        ZipSize zip = null;
        if (b.layer() == null) {
            now = sizes.totalUnzipped();
            before = baseline.get().totalUnzipped();
        } else {
            String id = b.layer().equals("function") ? "function" : "layer:" + b.layer();
            Optional<ZipSize> z =
                    sizes.allZips().stream().filter(x -> x.id().equals(id)).findFirst();
            if (z.isEmpty()) {
                return Measure.none(subject, noSuchLayer(b.layer(), sizes));
            }
            Long base = baseline.get().zipsUnzipped().get(id);
            if (base == null) {
                return Measure.none(subject, "the baseline has no " + z.get().label());
            }
            zip = z.get();
            now = zip.unzippedBytes();
            before = base;
        }
        long delta = now - before;
        String text = growthText(delta, before);
        if (b.percent()) {
            // Compare delta/before with limit/10000 without rounding: delta * 10000 vs limit * before.
            if (before <= 0) {
                return Measure.none(subject, "baseline size is 0, a percentage cannot be computed");
            }
            // compared in hundredths of a percent, as the message shows it
            long actual = delta <= 0 ? 0 : Math.round(delta * 10000.0 / before);
            return new Measure(subject, actual, b.limit(), text, null, zip, false, before);
        }
        return new Measure(subject, Math.max(0, delta), b.limit(), text, null, zip, false, before);
    }

    static String growthText(long delta, long before) {
        String pct = before > 0 ? String.format(Locale.ROOT, ", %+.2f%%", delta * 100.0 / before) : "";
        return (delta >= 0 ? "+" : "-") + ByteSizes.human(Math.abs(delta)) + " ("
                + String.format(Locale.ROOT, "%+,d bytes", delta) + pct + ")";
    }

    private static String noSuchLayer(String name, PackageSizes sizes) {
        return "this package has no layer named '" + name + "' (layers: "
                + sizes.layers().stream().map(ZipSize::name).collect(Collectors.joining(", ")) + ")";
    }

    private Violation violation(Budget b, Measure m, PackageSizes sizes, Optional<Baseline> baseline) {
        String over;
        if (b.percent()) {
            over = "";
        } else if (b.kind().unit() == BudgetKind.Unit.COUNT) {
            over = " by " + (m.actual - m.limit);
        } else {
            over = " by " + Amounts.bytes(m.actual - m.limit);
        }
        StringBuilder msg = new StringBuilder();
        msg.append(b.source())
                .append(' ')
                .append(b.id())
                .append(": ")
                .append(m.subject)
                .append(" is ")
                .append(m.actualText)
                .append(", over the limit of ")
                .append(b.limitText())
                .append(over)
                .append('.');
        String aws = b.aws() ? LimitBudgets.awsError(b.id()) : null;
        if (aws != null) {
            msg.append(" Lambda would refuse it: ").append(aws).append('.');
        }
        List<Contributor> contributors = b.kind() == BudgetKind.GROWTH
                ? growthContributors(scope(m, sizes), baseline.orElseThrow())
                : contributors(b, m, sizes);
        List<Fix> fixes = suggestions.fixes(b, m.zip, m.zipped, scope(m, sizes), m.actual, m.limit, m.baseValue, sizes);
        return new Violation(b, m.subject, m.actual, m.actualText, msg.toString(), contributors, fixes);
    }

    /** The items whose removal lowers what the budget measures. */
    private static List<JarSize> scope(Measure m, PackageSizes sizes) {
        if (m.zip != null) {
            return sizes.itemsIn(m.zip.id());
        }
        return sizes.items();
    }

    private static List<Contributor> contributors(Budget b, Measure m, PackageSizes sizes) {
        if (b.kind() == BudgetKind.LAYER_COUNT) {
            long total = sizes.totalUnzipped();
            return sizes.allZips().stream()
                    .filter(ZipSize::isLayer)
                    .sorted(Comparator.comparingLong(ZipSize::unzippedBytes).reversed())
                    .map(z -> new Contributor(
                            z.label(),
                            z.id(),
                            z.zippedBytes(),
                            z.unzippedBytes(),
                            total == 0 ? 0 : (double) z.unzippedBytes() / total,
                            List.of(),
                            z.kind() == ZipSize.Kind.EXTERNAL_LAYER ? "declared in <externalLayers>" : null))
                    .collect(Collectors.toList());
        }
        ToLongFunction<JarSize> measure = m.zipped ? JarSize::zippedBytes : JarSize::unzippedBytes;
        List<Contributor> out = scope(m, sizes).stream()
                .sorted(Comparator.comparingLong(measure).reversed())
                .limit(TOP_CONTRIBUTORS)
                .map(j -> new Contributor(
                        j.coordinates(),
                        j.zip(),
                        j.zippedBytes(),
                        j.unzippedBytes(),
                        m.actual == 0 ? 0 : (double) measure.applyAsLong(j) / m.actual,
                        j.dependencyPath(),
                        j.isProjectClasses() ? "the project's own classes and resources" : null))
                .collect(Collectors.toList());
        if (m.zip == null && !m.zipped) {
            // External layers count against the total too.
            List<Contributor> withExternal = new ArrayList<>(out);
            sizes.externalLayers()
                    .forEach(z -> withExternal.add(new Contributor(
                            z.label(),
                            z.id(),
                            -1,
                            z.unzippedBytes(),
                            m.actual == 0 ? 0 : (double) z.unzippedBytes() / m.actual,
                            List.of(),
                            "declared in <externalLayers>")));
            withExternal.sort(
                    Comparator.comparingLong(Contributor::unzippedBytes).reversed());
            return withExternal.subList(0, Math.min(TOP_CONTRIBUTORS, withExternal.size()));
        }
        return out;
    }

    /** What grew or appeared since the baseline, biggest growth first. */
    private static List<Contributor> growthContributors(List<JarSize> scope, Baseline baseline) {
        List<JarSize> grown = scope.stream()
                .filter(j -> j.unzippedBytes() > baseline.itemsUnzipped().getOrDefault(j.key(), 0L))
                .sorted(Comparator.comparingLong((JarSize j) ->
                                j.unzippedBytes() - baseline.itemsUnzipped().getOrDefault(j.key(), 0L))
                        .reversed())
                .collect(Collectors.toList());
        long totalGrowth = grown.stream()
                .mapToLong(j -> j.unzippedBytes() - baseline.itemsUnzipped().getOrDefault(j.key(), 0L))
                .sum();
        return grown.stream()
                .limit(TOP_CONTRIBUTORS)
                .map(j -> {
                    Long before = baseline.itemsUnzipped().get(j.key());
                    long delta = j.unzippedBytes() - (before == null ? 0 : before);
                    String note = before == null
                            ? "appeared, +" + ByteSizes.human(delta)
                            : "grew by " + ByteSizes.human(delta) + " from " + ByteSizes.human(before)
                                    + versionChange(baseline.itemVersions().get(j.key()), j.version());
                    return new Contributor(
                            j.coordinates(),
                            j.zip(),
                            j.zippedBytes(),
                            j.unzippedBytes(),
                            totalGrowth == 0 ? 0 : (double) delta / totalGrowth,
                            j.dependencyPath(),
                            note);
                })
                .collect(Collectors.toList());
    }

    private static String versionChange(String before, String now) {
        return before == null || before.equals(now) || now.isEmpty() ? "" : " (version " + before + " → " + now + ")";
    }
}
