package dev.lambdadeploy.report;

import dev.lambdadeploy.assemble.FileStamp;
import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
    private static final String HEADER = "lambda-size-check 1";

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

    /** Key of a check's inputs; {@code presentation} adds what the caller puts into the lines (e.g. relative paths). */
    public static String key(SizeReportRequest r, String presentation) {
        PackageManifest m = r.manifest();
        // "reused" only says how this run got the zips; the check does not depend on it.
        PackageManifest normalized = new PackageManifest(
                m.schemaVersion(),
                m.pluginVersion(),
                m.project(),
                m.architecture(),
                m.outputTimestamp(),
                m.settingsKey(),
                m.function() == null ? null : m.function().asReused(),
                m.layers().stream().map(ZipRecord::asReused).collect(Collectors.toList()),
                m.jars());
        String baseline;
        if (r.baseline() == null) {
            baseline = "none";
        } else if (Files.isRegularFile(r.baseline())) {
            baseline = r.baseline().toAbsolutePath() + "=" + Hashes.contentHash(r.baseline());
        } else {
            baseline = "missing:" + r.baseline().toAbsolutePath();
        }
        // the manifest as its JSON: the same content as toString(), without setting up every record's toString
        String manifest = new String(ManifestIO.toJson(normalized), StandardCharsets.UTF_8);
        return Hashes.hex(String.join(
                "\n",
                manifest,
                "out=" + r.outputDirectory().toAbsolutePath(),
                "budgets=" + r.budgets(),
                "external=" + r.externalLayers(),
                "baseline=" + baseline,
                "skipped=" + r.budgetsSkipped(),
                "image=" + r.imageBytes(),
                "stepSummary=" + (r.githubStepSummary() != null),
                "presentation=" + presentation));
    }

    /** The remembered verdict for {@code key}, if the report files it wrote are still there, unchanged. */
    public static Optional<Verdict> read(Path memo, String key, Path json, Path html) {
        if (!Files.isRegularFile(memo)) {
            return Optional.empty();
        }
        try {
            List<String> rows = Files.readAllLines(memo, StandardCharsets.UTF_8);
            if (rows.size() < 5
                    || !rows.get(0).equals(HEADER)
                    || !rows.get(1).equals("key " + key)
                    || !rows.get(2).equals("json " + stamp(json))
                    || !rows.get(3).equals("html " + stamp(html))) {
                return Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            String failure = null;
            String summary = null;
            for (String row : rows.subList(4, rows.size())) {
                String[] parts = row.split(" ", 3);
                switch (parts[0]) {
                    case "line" -> lines.add(new Line(Level.valueOf(parts[1]), decode(parts[2])));
                    case "failure" -> failure = decode(parts[1]);
                    case "summary" -> summary = decode(parts[1]);
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
            sb.append("line ")
                    .append(l.level())
                    .append(' ')
                    .append(encode(l.text()))
                    .append('\n');
        }
        if (v.failure() != null) {
            sb.append("failure ").append(encode(v.failure())).append('\n');
        }
        if (v.stepSummary() != null) {
            sb.append("summary ").append(encode(v.stepSummary())).append('\n');
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

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
