package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.BudgetKind;
import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Concrete fixes for one violation, best first. Fixes that remove bytes (an {@code <exclusion>}, a jar group moved
 * to its own layer) are ranked by bytes saved. Fixes that lift a limit instead come first when they are the
 * intended answer (S3 upload for the direct-upload limit) or when no byte fix can reach the limit (container image
 * over 250 MB); otherwise last.
 */
final class Suggestions {
    static final int MAX_EXCLUSIONS = 3;

    List<Fix> fixes(
            Budget b,
            ZipSize zip,
            boolean zipped,
            List<JarSize> scope,
            long actual,
            long limit,
            long baseValue,
            PackageSizes sizes) {
        ToLongFunction<JarSize> measure = zipped ? JarSize::zippedBytes : JarSize::unzippedBytes;
        long excess = excessBytes(b, actual, limit, baseValue);
        List<Fix> out = new ArrayList<>();
        if (b.kind() == BudgetKind.LAYER_COUNT) {
            out.addAll(mergeLayers(sizes, actual - limit));
            if (b.aws()) {
                out.add(containerImage(sizes, "Image functions use no layers at all: everything goes into the image."));
            }
            return out;
        }
        List<Fix> byteFixes = new ArrayList<>(exclusions(scope, measure, excess));
        boolean zipBudget = zip != null && b.kind() != BudgetKind.GROWTH;
        if (zipBudget) {
            ownLayer(zip, scope, measure, excess, sizes).ifPresent(byteFixes::add);
        }
        byteFixes.sort(Comparator.comparingLong(Fix::bytesSaved).reversed());
        if (LimitBudgets.DIRECT_UPLOAD_ID.equals(b.id())) {
            out.add(new Fix(
                    Fix.Kind.S3_UPLOAD,
                    "Upload " + zip.label() + " through S3 instead of in the request:"
                            + " S3 lifts the 50 MB direct-upload limit (the 250 MB unzipped limit still applies).",
                    "mvn package lambda:deploy -Dlambda.deploy.mode=s3",
                    0,
                    true));
        }
        boolean overAwsTotal = b.kind() == BudgetKind.TOTAL_UNZIPPED && actual > LambdaLimits.TOTAL_UNZIPPED;
        long allBytes = byteFixes.stream().mapToLong(Fix::bytesSaved).sum();
        if (overAwsTotal && allBytes < excess) {
            out.add(containerImage(sizes, "None of the other fixes brings it under 250 MB."));
            out.addAll(byteFixes);
        } else {
            out.addAll(byteFixes);
            if (overAwsTotal) {
                out.add(containerImage(sizes, "If the code really needs more than 250 MB."));
            }
        }
        return out;
    }

    /** Bytes that must go for the budget to hold. */
    private static long excessBytes(Budget b, long actual, long limit, long baseValue) {
        if (b.percent()) {
            return (long) Math.ceil((actual - limit) * (double) baseValue / 10000);
        }
        return actual - limit;
    }

    /** {@code <exclusion>}s for transitive jars, each saving the jar and what only arrived through it. */
    @SuppressWarnings("ReferenceEquality")
    private static List<Fix> exclusions(List<JarSize> scope, ToLongFunction<JarSize> measure, long excess) {
        Map<String, JarSize> candidates = new LinkedHashMap<>();
        for (JarSize j : scope) {
            if (!j.isProjectClasses() && j.transitive()) {
                candidates.putIfAbsent(ga(j), j);
            }
        }
        // what each exclusion saves first, and a fix (title, XML) written only for the few that are kept
        List<Exclusion> savings = new ArrayList<>();
        for (JarSize j : candidates.values()) {
            String excluded = ga(j);
            List<JarSize> dropped =
                    scope.stream().filter(k -> below(k, excluded)).collect(Collectors.toList());
            long saved = dropped.stream().mapToLong(measure).sum();
            if (saved > 0) {
                savings.add(new Exclusion(j, excluded, dropped, saved));
            }
        }
        savings.sort(Comparator.comparingLong(Exclusion::saved).reversed()); // stable: ties keep the scope's order
        List<Fix> fixes = new ArrayList<>();
        for (Exclusion e : savings.subList(0, Math.min(MAX_EXCLUSIONS, savings.size()))) {
            JarSize j = e.jar();
            String direct = DependencyPaths.groupArtifact(j.dependencyPath().get(1));
            // by identity (both come from scope): a record's equals bootstraps method handles, tens of ms in a cold JVM
            List<String> also = e.dropped().stream()
                    .filter(k -> k != j)
                    .map(JarSize::artifactId)
                    .collect(Collectors.toList());
            String title = "Exclude " + e.excluded() + " (" + DependencyPaths.display(j.dependencyPath())
                    + ") if your code does not need it at runtime: saves " + Amounts.bytes(e.saved())
                    + (also.isEmpty() ? "" : ", with " + String.join(", ", also) + " that only it pulls in")
                    + ". Paste into the <dependency> on " + direct + ":";
            fixes.add(new Fix(
                    Fix.Kind.EXCLUDE_DEPENDENCY,
                    title,
                    DependencyPaths.exclusionXml(direct, e.excluded()),
                    e.saved(),
                    e.saved() >= excess));
        }
        return fixes;
    }

