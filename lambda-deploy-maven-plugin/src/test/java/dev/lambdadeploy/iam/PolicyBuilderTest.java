package dev.lambdadeploy.iam;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.S3Settings;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The policy builder without AWS: scoping, partitions, the few wildcards AWS requires, and bad input. */
class PolicyBuilderTest {
    static final String ACCOUNT = "123456789012";

    PolicyRequest.Builder request(String... regions) {
        return PolicyRequest.builder()
                .regions(List.of(regions))
                .account(ACCOUNT)
                .functionNames(List.of("orders-api"))
                .layerNames(List.of("app-deps"));
    }

    @Test
    void scopesEveryStatementToTheConfiguredResources() throws Exception {
        GeneratedPolicy p = PolicyBuilder.build(request("eu-west-1").build());

        assertTrue(p.allows("lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:123456789012:function:orders-api"));
        assertTrue(p.allows("lambda:GetFunction", "arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live"));
        assertFalse(p.allows("lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:123456789012:function:other"));
        assertFalse(p.allows("lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:123456789012:function:orders-api"));
        assertTrue(p.allows("lambda:PublishLayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:app-deps"));
        assertTrue(p.allows("lambda:DeleteLayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:app-deps:7"));
        assertFalse(p.allows("lambda:DeleteLayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:other:7"));
        assertFalse(p.allows("lambda:DeleteLayerVersion", "arn:aws:lambda:eu-west-1:210987654321:layer:app-deps:7"));
        // the default bucket, and only the prefix in it
        assertTrue(p.allows("s3:PutObject", "arn:aws:s3:::lambda-deploy-123456789012-eu-west-1/lambda-deploy/x/a.zip"));
        assertFalse(p.allows("s3:PutObject", "arn:aws:s3:::lambda-deploy-123456789012-eu-west-1/other/a.zip"));
        assertTrue(p.allows("s3:ListBucket", "arn:aws:s3:::lambda-deploy-123456789012-eu-west-1"));
        // not configured: no bucket creation, no aliases, no role passing, no ECR, no SSM
        Set<String> actions = p.actions();
        for (String a : List.of(
                "s3:CreateBucket",
                "lambda:CreateAlias",
                "lambda:CreateFunction",
                "iam:PassRole",
                "ecr:PutImage",
                "ssm:PutParameter",
                "lambda:AddLayerVersionPermission",
                "s3:PutLifecycleConfiguration")) {
            assertFalse(actions.contains(a), a);
        }
    }

    @Test
    void wildcardResourcesOnlyForActionsWithoutAResourceTypeEachInItsOwnStatement() {
        GeneratedPolicy p = PolicyBuilder.build(request("eu-west-1")
                .imageRepository("orders")
                .mode(DeployMode.AUTO)
                .build());
        Set<String> starActions = new TreeSet<>();
        for (Statement s : p.combined()) {
            if (s.resources().contains("*")) {
                assertEquals(List.of("*"), s.resources(), s.sid() + " mixes * with ARNs");
                starActions.addAll(s.actions());
            }
            for (String a : s.actions()) {
                assertFalse(a.contains("*"), "action wildcard " + a);
            }
        }
        assertEquals(
                Set.of("lambda:ListLayerVersions", "lambda:ListFunctions", "ecr:GetAuthorizationToken"), starActions);
    }

    @Test
    void arnsUseThePartitionOfEachRegion() {
        GeneratedPolicy p = PolicyBuilder.build(request("cn-north-1", "us-gov-west-1", "eu-west-1")
                .imageRepository("orders")
                .ssmPrefix("/lambda-deploy")
                .build());
        List<String> resources = p.combined().stream()
                .flatMap(s -> s.resources().stream())
                .filter(r -> !r.equals("*"))
                .toList();
        assertTrue(
                resources.contains("arn:aws-cn:lambda:cn-north-1:123456789012:function:orders-api"),
                resources::toString);
        assertTrue(resources.contains("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:app-deps:*"));
        assertTrue(resources.contains("arn:aws-cn:s3:::lambda-deploy-123456789012-cn-north-1/lambda-deploy/*"));
        assertTrue(resources.contains("arn:aws-us-gov:s3:::lambda-deploy-123456789012-us-gov-west-1"));
        assertTrue(resources.contains("arn:aws-cn:ecr:cn-north-1:123456789012:repository/orders"));
        assertTrue(resources.contains("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/lambda-deploy/*"));
        for (String r : resources) {
            String region = r.startsWith("arn:aws-cn:") ? "cn-" : r.startsWith("arn:aws-us-gov:") ? "us-gov-" : "eu-";
            assertTrue(r.contains(region), "ARN in the wrong partition for its region: " + r);
        }
    }

