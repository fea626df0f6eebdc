package dev.lambdadeploy.testing;

import dev.lambdadeploy.aws.AwsClients;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine tests against a real moto_server in one region have in common: moto started for the class and
 * reset for every test ({@link MotoAws}), a {@link TestPackage} in {@code target/lambda} of a temporary project
 * (nothing written: each test writes the versions it needs), and a log to read. A subclass with a
 * {@code @BeforeEach} of its own finds all of it ready.
 */
public abstract class AbstractMotoTest {
    @RegisterExtension
    protected static final MotoServer MOTO = new MotoServer();

    protected static final String REGION = "eu-west-1";

    @RegisterExtension
    protected final MotoAws moto = MotoAws.eachTest(MOTO, REGION);

    @TempDir
    protected Path dir;

    protected final RecordingLog log = new RecordingLog();
    protected TestPackage pkg;
    /** moto's clients, to prepare and to check what AWS holds. */
    protected AwsClients aws;
    /** The ARN of the execution role moto created. */
    protected String role;

    @BeforeEach
    protected final void preparePackageAndClients() {
        pkg = new TestPackage(dir.resolve("target/lambda"));
        aws = moto.clients();
        role = moto.role();
    }
}
