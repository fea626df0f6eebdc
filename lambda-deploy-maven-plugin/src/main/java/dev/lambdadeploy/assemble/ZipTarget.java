package dev.lambdadeploy.assemble;

/** Where a jar goes: the function zip ({@code lib/}) or a named layer ({@code java/lib/}). */
public record ZipTarget(String layerName) {
    public static final ZipTarget FUNCTION = new ZipTarget(null);

    public static ZipTarget layer(String name) {
        return new ZipTarget(name);
    }

    public boolean isFunction() {
        return layerName == null;
    }

    /** {@code function} or {@code layer:<name>}, as written in the manifest. */
    public String id() {
        return isFunction() ? "function" : "layer:" + layerName;
    }

    /** Folder inside the zip that holds jars. */
    public String jarFolder() {
        return isFunction() ? "lib/" : "java/lib/";
    }
}
