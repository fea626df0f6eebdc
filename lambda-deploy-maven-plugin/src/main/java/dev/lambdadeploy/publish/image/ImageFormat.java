package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.config.ConfigException;
import java.util.Locale;

/** Manifest format of the pushed image; Lambda accepts both (single-platform only). */
public enum ImageFormat {
    DOCKER("application/vnd.docker.distribution.manifest.v2+json"),
    OCI("application/vnd.oci.image.manifest.v1+json");

    private final String manifestMediaType;

    ImageFormat(String manifestMediaType) {
        this.manifestMediaType = manifestMediaType;
    }

    public String manifestMediaType() {
        return manifestMediaType;
    }

    public static ImageFormat parse(String value, String element) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "docker":
                return DOCKER;
            case "oci":
                return OCI;
            default:
                throw new ConfigException(
                        element,
                        "unknown image format '" + value
                                + "'. Use Docker (default) or OCI, e.g. <imageFormat>OCI</imageFormat>.");
        }
    }
}
