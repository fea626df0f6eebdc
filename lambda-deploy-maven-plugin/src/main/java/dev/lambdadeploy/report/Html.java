package dev.lambdadeploy.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the HTML reports share: the one escaper and a tiny template fill. Templates, styles and scripts are resources
 * next to this class, so they read as HTML, CSS and JavaScript instead of Java strings.
 *
 * <p>A template names its holes {@code {{name}}} (the value is escaped) or {@code {{{name}}}} (the value is HTML
 * already, inserted as it is); a null value leaves the hole empty. A hole without a value, or a value without a hole,
 * is a bug in the renderer and fails.
 */
final class Html {
    private Html() {}

    /** Text or attribute value to HTML: safe inside elements and in single- or double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A UTF-8 resource of this package, as it is. */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + Html.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every hole replaced by its value: escaped for {@code {{name}}}, as is for {@code {{{name}}}}. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 1024);
        Set<String> used = new HashSet<>();
        int from = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", from)) {
            boolean raw = template.startsWith("{{{", open);
            String close = raw ? "}}}" : "}}";
            int start = open + (raw ? 3 : 2);
            int end = template.indexOf(close, start);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed " + template.substring(open, start) + " at " + open);
            }
            String name = template.substring(start, end);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for " + name);
            }
            String value = values.get(name);
            used.add(name);
            out.append(template, from, open).append(raw ? value == null ? "" : value : esc(value));
            from = end + close.length();
        }
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new HashSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException("no hole for " + unused);
        }
        return out.append(template, from, template.length()).toString();
    }
}
