package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.LayerArns;
import dev.lambdadeploy.publish.image.ImageRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a function goes back to: code (CodeSha256, or for an image function the digest-pinned image URI with
 * {@code codeSha256} holding its digest, or a published version's CodeSha256) and the full layer list, and the
 * published version it came from when there is one. Resolved from the deploy history tags (previous deployment) or
 * from what Lambda keeps (published versions, aliases).
 */
record RollbackTarget(
        String description,
        String codeSha256,
        String imageUri,
        List<String> layerArns,
        String version,
        String gitCommit,
        List<String> managedLayerArns) {

    private static final Pattern GIT = Pattern.compile("\\bgit ([0-9a-f]{7,40})\\b");

    static RollbackTarget resolve(DeployedFunction f, String to) {
        return to == null ? previous(f) : named(f, to);
    }

    /**
     * The deployment before the current one: the history tags (the previous CodeSha256 and layers of a zip function,
     * the previous digest-pinned image URI of an image function), else the newest published version that differs.
     */
    private static RollbackTarget previous(DeployedFunction f) {
        Map<String, String> tags = f.tags();
        String history;
        if (f.image()) {
            String prevUri = tags.get(History.PREVIOUS_IMAGE_URI);
            String prevDigest = ImageRef.pinnedDigest(prevUri);
            if (prevDigest != null && !prevDigest.equals(f.imageDigest())) {
                return new RollbackTarget(
                        "previous deployment (deploy history tags)",
                        prevDigest,
                        prevUri,
                        f.layerArns(),
                        null,
                        null,
                        List.of());
            }
            history = prevUri == null
                    ? "its deploy history tags record no earlier image (" + History.PREVIOUS_IMAGE_URI + ")"
                    : prevDigest == null
                            ? "the earlier image in its deploy " + "history tags (" + prevUri
                                    + ") is not pinned by digest"
                            : "the earlier image in its deploy " + "history tags is what runs now";
        } else {
            String prevCode = tags.get(History.PREVIOUS_CODE);
            if (prevCode != null) {
                List<String> prevManaged = layerArns(f, tags.get(History.PREVIOUS_LAYERS));
                Set<String> retired = new HashSet<>(History.managedLayerNames(tags));
                prevManaged.forEach(a -> retired.remove(LayerArns.name(a)));
                List<String> layers = LayerArns.desired(f.layerArns(), prevManaged, retired);
                RollbackTarget t = new RollbackTarget(
                        "previous deployment (deploy history tags)", prevCode, null, layers, null, null, prevManaged);
                if (!t.sameAs(f)) {
                    return t;
                }
            }
            history = prevCode == null
                    ? "its deploy history tags record no earlier deployment"
                    : "the earlier deployment in its deploy history tags is what runs now";
        }
        List<DeployedFunction.PublishedVersion> versions = new ArrayList<>(f.versions());
        for (int i = versions.size() - 1; i >= 0; i--) {
            RollbackTarget t = fromVersion(
                    f,
                    versions.get(i),
                    "previous deployment (published version " + versions.get(i).version() + ")");
            if (!t.sameAs(f)) {
                return t;
            }
        }
        throw new LifecycleException("Nothing to roll back to for " + (f.image() ? "image " : "") + "function "
                + f.name() + " in " + f.region() + ": " + history + ", and no published version differs from "
                + "what runs now" + (f.versions().isEmpty() ? " (it has none)" : "") + ". Roll back after a second "
                + "lambda:deploy, name a target with -Dlambda.rollback.to=<version|alias|git commit>, or deploy the "
                + "old build: check out the old commit and run 'mvn package lambda:deploy'.");
    }

    private static RollbackTarget named(DeployedFunction f, String to) {
        if (to.chars().allMatch(Character::isDigit)) {
            // a published version with that number wins; an abbreviated git commit can be all digits too
            RollbackTarget version = f.versions().stream()
                    .filter(v -> v.version().equals(to))
                    .findFirst()
                    .map(v -> fromVersion(f, v, "version " + to))
                    .orElse(null);
            if (version != null) {
                return version;
            }
            boolean commitLike = to.length() >= 7 && to.length() <= 40;
            RollbackTarget deploy = commitLike ? deployOfCommit(f, to) : null;
            if (deploy != null) {
                return deploy;
            }
            throw unknown(
                    f,
                    to,
                    "there is no published version " + to
                            + (commitLike ? " and no deploy from a git commit starting with " + to : ""));
        }
        String aliasVersion = f.aliases().get(to);
        if (aliasVersion != null) {
            return f.versions().stream()
                    .filter(v -> v.version().equals(aliasVersion))
                    .findFirst()
                    .map(v -> fromVersion(f, v, "alias " + to + " (version " + aliasVersion + ")"))
                    .orElseThrow(() -> unknown(
                            f,
                            to,
                            "alias " + to + " points at version " + aliasVersion
                                    + ", which is not a published version"));
        }
        RollbackTarget deploy = to.matches("[0-9a-fA-F]{7,40}") ? deployOfCommit(f, to) : null;
        if (deploy != null) {
            return deploy;
        }
        throw unknown(f, to, "it is neither a published version, an alias nor the git commit of a deploy");
    }

    /** The newest published version deployed from git commit {@code to} (full or abbreviated), else {@code null}. */
    private static RollbackTarget deployOfCommit(DeployedFunction f, String to) {
        String commit = to.toLowerCase(java.util.Locale.ROOT);
        for (int i = f.versions().size() - 1; i >= 0; i--) {
            DeployedFunction.PublishedVersion v = f.versions().get(i);
            String c = gitCommit(v.description());
            if (c != null && (c.startsWith(commit) || commit.startsWith(c))) {
                return fromVersion(f, v, "deploy " + to + " (version " + v.version() + ")");
            }
        }
        return null;
    }

    private static LifecycleException unknown(DeployedFunction f, String to, String why) {
        String versions = f.versions().isEmpty()
                ? "none"
                : String.join(
                        ", ",
                        f.versions().stream()
                                .map(DeployedFunction.PublishedVersion::version)
                                .toList());
        String aliases =
                f.aliases().isEmpty() ? "none" : String.join(", ", f.aliases().keySet());
        return new LifecycleException("Cannot roll back function " + f.name() + " in " + f.region() + " to '" + to
                + "': " + why + ". Published versions: " + versions + "; aliases: " + aliases + ". Use "
                + "-Dlambda.rollback.to=<version|alias|git commit> with one of them, or leave it out to go back to the "
                + "previous deployment.");
    }

    private static RollbackTarget fromVersion(DeployedFunction f, DeployedFunction.PublishedVersion v, String what) {
        Set<String> historyNames = History.managedLayerNames(f.tags());
        List<String> managed = v.layerArns().stream()
                .filter(a -> historyNames.contains(LayerArns.name(a)))
                .toList();
        // CodeSha256 compares image versions too; their image URI is read only once one is the target (CodeSource)
        return new RollbackTarget(
                what, v.codeSha256(), null, v.layerArns(), v.version(), gitCommit(v.description()), managed);
    }

    static String gitCommit(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = GIT.matcher(description);
        return m.find() ? m.group(1) : null;
    }

    /** Layer ARNs from the {@code name:version} short forms of the history tags (the function's partition, region
     *  and account: from its ARN, so rollback names the same layers in aws-cn and aws-us-gov). */
    private static List<String> layerArns(DeployedFunction f, String shortForms) {
        if (shortForms == null || shortForms.isBlank()) {
            return List.of();
        }
        return Arrays.stream(shortForms.trim().split("\\s+"))
                .map(s -> Partitions.layerVersionArnLike(f.arn(), s))
                .toList();
    }

    boolean changesCode(DeployedFunction f) {
        if (f.image()) {
            String digest = ImageRef.pinnedDigest(imageUri);
            if (digest != null) {
                return !digest.equals(f.imageDigest());
            }
            return codeSha256 == null ? version != null : !codeSha256.equals(f.codeSha256());
        }
        return codeSha256 != null && !codeSha256.equals(f.codeSha256());
    }

    boolean sameAs(DeployedFunction f) {
        return !changesCode(f) && layerArns.equals(f.layerArns());
    }
}
