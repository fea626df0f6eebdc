package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AbstractMotoTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dlambda.rollback.to=<git commit>}: the deploy engine publishes a version per deploy whose description
 * carries {@code git <sha>}; rollback finds it by the full or an abbreviated commit, and refuses an unknown one
 * without changing anything. Real SDK against a real moto_server.
 */
class RollbackToCommitTest extends AbstractMotoTest {
    static final S3Settings S3 = new S3Settings("deploy-{region}", "builds", true, 0, 0);
    static final List<String> COMMITS = List.of(
            "3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a41",
            "8c1e5b7a9d3f2e4c6a8b0d2f4e6a8c0b2d4f6e82",
            "c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5");

    final String[] code = new String[3];

    @BeforeEach
    void deployThreeCommits() throws Exception {
        for (int n = 0; n < 3; n++) {
            code[n] = deploy(n, COMMITS.get(n));
        }
        // what the rollback looks for: the commit in the description of each published version
        assertEquals(
                List.of(true, true, true),
                List.of(1, 2, 3).stream()
                        .map(v -> aws.lambda()
                                .getFunctionConfiguration(
                                        r -> r.functionName("orders").qualifier(String.valueOf(v)))
                                .description()
                                .endsWith(" git " + COMMITS.get(v - 1)))
                        .toList());
    }

    /** Deploys package vN from {@code commit}, publishing a version; returns its CodeSha256. */
    String deploy(int n, String commit) throws Exception {
        FunctionSettings publish = moto.functionSettings().publishVersion(true).build();
        pkg.writeVersion(n);
        moto.deploy(
                moto.deployRequest(pkg.dir(), "orders")
                        .mode(DeployMode.S3)
                        .s3(S3)
                        .function(publish)
                        .gitCommit(commit),
                log);
        return pkg.manifest().function().codeSha256();
    }

    RollbackResult rollbackTo(String to) {
        LifecycleScope scope = moto.scope(pkg.dir(), S3, null, "orders");
        return new LambdaRollback(log)
                .rollback(new RollbackRequest(scope, to, Duration.ofSeconds(30), Duration.ofMillis(50)));
    }

    String layerArn(int version) {
        return aws.lambda()
                .getLayerVersion(r -> r.layerName("deps").versionNumber((long) version))
                .layerVersionArn();
    }

    List<String> layers() {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName("orders")).layers().stream()
                .map(l -> l.arn())
                .toList();
    }

    String currentCode() {
        return aws.lambda()
                .getFunctionConfiguration(r -> r.functionName("orders"))
                .codeSha256();
    }

    @Test
    void aFullCommitReturnsToTheVersionDeployedFromIt() {
        RollbackResult r = rollbackTo(COMMITS.get(0));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(code[0], currentCode());
        assertEquals(List.of(layerArn(1)), layers());
        assertEquals(
                "deploy " + COMMITS.get(0) + " (version 1)",
                r.regions().get(0).functions().get(0).target());
    }

    @Test
    void anAbbreviatedCommitWorksToo() {
        String abbreviated = COMMITS.get(1).substring(0, 8);

        RollbackResult r = rollbackTo(abbreviated);

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(code[1], currentCode());
        assertEquals(List.of(layerArn(2)), layers());
        assertEquals(
                "deploy " + abbreviated + " (version 2)",
                r.regions().get(0).functions().get(0).target());
    }

    @Test
    void anAbbreviatedCommitOfOnlyDigitsIsTriedWhenNoVersionHasThatNumber() throws Exception {
        String digitsCommit = deploy(3, "4711093a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e");
        deploy(4, "e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4");

        RollbackResult r = rollbackTo("4711093");

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(
                "deploy 4711093 (version 4)",
                r.regions().get(0).functions().get(0).target());
        assertEquals(digitsCommit, currentCode());
        assertEquals(List.of(layerArn(4)), layers());
        // short numbers stay version numbers (published versions win; a commit has at least 7 characters)
        RollbackResult byVersion = rollbackTo("2");
        assertFalse(byVersion.failed(), () -> byVersion.regions().get(0).error());
        assertEquals("version 2", byVersion.regions().get(0).functions().get(0).target());
        assertEquals(code[1], currentCode());
    }

    @Test
    void aNumberThatIsNeitherAVersionNorACommitIsRefused() {
        RollbackResult r = rollbackTo("9999999");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(
                error.startsWith("Cannot roll back function orders in eu-west-1 to '9999999': there is no "
                        + "published version 9999999 and no deploy from a git commit starting with 9999999"),
                error);
        assertTrue(r.regions().get(0).functions().isEmpty(), "no function was touched");
        assertEquals(code[2], currentCode());
    }

    @Test
    void anUnknownCommitIsRefusedAndNothingChanges() {
        Map<String, String> tagsBefore =
                aws.lambda().getFunction(g -> g.functionName("orders")).tags();
        String modifiedBefore = aws.lambda()
                .getFunctionConfiguration(g -> g.functionName("orders"))
                .lastModified();

        RollbackResult r = rollbackTo("deadbeef1");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(
                error.startsWith("Cannot roll back function orders in eu-west-1 to 'deadbeef1': it is neither a "
                        + "published version, an alias nor the git commit of a deploy"),
                error);
        assertTrue(error.contains("Published versions: 1, 2, 3; aliases: none"), error);
        assertTrue(r.regions().get(0).functions().isEmpty(), "no function was touched");
        assertEquals(code[2], currentCode());
        assertEquals(List.of(layerArn(3)), layers());
        assertEquals(
                modifiedBefore,
                aws.lambda()
                        .getFunctionConfiguration(g -> g.functionName("orders"))
                        .lastModified());
        assertEquals(
                tagsBefore,
                aws.lambda().getFunction(g -> g.functionName("orders")).tags());
        assertEquals(
                4,
                aws.lambda()
                        .listVersionsByFunction(v -> v.functionName("orders"))
                        .versions()
                        .size(),
                "$LATEST and the three deploys: no version published");
    }
}
