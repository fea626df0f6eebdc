package dev.lambdadeploy.config;

import java.util.regex.Pattern;

/**
 * Ant-style glob over entry names inside a jar: {@code **} crosses directories, {@code *} and {@code ?} do not.
 * {@code META-INF/maven/**}, {@code **}{@code /*.java}, {@code org/sqlite/native/Mac/**}.
 */
public final class EntryGlob {
    private final String text;
    private final Pattern regex;

    private EntryGlob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static EntryGlob parse(String glob, String element) {
        String g = glob == null ? "" : glob.trim();
        if (g.isEmpty() || g.startsWith("/") || g.contains("\\")) {
            throw new ConfigException(
                    element,
                    "malformed entry pattern '" + glob + "'. Use a relative path glob with '/' separators, "
                            + "e.g. META-INF/maven/** or **/*.txt.");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new EntryGlob(g, Pattern.compile(re.toString()));
    }

    public boolean matches(String entryName) {
        return regex.matcher(entryName).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
