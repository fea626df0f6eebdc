package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.model.Repository;

/** A repository the plugin creates is encrypted and, when asked, has immutable tags; read back from moto's ECR. */
class EcrRepositoryHardeningTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final MotoAws moto = MotoAws.eachTest(MOTO, "eu-west-1");

    RecordingLog log = new RecordingLog();

    Repository described(String name) {
        return moto.clients()
                .ecr()
                .describeRepositories(r -> r.repositoryNames(name).registryId(MotoAws.ACCOUNT))
                .repositories()
                .get(0);
    }

    @Test
    void createdRepositoryIsEncryptedWithAes256AndMutableByDefault() {
        var repo = new EcrRepositories(moto.clients().ecr(), log)
                .ensure("orders", new EcrRepositories.Settings(true, null).inRegistry(MotoAws.ACCOUNT));

        assertEquals(MotoAws.ACCOUNT, repo.registryId());
        Repository r = described("orders");
        assertEquals("AES256", r.encryptionConfiguration().encryptionTypeAsString());
        assertEquals("MUTABLE", r.imageTagMutabilityAsString());
        assertTrue(log.text().contains("encrypted with AES256, scan on push"), log::text);
    }

    @Test
    void immutableTagsAndAKmsKeyWhenConfigured() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        new EcrRepositories(moto.clients().ecr(), log)
                .ensure(
                        "orders",
                        new EcrRepositories.Settings(false, null, true, key, null).inRegistry(MotoAws.ACCOUNT));

        Repository r = described("orders");
        assertEquals("IMMUTABLE", r.imageTagMutabilityAsString());
        assertEquals("KMS", r.encryptionConfiguration().encryptionTypeAsString());
        assertEquals(key, r.encryptionConfiguration().kmsKey());
    }
}
