package dev.lambdadeploy.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents as JSON: {@code iam-policy.json} (the combined policy, ready for
 * {@code aws iam put-role-policy --policy-document file://target/lambda/iam-policy.json}) and
 * {@code iam-policy-by-goal.json} (one policy document per goal, for teams that give deploy and prune separate roles).
 */
public final class PolicyJson {
    public static final String FILE_NAME = "iam-policy.json";
    public static final String BY_GOAL_FILE_NAME = "iam-policy-by-goal.json";
    /** IAM's limit on a role's inline policies, in characters (whitespace not counted). */
    public static final int INLINE_ROLE_POLICY_LIMIT = 10_240;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyJson() {}

    public static String document(List<Statement> statements) {
        return write(documentMap(statements));
    }

    public static String byGoal(GeneratedPolicy policy) {
        Map<String, Object> out = new LinkedHashMap<>();
        policy.goals().forEach(g -> out.put(g.id(), documentMap(policy.of(g))));
        return write(out);
    }

    /** Characters IAM counts against its size limits (whitespace is not counted). */
    public static int size(String json) {
        return json.replaceAll("\\s", "").length();
    }

    public static void writeFiles(GeneratedPolicy policy, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(FILE_NAME), document(policy.combined()));
            Files.writeString(directory.resolve(BY_GOAL_FILE_NAME), byGoal(policy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the IAM policy to " + directory, e);
        }
    }

    private static Map<String, Object> documentMap(List<Statement> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements.stream().map(PolicyJson::statement).toList());
        return doc;
    }

    private static Map<String, Object> statement(Statement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Sid", s.sid());
        m.put("Effect", "Allow");
        m.put("Action", s.actions());
        m.put("Resource", s.resources().size() == 1 ? s.resources().get(0) : s.resources());
        if (!s.condition().isEmpty()) {
            m.put("Condition", s.condition());
        }
        return m;
    }

    private static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
