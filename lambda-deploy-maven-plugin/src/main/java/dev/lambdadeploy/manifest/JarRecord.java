package dev.lambdadeploy.manifest;

import java.util.List;

/**
 * One dependency jar: coordinates, how it arrived ({@code dependencyPath}, project first), where it went
 * ({@code target} = {@code function} or {@code layer:<name>}, {@code zipEntry}) and what stripping did to it. Built by
 * name with {@link #builder(String, String, String)}.
 */
public record JarRecord(
        String groupId,
        String artifactId,
        String version,
        String classifier,
        String scope,
        List<String> dependencyPath,
        String target,
        String zipEntry,
        long originalBytes,
        long finalBytes,
        boolean signed,
        boolean snapshot,
        boolean reactor,
        List<Removal> removed) {

    public JarRecord {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version
                + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
    }

    public static Builder builder(String groupId, String artifactId, String version) {
        return new Builder(groupId, artifactId, version);
    }

    /** Names each component after the coordinates; what is not set stays {@code null}, {@code 0} or {@code false}. */
    public static final class Builder {
        private final String groupId;
        private final String artifactId;
        private final String version;
        private String classifier;
        private String scope;
        private List<String> dependencyPath;
        private String target;
        private String zipEntry;
        private long originalBytes;
        private long finalBytes;
        private boolean signed;
        private boolean snapshot;
        private boolean reactor;
        private List<Removal> removed;

        private Builder(String groupId, String artifactId, String version) {
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.version = version;
        }

        public Builder classifier(String classifier) {
            this.classifier = classifier;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder dependencyPath(List<String> dependencyPath) {
            this.dependencyPath = dependencyPath;
            return this;
        }

        /** Where the jar went: {@code target} ({@code function} or {@code layer:<name>}) and its entry there. */
        public Builder placed(String target, String zipEntry) {
            this.target = target;
            this.zipEntry = zipEntry;
            return this;
        }

        /** Its size before and after stripping. */
        public Builder bytes(long originalBytes, long finalBytes) {
            this.originalBytes = originalBytes;
            this.finalBytes = finalBytes;
            return this;
        }

        public Builder signed(boolean signed) {
            this.signed = signed;
            return this;
        }

        public Builder snapshot(boolean snapshot) {
            this.snapshot = snapshot;
            return this;
        }

        public Builder reactor(boolean reactor) {
            this.reactor = reactor;
            return this;
        }

        public Builder removed(List<Removal> removed) {
            this.removed = removed;
            return this;
        }

        public JarRecord build() {
            return new JarRecord(
                    groupId,
                    artifactId,
                    version,
                    classifier,
                    scope,
                    dependencyPath,
                    target,
                    zipEntry,
                    originalBytes,
                    finalBytes,
                    signed,
                    snapshot,
                    reactor,
                    removed);
        }
    }
}
