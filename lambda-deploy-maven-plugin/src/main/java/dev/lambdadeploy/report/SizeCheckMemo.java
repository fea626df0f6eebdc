package dev.lambdadeploy.report;

import dev.lambdadeploy.assemble.FileStamp;
import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ExternalLayerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a size check printed and decided (console lines, the failure message, the GitHub step summary), remembered with
 * a key of everything the check depends on, so a no-op {@code lambda:package} replays it instead of measuring,
 * checking and rendering again. The key covers the whole manifest (every zip's CodeSha256, sizes and jars), the
 * budgets, external layers, the baseline file's content, the image size and whatever the caller presents around it;
 * the reports on disk must still be the files written with it. Kept in {@code target/lambda/work/size-check.txt} as
 * plain text (no JSON library to warm up on a no-op).
 */
public final class SizeCheckMemo {
    public static final String FILE_NAME = "size-check.txt";
    private static final String HEADER = "lambda-size-check 2";

    public enum Level {
        INFO,
        WARN,
        ERROR
    }

    public record Line(Level level, String text) {}

    /** {@code failure} is null when no ERROR budget is broken; {@code stepSummary} null when none was asked for. */
    public record Verdict(List<Line> lines, String failure, String stepSummary) {
        public Verdict {
            lines = List.copyOf(lines);
        }
    }

    private SizeCheckMemo() {}

    /**
     * Key of a check's inputs. {@code manifestKey} stands for all of the manifest's content ({@link
     * dev.lambdadeploy.assemble.PackageResult#contentKey}); {@code presentation} adds what the caller puts into the
     * lines (e.g. relative paths).
     */
    public static String key(SizeReportRequest r, String manifestKey, String presentation) {
        String baseline;
        if (r.baseline() == null) {
            baseline = "none";
        } else if (Files.isRegularFile(r.baseline())) {
            baseline = r.baseline().toAbsolutePath() + "=" + Hashes.contentHash(r.baseline());
        } else {
            baseline = "missing:" + r.baseline().toAbsolutePath();
        }
        return Hashes.hex(String.join(
                "\n",
                "manifest=" + manifestKey,
                "out=" + r.outputDirectory().toAbsolutePath(),
                "budgets=" + budgets(r.budgets()),
                "external=" + externalLayers(r.externalLayers()),
                "baseline=" + baseline,
                "skipped=" + r.budgetsSkipped(),
                "image=" + r.imageBytes(),
                "stepSummary=" + (r.githubStepSummary() != null),
                "presentation=" + presentation));
    }

    /**
     * Every field of every budget, written out: a record's {@code toString} would give the same information, but its
     * first call bootstraps method handles, which took tens of milliseconds of a no-op build in a fresh Maven JVM.
     * Texts are length-prefixed, so no layer name (the user's text) can make two lists of budgets read the same.
     */
    private static String budgets(List<BudgetSpec> budgets) {
        StringBuilder s = new StringBuilder();
        for (BudgetSpec b : budgets) {
            s.append(b.kind().name()).append(',').append(b.limit()).append(',').append(b.percent());
            text(s, b.layer());
            s.append(b.level().name());
            text(s, b.element());
            s.append(';');
        }
        return s.toString();
    }

    /** As {@link #budgets}, for the external layers. */
    private static String externalLayers(List<ExternalLayerSpec> layers) {
        StringBuilder s = new StringBuilder();
        for (ExternalLayerSpec e : layers) {
            text(s, e.arn());
            s.append(e.unzippedBytes()).append(';');
        }
        return s.toString();
    }

    /** {@code |-|} for null, else {@code |length:text|}. */
    private static void text(StringBuilder s, String text) {
        if (text == null) {
            s.append("|-|");
        } else {
            s.append('|').append(text.length()).append(':').append(text).append('|');
        }
    }

    /** The remembered verdict for {@code key}, if the report files it wrote are still there, unchanged. */
    public static Optional<Verdict> read(Path memo, String key, Path json, Path html) {
        if (!Files.isRegularFile(memo)) {
            return Optional.empty();
        }
        try {
            String all = Files.readString(memo, StandardCharsets.UTF_8);
            int[] pos = {0};
            if (!next(all, pos).equals(HEADER)
                    || !next(all, pos).equals("key " + key)
                    || !next(all, pos).equals("json " + stamp(json))
                    || !next(all, pos).equals("html " + stamp(html))) {
                return Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            String failure = null;
            String summary = null;
            while (pos[0] < all.length()) {
                // "<kind> <level> <length>", then that many characters of text and a newline
                String[] head = next(all, pos).split(" ", 3);
                int end = pos[0] + Integer.parseInt(head[2]);
                if (all.charAt(end) != '\n') {
                    return Optional.empty();
                }
                String text = all.substring(pos[0], end);
                pos[0] = end + 1;
                switch (head[0]) {
                    case "line" -> lines.add(new Line(level(head[1]), text));
                    case "failure" -> failure = text;
                    case "summary" -> summary = text;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Verdict(lines, failure, summary));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the check simply runs again
        }
    }

    /** {@code Level.valueOf}, without the reflection its first call costs in a fresh JVM. */
    private static Level level(String name) {
        return switch (name) {
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARN;
            case "ERROR" -> Level.ERROR;
            default -> throw new IllegalArgumentException("unknown level " + name);
        };
    }

    /** The line starting at {@code pos[0]}, which moves past it. */
    private static String next(String all, int[] pos) {
        int newline = all.indexOf('\n', pos[0]);
        if (newline < 0) {
            throw new IllegalArgumentException("truncated");
        }
        String line = all.substring(pos[0], newline);
        pos[0] = newline + 1;
        return line;
    }

    /** Remembers a verdict; call after the reports were written. */
    public static void write(Path memo, String key, Verdict v, Path json, Path html) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER)
                .append('\n')
                .append("key ")
                .append(key)
                .append('\n')
                .append("json ")
                .append(stamp(json))
                .append('\n')
                .append("html ")
                .append(stamp(html))
                .append('\n');
        for (Line l : v.lines()) {
            text(sb, "line " + l.level(), l.text());
        }
        if (v.failure() != null) {
            text(sb, "failure -", v.failure());
        }
        if (v.stepSummary() != null) {
            text(sb, "summary -", v.stepSummary());
        }
        Files.createDirectories(memo.toAbsolutePath().getParent());
        Files.writeString(memo, sb, StandardCharsets.UTF_8);
    }

    /**
     * The reports are derived output and nothing is decided from their content, so a stamp compare (no racy guard)
     * only has to notice that one was deleted, replaced or edited, and then the check runs and rewrites them.
     */
    private static String stamp(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        FileStamp s = FileStamp.of(file, 0);
        return s.size() + " " + s.newestChangeMillis() + " " + s.fingerprint();
    }

    /** A text as is, after its length: read back by position, no escaping or decoding (a no-op replays them all). */
    private static void text(StringBuilder sb, String head, String text) {
        sb.append(head)
                .append(' ')
                .append(text.length())
                .append('\n')
                .append(text)
                .append('\n');
    }
}
