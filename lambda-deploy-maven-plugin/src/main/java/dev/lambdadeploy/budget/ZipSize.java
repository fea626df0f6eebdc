package dev.lambdadeploy.budget;

/**
 * One zip of the package: the function zip, a layer this build made, or an external layer (declared by ARN, only
 * its unzipped size known: {@code zippedBytes} is -1 then).
 */
public record ZipSize(String name, Kind kind, String path, long zippedBytes, long unzippedBytes, int jarCount) {
    public enum Kind {
        FUNCTION,
        LAYER,
        EXTERNAL_LAYER
    }

    /** {@code function}, {@code layer:<name>} (as the manifest's jar {@code target}) or {@code external:<name>}. */
    public String id() {
        switch (kind) {
            case FUNCTION:
                return "function";
            case LAYER:
                return "layer:" + name;
            default:
                return "external:" + name;
        }
    }

    public boolean isLayer() {
        return kind != Kind.FUNCTION;
    }

    public String label() {
        switch (kind) {
            case FUNCTION:
                return "function.zip";
            case LAYER:
                return "layer " + name;
            default:
                return "external layer " + name;
        }
    }
}
