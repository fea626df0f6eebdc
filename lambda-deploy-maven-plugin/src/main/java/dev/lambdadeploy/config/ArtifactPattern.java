package dev.lambdadeploy.config;

import java.util.regex.Pattern;

/**
 * {@code groupId:artifactId[:version]} with {@code *} wildcards in any part, e.g. {@code software.amazon.awssdk:*},
 * {@code *:*:*-SNAPSHOT}, {@code com.fasterxml.jackson.*:*}.
 */
public final class ArtifactPattern {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.*\\-+]+");

    private final String text;
    private final Pattern group;
    private final Pattern artifact;
    private final Pattern version;

    private ArtifactPattern(String text, Pattern group, Pattern artifact, Pattern version) {
        this.text = text;
        this.group = group;
        this.artifact = artifact;
        this.version = version;
    }

    public static ArtifactPattern parse(String text, String element) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split(":", -1);
        if (t.isEmpty() || parts.length < 2 || parts.length > 3) {
            throw malformed(text, element);
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches()) {
                throw malformed(text, element);
            }
        }
        return new ArtifactPattern(t, glob(parts[0]), glob(parts[1]), parts.length == 3 ? glob(parts[2]) : null);
    }

    private static ConfigException malformed(String text, String element) {
        return new ConfigException(
                element,
                "malformed artifact pattern '" + text + "'. Expected groupId:artifactId or groupId:artifactId:version, "
                        + "with * as wildcard, e.g. software.amazon.awssdk:* or *:*:*-SNAPSHOT.");
    }

    private static Pattern glob(String part) {
        return Pattern.compile(toRegex(part));
    }

    private static String toRegex(String part) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '*') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(".*");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return re.toString();
    }

    public boolean matches(String groupId, String artifactId, String version) {
        return group.matcher(groupId).matches()
                && artifact.matcher(artifactId).matches()
                && (this.version == null || this.version.matcher(version).matches());
    }

    @Override
    public String toString() {
        return text;
    }
}
