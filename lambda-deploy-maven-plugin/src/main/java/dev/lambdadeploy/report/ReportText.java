package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.Amounts;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;

/** Short forms shared by the console, Markdown and HTML renderers. */
final class ReportText {
    static final int TOP_ITEMS = 15;

    private ReportText() {}

    /** The measured amount of a check in few characters: {@code 12.3 MiB}, {@code 6}, {@code 7.5%}, {@code +1.0 MiB}. */
    static String actual(SizeReport.BudgetCheck c) {
        if (c.actual() == null) {
            return "n/a";
        }
        if ("layer-count".equals(c.kind())) {
            return String.valueOf(c.actual());
        }
        if (c.percent()) {
            return "+" + Amounts.percent(c.actual());
        }
        return ("growth".equals(c.kind()) ? "+" : "") + ByteSizes.human(c.actual());
    }

    static String limit(SizeReport.BudgetCheck c) {
        if ("layer-count".equals(c.kind())) {
            return String.valueOf(c.limit());
        }
        if (c.percent()) {
            return "+" + Amounts.percent(c.limit());
        }
        return ("growth".equals(c.kind()) ? "+" : "") + ByteSizes.human(c.limit());
    }

    static String status(SizeReport.BudgetCheck c) {
        switch (c.status()) {
            case "violated":
                return "ERROR".equals(c.level()) ? "BROKEN" : "WARNING";
            case "ok":
                return "ok";
            default:
                return "n/a";
        }
    }

    static String zipLabel(SizeReport.Zip z) {
        switch (z.kind()) {
            case "function":
                return "function.zip";
            case "layer":
                return "layer " + z.name();
            default:
                return "external layer " + z.name();
        }
    }

    static String signed(long delta) {
        return (delta >= 0 ? "+" : "-") + ByteSizes.human(Math.abs(delta));
    }

    static String percent(double share) {
        return Amounts.share(share);
    }

    /** A violation as plain text lines: message, contributors, fixes (snippets indented). */
    static List<String> violationLines(SizeReport.ViolationEntry v) {
        List<String> lines = new ArrayList<>();
        lines.add(v.message());
        if (!v.contributors().isEmpty()) {
            lines.add("  biggest contributors:");
            int n = 1;
            for (SizeReport.ContributorEntry c : v.contributors()) {
                lines.add("    " + n++ + ". " + contributor(c));
            }
        }
        if (!v.fixes().isEmpty()) {
            lines.add("  fixes, best first:");
            int n = 1;
            for (SizeReport.FixEntry f : v.fixes()) {
                lines.add("    " + n++ + ". " + f.title() + (f.sufficient() ? " [enough on its own]" : ""));
                if (f.snippet() != null && !f.snippet().isEmpty()) {
                    f.snippet().lines().forEach(l -> lines.add("         " + l));
                }
            }
        }
        return lines;
    }

    static String contributor(SizeReport.ContributorEntry c) {
        StringBuilder s = new StringBuilder(c.name()).append(": ");
        if (c.zippedBytes() >= 0) {
            s.append(ByteSizes.human(c.zippedBytes())).append(" zipped, ");
        }
        s.append(ByteSizes.human(c.unzippedBytes())).append(" unzipped, ").append(percent(c.share()));
        if (!c.dependencyPathText().isEmpty()) {
            s.append(", via ").append(c.dependencyPathText());
        }
        if (c.note() != null) {
            s.append(" (").append(c.note()).append(')');
        }
        return s.toString();
    }
}