    /** Excluding {@code excluded} (the {@code groupId:artifactId} of {@code jar}) drops {@code dropped}. */
    private record Exclusion(JarSize jar, String excluded, List<JarSize> dropped, long saved) {}

    /** True when {@code k} is {@code excluded} itself or arrived through it (below the direct dependency). */
    private static boolean below(JarSize k, String excluded) {
        List<String> path = k.dependencyPath();
        for (int i = 2; i < path.size(); i++) {
            if (DependencyPaths.groupArtifact(path.get(i)).equals(excluded)) {
                return true;
            }
        }
        return false;
    }

    private static String ga(JarSize j) {
        return j.groupId() + ":" + j.artifactId();
    }

    /** Moves the biggest groupId of a zip into a new layer placed first in {@code <layers>}. */
    private static java.util.Optional<Fix> ownLayer(
            ZipSize zip, List<JarSize> scope, ToLongFunction<JarSize> measure, long excess, PackageSizes sizes) {
        if (sizes.layerCount() + 1 > LambdaLimits.MAX_LAYERS) {
            return java.util.Optional.empty();
        }
        Map<String, List<JarSize>> byGroup = new LinkedHashMap<>();
        scope.stream()
                .filter(j -> !j.isProjectClasses())
                .forEach(j -> byGroup.computeIfAbsent(j.groupId(), g -> new ArrayList<>())
                        .add(j));
        long jarsInZip = scope.stream().filter(j -> !j.isProjectClasses()).count();
        return byGroup.entrySet().stream()
                // moving every jar of a layer into another layer only renames the problem
                .filter(e -> zip.kind() == ZipSize.Kind.FUNCTION || e.getValue().size() < jarsInZip)
                .max(Comparator.comparingLong(
                        e -> e.getValue().stream().mapToLong(measure).sum()))
                .map(e -> {
                    long saved = e.getValue().stream().mapToLong(measure).sum();
                    String name = layerName(e.getKey(), sizes);
                    String before = zip.kind() == ZipSize.Kind.LAYER
                            ? " before the layer '" + zip.name() + "'"
                            : " (jars that match no layer go to function.zip)";
                    String title = "Move the " + e.getValue().size() + " jar(s) of " + e.getKey() + " ("
                            + Amounts.bytes(saved) + ") out of " + zip.label() + " into their own layer '" + name
                            + "': add it to <layers>" + before + ". Without <layers> configured, also add a last"
                            + " layer with <include>*:*</include> for the rest.";
                    String xml = "<layer>\n  <name>" + name + "</name>\n  <includes>\n    <include>" + e.getKey()
                            + ":*</include>\n  </includes>\n</layer>";
                    return new Fix(Fix.Kind.OWN_LAYER, title, xml, saved, saved >= excess);
                });
    }

    private static String layerName(String groupId, PackageSizes sizes) {
        String[] parts = groupId.split("\\.");
        String base = parts[parts.length - 1].replaceAll("[^A-Za-z0-9_-]", "-");
        Set<String> taken = sizes.layers().stream().map(ZipSize::name).collect(Collectors.toSet());
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** Merges the smallest built layers so the count fits. */
    private static List<Fix> mergeLayers(PackageSizes sizes, long tooMany) {
        List<ZipSize> built = sizes.layers().stream()
                .sorted(Comparator.comparingLong(ZipSize::unzippedBytes))
                .collect(Collectors.toList());
        if (built.size() < tooMany + 1) {
            return List.of(new Fix(
                    Fix.Kind.MERGE_LAYERS,
                    "Only " + built.size() + " of the "
                            + sizes.layerCount()
                            + " layers are built here; attach fewer <externalLayers> or merge their"
                            + " content into a layer of this build.",
                    "",
                    0,
                    false));
        }
        List<ZipSize> merge = built.subList(0, (int) tooMany + 1);
        Set<String> groups = new LinkedHashSet<>();
        for (ZipSize z : merge) {
            sizes.itemsIn(z.id()).forEach(j -> groups.add(j.groupId()));
        }
        String name = merge.stream().map(ZipSize::name).collect(Collectors.joining("-"));
        name = name.length() > 64 ? name.substring(0, 64) : name;
        StringBuilder xml = new StringBuilder("<layer>\n  <name>").append(name).append("</name>\n  <includes>\n");
        groups.forEach(g -> xml.append("    <include>").append(g).append(":*</include>\n"));
        xml.append("  </includes>\n</layer>");
        long mergedBytes = merge.stream().mapToLong(ZipSize::unzippedBytes).sum();
        String title = "Merge the layers " + merge.stream().map(ZipSize::name).collect(Collectors.joining(", ")) + " ("
                + ByteSizes.human(mergedBytes) + " unzipped together) into one: replace their <layer>s with:";
        return List.of(new Fix(Fix.Kind.MERGE_LAYERS, title, xml.toString(), 0, true));
    }

    private static Fix containerImage(PackageSizes sizes, String why) {
        return new Fix(
                Fix.Kind.CONTAINER_IMAGE,
                "Deploy as a container image (up to 10 GB, no layers). " + why,
                "mvn package lambda:deploy -Dlambda.deploy.mode=image",
                0,
                sizes.totalUnzipped() <= LambdaLimits.IMAGE_SIZE);
    }
}
