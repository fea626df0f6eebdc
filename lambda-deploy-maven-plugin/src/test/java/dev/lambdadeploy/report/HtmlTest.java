package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersThatEndTextOrAnAttribute() {
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Html.esc("a & b <c> \"d\" 'e'"));
        assertEquals("&amp;amp;", Html.esc("&amp;"), "escaped text is escaped again, not taken as an entity");
        assertEquals("", Html.esc(null));
        assertEquals("λ · \u2192 😀", Html.esc("λ · \u2192 😀"), "everything else is written as it is (UTF-8 page)");
    }

    @Test
    void fillsEscapedAndRawHoles() {
        Map<String, String> values = new HashMap<>();
        values.put("name", "<b>&'x'");
        values.put("body", "<p>as is</p>");
        values.put("empty", null);
        assertEquals(
                "<title>&lt;b&gt;&amp;&#39;x&#39;</title><p>as is</p>[]<i>&lt;b&gt;&amp;&#39;x&#39;</i>",
                Html.fill("<title>{{name}}</title>{{{body}}}[{{empty}}]<i>{{name}}</i>", values));
        assertEquals("no holes { } {x}", Html.fill("no holes { } {x}", Map.of()));
    }

    @Test
    void aHoleWithoutValueOrAValueWithoutHoleIsABug() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Html.fill("{{a}}", Map.of()))
                .getMessage()
                .contains("no value for a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Html.fill("x", Map.of("b", "1")))
                .getMessage()
                .contains("no hole for [b]"));
        assertThrows(IllegalArgumentException.class, () -> Html.fill("{{a", Map.of("a", "1")));
        assertThrows(IllegalArgumentException.class, () -> Html.fill("{{{a}}", Map.of("a", "1")));
    }

    @Test
    void theReportResourcesAreThere() {
        for (String name : new String[] {
            "size-report.html", "size-report.css", "size-report.js",
            "analysis-report.html", "analysis-report.css", "analysis-report.js"
        }) {
            String text = Html.resource(name);
            assertTrue(text.endsWith("\n"), name);
        }
        assertThrows(IllegalStateException.class, () -> Html.resource("nope.html"));
    }
}