    @Test
    void optionsAddExactlyTheirActions() {
        GeneratedPolicy p = PolicyBuilder.build(request("eu-west-1")
                .goals(Set.of(PolicyGoal.DEPLOY))
                .roles(List.of("arn:aws:iam::123456789012:role/lambda-exec"))
                .alias("live")
                .publishVersions(true)
                .shareLayers(true)
                .s3(new S3Settings("my-bucket-{region}", "builds", true, 0, 0))
                .ssmPrefix("/lambda-deploy/")
                .build());
        assertTrue(p.allows("iam:PassRole", "arn:aws:iam::123456789012:role/lambda-exec"));
        assertFalse(p.allows("iam:PassRole", "arn:aws:iam::123456789012:role/admin"));
        Statement passRole = p.combined().stream()
                .filter(s -> s.sid().equals("PassRole"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "lambda.amazonaws.com", passRole.condition().get("StringEquals").get("iam:PassedToService"));
        assertTrue(p.allows("lambda:CreateAlias", "arn:aws:lambda:eu-west-1:123456789012:function:orders-api"));
        assertTrue(
                p.allows("lambda:AddLayerVersionPermission", "arn:aws:lambda:eu-west-1:123456789012:layer:app-deps:3"));
        assertTrue(p.allows("s3:CreateBucket", "arn:aws:s3:::my-bucket-eu-west-1"));
        assertTrue(p.allows("s3:PutObject", "arn:aws:s3:::my-bucket-eu-west-1/builds/app-deps/abc.zip"));
        assertTrue(p.allows(
                "ssm:PutParameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/lambda-deploy/app-deps/arn"));
        assertFalse(p.allows("ssm:PutParameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/other"));
        // deploy only: nothing of prune
        // deploy deletes a layer version only when Lambda's CodeSha256 is not the built zip's (a hand-off check)
        assertTrue(p.actions().contains("lambda:DeleteLayerVersion"));
        assertFalse(p.actions().contains("lambda:ListFunctions"));
    }

    @Test
    void layersOnlyDeployTouchesNoFunction() {
        GeneratedPolicy p = PolicyBuilder.build(PolicyRequest.builder()
                .regions(List.of("eu-west-1"))
                .account(ACCOUNT)
                .goals(Set.of(PolicyGoal.DEPLOY))
                .layerNames(List.of("app-deps"))
                .layersOnly(true)
                .ssmPrefix("/ld")
                .build());
        assertTrue(p.actions().stream().noneMatch(a -> a.contains("Function")), p.actions()::toString);
        assertTrue(p.actions().contains("lambda:PublishLayerVersion"));
        // status, rollback and prune need functions even when deploy publishes layers only
        ConfigException noFunction = assertThrows(
                ConfigException.class,
                () -> PolicyBuilder.build(PolicyRequest.builder()
                        .regions(List.of("eu-west-1"))
                        .account(ACCOUNT)
                        .layerNames(List.of("app-deps"))
                        .layersOnly(true)
                        .build()));
        assertTrue(noFunction.getMessage().contains("-Dlambda.iam.goals=deploy"), noFunction.getMessage());
    }

    @Test
    void imageModeGrantsThePushAndNoLayers() {
        GeneratedPolicy p = PolicyBuilder.build(request("eu-west-1")
                .mode(DeployMode.IMAGE)
                .imageRepository("orders")
                .build());
        String repo = "arn:aws:ecr:eu-west-1:123456789012:repository/orders";
        for (String a : List.of(
                "ecr:PutImage",
                "ecr:UploadLayerPart",
                "ecr:BatchGetImage",
                "ecr:BatchDeleteImage",
                "ecr:DescribeImages")) {
            assertTrue(p.allows(a, repo), a);
        }
        assertFalse(p.allows("ecr:PutImage", "arn:aws:ecr:eu-west-1:123456789012:repository/other"));
        // prune keeps what any image function of the region uses: read-only on all functions, nothing else
        assertTrue(p.allows("lambda:GetFunction", "arn:aws:lambda:eu-west-1:123456789012:function:someone-else"));
        assertFalse(
                p.allows("lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:123456789012:function:someone-else"));
        Statement regionWide = p.of(PolicyGoal.PRUNE).stream()
                .filter(s -> s.sid().equals("PruneRegionFunctions"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("lambda:GetFunction", "lambda:ListTags"), regionWide.actions());
        assertFalse(p.actions().contains("lambda:PublishLayerVersion"));
        assertFalse(p.actions().contains("s3:PutObject"));
    }

    @Test
    void writesValidPolicyDocuments() throws Exception {
        GeneratedPolicy p = PolicyBuilder.build(request("eu-west-1").build());
        ObjectMapper m = new ObjectMapper();
        JsonNode doc = m.readTree(PolicyJson.document(p.combined()));
        assertEquals("2012-10-17", doc.get("Version").asText());
        Set<String> sids = new TreeSet<>();
        for (JsonNode s : doc.get("Statement")) {
            assertEquals("Allow", s.get("Effect").asText());
            assertTrue(s.get("Sid").asText().matches("[A-Za-z0-9]+"), "IAM allows only alphanumeric Sids");
            assertTrue(sids.add(s.get("Sid").asText()), "Sids must be unique");
            assertTrue(s.get("Action").size() > 0);
        }
        JsonNode byGoal = m.readTree(PolicyJson.byGoal(p));
        assertEquals(List.of("deploy", "status", "rollback", "prune"), iterate(byGoal.fieldNames()));
        for (JsonNode s : byGoal.get("prune").get("Statement")) {
            assertTrue(s.get("Sid").asText().startsWith("Prune"), s.toString());
        }
        assertTrue(byGoal.get("status").toString().contains("lambda:ListVersionsByFunction"));
        assertFalse(byGoal.get("status").toString().contains("Update"), "status only reads");
        assertTrue(PolicyJson.size(PolicyJson.document(p.combined())) < PolicyJson.INLINE_ROLE_POLICY_LIMIT);
    }

    @Test
    void badInputNamesTheSettingAndTheFix() {
        ConfigException unknown = assertThrows(
                ConfigException.class, () -> PolicyGoal.parse("deploy,publish", "<iamGoals> (lambda.iam.goals)"));
        assertEquals("<iamGoals> (lambda.iam.goals)", unknown.element());
        assertTrue(unknown.getMessage().contains("unknown goal 'publish'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("deploy, status, rollback, prune"), unknown.getMessage());
        assertEquals(Set.of(PolicyGoal.DEPLOY, PolicyGoal.PRUNE), PolicyGoal.parse(" lambda:deploy, PRUNE ", "x"));

        ConfigException noAccount = assertThrows(
                ConfigException.class,
                () -> PolicyBuilder.build(request("eu-west-1").account(null).build()));
        assertTrue(noAccount.getMessage().contains("-Dlambda.iam.account=123456789012"), noAccount.getMessage());

        ConfigException badAccount = assertThrows(
                ConfigException.class,
                () -> PolicyBuilder.build(request("eu-west-1").account("12345").build()));
        assertTrue(badAccount.getMessage().contains("not a 12-digit"), badAccount.getMessage());

        ConfigException placeholder = assertThrows(
                ConfigException.class,
                () -> PolicyBuilder.build(request("eu-west-1")
                        .s3(new S3Settings("deploy-{acount}-{region}", null, false, 0, 0))
                        .build()));
        assertEquals("<deployBucket> (lambda.deploy.bucket)", placeholder.element());
        assertTrue(placeholder.getMessage().contains("{acount}"), placeholder.getMessage());

        ConfigException role = assertThrows(
                ConfigException.class,
                () -> PolicyBuilder.build(
                        request("eu-west-1").roles(List.of("lambda-exec")).build()));
        assertTrue(role.getMessage().contains("not an IAM role ARN"), role.getMessage());
    }

    @Test
    void wildcardMatchingFollowsIam() {
        assertTrue(Wildcards.matches("arn:aws:lambda:r:1:layer:deps:*", "arn:aws:lambda:r:1:layer:deps:12"));
        assertFalse(Wildcards.matches("arn:aws:lambda:r:1:layer:deps:*", "arn:aws:lambda:r:1:layer:deps"));
        assertFalse(Wildcards.matches("arn:aws:lambda:r:1:layer:deps:*", "arn:aws:lambda:r:1:layer:deps2:1"));
        assertTrue(Wildcards.matches("a?c", "abc"));
        assertTrue(Wildcards.matches("*", "anything:at/all"));
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
