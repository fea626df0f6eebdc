package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code -Dlambda.rollback.to} picks among published versions and deploy commits (no AWS needed). */
class RollbackTargetTest {
    static DeployedFunction.PublishedVersion version(String n, String code, String commit) {
        return new DeployedFunction.PublishedVersion(n, code, null, List.of(), "lambda-deploy git " + commit, null);
    }

    static DeployedFunction function(List<DeployedFunction.PublishedVersion> versions) {
        return new DeployedFunction(
                "orders",
                "arn:aws:lambda:eu-west-1:123456789012:function:orders",
                "eu-west-1",
                "123456789012",
                "Zip",
                "current",
                1,
                null,
                null,
                null,
                "Active",
                "Successful",
                null,
                null,
                List.of(),
                Map.of(),
                versions,
                Map.of());
    }

    @Test
    void aPublishedVersionWithTheNumberWinsOverACommitMadeOfTheSameDigits() {
        // version numbers this high are rare, but then the number is what the user most likely means
        DeployedFunction f = function(
                List.of(version("1234567", "by-version", "89abcdef01"), version("1234568", "by-commit", "1234567abc")));

        RollbackTarget t = RollbackTarget.resolve(f, "1234567");

        assertEquals("version 1234567", t.description());
        assertEquals("by-version", t.codeSha256());
    }

    @Test
    void digitsOnlyAreTriedAsACommitFrom7To40Characters() {
        DeployedFunction f = function(List.of(
                version("1", "one", "0123456789abcdef"),
                version("2", "two", "1234567890123456789012345678901234567890")));

        assertEquals("two", RollbackTarget.resolve(f, "1234567").codeSha256());
        assertEquals(
                "two",
                RollbackTarget.resolve(f, "1234567890123456789012345678901234567890")
                        .codeSha256());
        LifecycleException shortNumber =
                assertThrows(LifecycleException.class, () -> RollbackTarget.resolve(f, "123456"));
        assertTrue(
                shortNumber.getMessage().contains("there is no published version 123456. "), shortNumber.getMessage());
        String digits41 = "12345678901234567890123456789012345678901";
        LifecycleException tooLong = assertThrows(LifecycleException.class, () -> RollbackTarget.resolve(f, digits41));
        assertTrue(
                tooLong.getMessage().contains("there is no published version " + digits41 + ". "),
                tooLong.getMessage());
    }
}
