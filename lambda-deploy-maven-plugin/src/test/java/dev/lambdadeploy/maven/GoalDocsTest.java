package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goal pages in docs/goals/ are written by hand; this keeps them complete. It reads the plugin descriptor that
 * maven-plugin-plugin generated from the mojos' @Parameter annotations (target/classes/META-INF/maven/plugin.xml, made
 * in process-classes, before the tests) and checks that every user-settable parameter of every goal has a row in
 * that goal's page naming the parameter, its -D property and its default. The README must link every goal page.
 */
class GoalDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOCS = Path.of("../docs/goals");
    private static final Path README = Path.of("../README.md");

    /** A parameter as the descriptor states it: property and default are null when there are none. */
    record Param(String name, String alias, String property, String defaultValue) {}

    @Test
    void everyParameterOfEveryGoalHasARowInItsGoalPage() throws Exception {
        Map<String, List<Param>> goals = readDescriptor();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Param>> goal : goals.entrySet()) {
            problems.addAll(check(goal.getKey(), goal.getValue()));
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " parameter(s) missing or stale in docs/goals/ (each needs a table row "
                    + "| `name` | `property` | `default` | meaning |):\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void readmeLinksEveryGoalPage() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> missing = readDescriptor().keySet().stream()
                .filter(goal -> !readme.contains("(docs/goals/" + goal + ".md)"))
                .toList();
        assertEquals(List.of(), missing, "goals whose page README.md does not link as (docs/goals/<goal>.md)");
    }

    /** The checker itself: a page missing a parameter, its property or its default must be reported. */
    @Test
    void aMissingOrStaleRowIsReported() {
        String page = String.join(
                "\n",
                "| parameter | property | default | meaning |",
                "|---|---|---|---|",
                "| `keep` | `lambda.prune.keep` | `3` | newest versions kept |",
                "| `delete` | `lambda.prune.remove` | `false` | really delete |",
                "| `s3ExpireDays` | `lambda.prune.s3ExpireDays` | `7` | expire |",
                "Text that mentions `deployBucket` outside a table.");
        List<String> problems = checkPage(
                "prune",
                page,
                List.of(
                        new Param("keep", null, "lambda.prune.keep", "3"),
                        new Param("delete", null, "lambda.prune.delete", "false"),
                        new Param("s3ExpireDays", null, "lambda.prune.s3ExpireDays", "90"),
                        new Param("deployBucket", null, "lambda.deploy.bucket", null)));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).contains("delete") && problems.get(0).contains("lambda.prune.delete"), problems.get(0));
        assertTrue(problems.get(1).contains("s3ExpireDays") && problems.get(1).contains("90"), problems.get(1));
        assertTrue(problems.get(2).contains("deployBucket") && problems.get(2).contains("no row"), problems.get(2));
    }

    @Test
    void descriptorListsTheGoalsAndTheirParameters() throws Exception {
        Map<String, List<Param>> goals = readDescriptor();
        assertEquals(
                List.of("analyze", "deploy", "iam-policy", "invoke", "package", "prune", "rollback", "status"),
                goals.keySet().stream().sorted().toList());
        assertTrue(
                goals.get("deploy").contains(new Param("deployMode", "mode", "lambda.deploy.mode", "auto")),
                goals.get("deploy").toString());
        // read-only parameters (the Maven project, the session) are not the user's to set, so not documented
        assertFalse(goals.get("package").stream().anyMatch(p -> p.name().equals("project")));
    }

    private static List<String> check(String goal, List<Param> params) throws IOException {
        Path page = DOCS.resolve(goal + ".md");
        if (!Files.isRegularFile(page)) {
            return List.of("lambda:" + goal + ": no page " + page.normalize()
                    + " (one page per goal, with a parameter table)");
        }
        return checkPage(goal, Files.readString(page, StandardCharsets.UTF_8), params);
    }

    static List<String> checkPage(String goal, String page, List<Param> params) {
        List<String> problems = new ArrayList<>();
        List<String> rows = page.lines().filter(l -> l.startsWith("|")).toList();
        for (Param p : params) {
            Optional<String> row = rows.stream()
                    .filter(r -> firstCell(r).contains("`" + p.name() + "`"))
                    .findFirst();
            String where = "lambda:" + goal + " `" + p.name() + "`";
            if (row.isEmpty()) {
                problems.add(where + ": no row in docs/goals/" + goal + ".md whose first cell is `" + p.name() + "`");
                continue;
            }
            if (p.property() != null && !row.get().contains("`" + p.property() + "`")) {
                problems.add(where + ": its row does not name the property `" + p.property() + "`");
            }
            if (p.defaultValue() != null
                    && !p.defaultValue().isEmpty()
                    && !row.get().contains("`" + p.defaultValue() + "`")) {
                problems.add(where + ": its row does not state the default `" + p.defaultValue() + "`");
            }
            if (p.alias() != null && !row.get().contains("`" + p.alias() + "`")) {
                problems.add(where + ": its row does not name the alias `" + p.alias() + "`");
            }
        }
        return problems;
    }

    private static String firstCell(String row) {
        String[] cells = row.split("\\|", -1);
        return cells.length > 1 ? cells[1] : "";
    }

    /** Goal → its editable parameters, from the generated descriptor; the generated help goal is left out. */
    static Map<String, List<Param>> readDescriptor() throws Exception {
        assertTrue(
                Files.isRegularFile(DESCRIPTOR),
                DESCRIPTOR.toAbsolutePath()
                        + " is missing: it is generated by maven-plugin-plugin in process-classes; run the tests through Maven");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, List<Param>> goals = new LinkedHashMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if ("help".equals(goal)) {
                continue; // made by maven-plugin-plugin's helpmojo; its parameters are the generator's
            }
            Element configuration = child(mojo, "configuration");
            List<Param> params = new ArrayList<>();
            Element parameters = child(mojo, "parameters");
            for (Node n = parameters == null ? null : parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element parameter) || !"parameter".equals(parameter.getTagName())) {
                    continue;
                }
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                String property = null;
                String defaultValue = null;
                Element conf = configuration == null ? null : child(configuration, name);
                if (conf != null) {
                    String expression = conf.getTextContent().trim();
                    if (expression.startsWith("${") && expression.endsWith("}")) {
                        property = expression.substring(2, expression.length() - 1);
                    }
                    defaultValue = conf.hasAttribute("default-value") ? conf.getAttribute("default-value") : null;
                }
                params.add(new Param(name, text(parameter, "alias"), property, defaultValue));
            }
            goals.put(goal, params);
        }
        return goals;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }
}
