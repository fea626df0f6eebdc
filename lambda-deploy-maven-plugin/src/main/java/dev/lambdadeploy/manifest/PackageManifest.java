package dev.lambdadeploy.manifest;

import java.util.List;

/**
 * {@code target/lambda/lambda-package.json}: everything {@code lambda:package} built, read by every later goal so
 * none of them re-resolves dependencies. See docs/lambda-package-json.md for the field reference.
 */
public record PackageManifest(
        int schemaVersion,
        String pluginVersion,
        ProjectInfo project,
        String architecture,
        String outputTimestamp,
        String settingsKey,
        ZipRecord function,
        List<ZipRecord> layers,
        List<JarRecord> jars) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "lambda-package.json";

    public PackageManifest {
        layers = layers == null ? List.of() : List.copyOf(layers);
        jars = jars == null ? List.of() : List.copyOf(jars);
    }

    /**
     * Whether {@code zip}, taken from {@link #allZips()}, is this package's function zip. By identity on purpose: a
     * layer zip may be equal in every component to the function's (the same jars), and must still count as a layer.
     */
    @SuppressWarnings("ReferenceEquality")
    public boolean isFunction(ZipRecord zip) {
        return zip == function;
    }

    /**
     * The same package with every zip marked {@code reused}: what it holds, without how the run that wrote it got each
     * zip (built or reused), for comparing two packages by content.
     */
    public PackageManifest withAllZipsReused() {
        return withContents(
                function == null ? null : function.asReused(),
                layers.stream().map(ZipRecord::asReused).collect(java.util.stream.Collectors.toList()),
                jars);
    }

    /** The same project, settings and header with other zips and jars. */
    public PackageManifest withContents(ZipRecord function, List<ZipRecord> layers, List<JarRecord> jars) {
        return new PackageManifest(
                schemaVersion,
                pluginVersion,
                project,
                architecture,
                outputTimestamp,
                settingsKey,
                function,
                layers,
                jars);
    }

    public List<ZipRecord> allZips() {
        java.util.ArrayList<ZipRecord> all = new java.util.ArrayList<>(layers);
        if (function != null) {
            all.add(function);
        }
        return all;
    }
}
