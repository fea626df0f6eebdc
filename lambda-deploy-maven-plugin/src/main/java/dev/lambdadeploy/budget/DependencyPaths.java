package dev.lambdadeploy.budget;

import java.util.ArrayList;
import java.util.List;

/** Dependency paths as users read them ({@code app → g:a → g:b}) and the {@code <exclusion>} that cuts one. */
public final class DependencyPaths {
    public static final String ARROW = " \u2192 ";

    private DependencyPaths() {}

    /** {@code g:a:v} elements, project first, as {@code artifactId → g:a → g:a}. */
    public static String display(List<String> path) {
        if (path.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String[] c = path.get(i).split(":");
            parts.add(i == 0 && c.length >= 2 ? c[1] : c.length >= 2 ? c[0] + ":" + c[1] : path.get(i));
        }
        return String.join(ARROW, parts);
    }

    /** {@code groupId:artifactId} of a {@code g:a:v} path element. */
    public static String groupArtifact(String element) {
        String[] c = element.split(":");
        return c.length >= 2 ? c[0] + ":" + c[1] : element;
    }

    /** The POM XML that excludes {@code excluded} ({@code g:a}) from the direct dependency {@code direct} ({@code g:a}). */
    public static String exclusionXml(String direct, String excluded) {
        String[] d = direct.split(":");
        String[] e = excluded.split(":");
        return "<dependency>\n"
                + "  <groupId>" + d[0] + "</groupId>\n"
                + "  <artifactId>" + d[1] + "</artifactId>\n"
                + "  <!-- keep your <version>/<scope>; add: -->\n"
                + "  <exclusions>\n"
                + "    <exclusion>\n"
                + "      <groupId>" + e[0] + "</groupId>\n"
                + "      <artifactId>" + e[1] + "</artifactId>\n"
                + "    </exclusion>\n"
                + "  </exclusions>\n"
                + "</dependency>";
    }
}
