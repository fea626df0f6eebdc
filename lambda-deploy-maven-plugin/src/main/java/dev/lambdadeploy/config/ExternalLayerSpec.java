package dev.lambdadeploy.config;

import java.util.regex.Pattern;

/**
 * A layer the function uses that this build does not make (e.g. a monitoring extension), declared by ARN with its
 * unzipped size so it counts against Lambda's 262,144,000-byte and 5-layer limits.
 */
public record ExternalLayerSpec(String arn, long unzippedBytes) {
    /** {@code arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>} */
    private static final Pattern ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[A-Za-z0-9_-]{1,140}:\\d+");

    public static ExternalLayerSpec parse(String arn, String unzippedSize, String element) {
        String a = arn == null ? "" : arn.trim();
        if (!ARN.matcher(a).matches()) {
            throw new ConfigException(
                    element + "<arn>",
                    "'" + arn + "' is not a layer version ARN. Write it as Lambda"
                            + " shows it, e.g. arn:aws:lambda:eu-west-1:123456789012:layer:my-layer:3 (the version is required).");
        }
        if (unzippedSize == null || unzippedSize.isBlank()) {
            throw new ConfigException(
                    element + "<unzippedSize>",
                    "external layer " + a + " needs its unzipped size to"
                            + " count against Lambda's 250 MB limit, e.g. <unzippedSize>12MB</unzippedSize>. `aws lambda"
                            + " get-layer-version-by-arn --arn " + a
                            + "` shows CodeSize (zipped); unzip Content.Location to"
                            + " measure the unzipped size.");
        }
        return new ExternalLayerSpec(a, ByteSize.parse(unzippedSize, element + "<unzippedSize>"));
    }

    /** The layer name part of the ARN. */
    public String name() {
        String[] p = arn.split(":");
        return p[p.length - 2] + ":" + p[p.length - 1];
    }
}
