package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that AWS denies (moto checks no IAM, so the {@link FaultProxy} answers as AWS does) becomes the translated
 * message that names the call and the permission, also for list calls whose paginator only calls AWS while it is
 * iterated, instead of a raw SDK exception.
 */
class LifecycleDeniedReadTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final String REGION = "eu-west-1";

    @TempDir
    Path dir;

    LifecycleScope scope(URI endpoint) {
        return new LifecycleScope(
                dir.resolve("target/lambda"),
                List.of(REGION),
                List.of("orders"),
                MotoAws.settings(endpoint),
                "",
                new S3Settings("deploy-{region}", "builds", false, 0, 0),
                "orders-function",
                null);
    }

    @Test
    void deniedListVersionsAndListAliasesAreNamedByStatusAndPrune() throws Exception {
        try (MotoAws moto = MotoAws.fresh(MOTO, REGION)) {
            moto.createFunction("orders");
        }
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
        try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint())) {
            proxy.add(AwsErrors.lambdaAccessDenied(
                    h -> h.path().endsWith("/functions/orders/versions"), "lambda:ListVersionsByFunction", arn));

            StatusResult status = new StatusChecker().check(scope(proxy.uri()));
            String error = status.regions().get(0).functions().get(0).error();
            assertTrue(
                    error.startsWith("lambda:ListVersionsByFunction (function orders in eu-west-1) was denied"), error);
            assertTrue(error.contains("lacks the IAM permission 'lambda:ListVersionsByFunction'"), error);

            proxy.clear()
                    .add(AwsErrors.lambdaAccessDenied(
                            h -> h.path().endsWith("/functions/orders/aliases"), "lambda:ListAliases", arn));

            PruneResult prune =
                    new Pruner(new RecordingLog()).prune(new PruneRequest(scope(proxy.uri()), 3, false, null));
            assertTrue(prune.failed());
            assertTrue(
                    prune.regions()
                            .get(0)
                            .error()
                            .startsWith("lambda:ListAliases (function orders in eu-west-1) " + "was denied"),
                    prune.regions().get(0).error());
        }
    }

    /**
     * GetFunction withholds the tags from a caller without lambda:ListTags (it answers with a TagsError instead):
     * the history is then read with ListTags, and when that is denied too prune stops rather than lose the rollback
     * target.
     */
    @Test
    void tagsWithheldByGetFunctionAreReadWithListTagsOrStopPrune() throws Exception {
        try (MotoAws moto = MotoAws.fresh(MOTO, REGION)) {
            moto.createFunction(
                    "orders",
                    r -> r.tags(Map.of(History.CODE, "v2-code-sha256", History.PREVIOUS_CODE, "v1-code-sha256")));
        }
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
        // moto's own GetFunction answer, as AWS gives it to a caller without lambda:ListTags
        ObjectNode withheld = (ObjectNode) new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(MOTO.endpoint() + "/2015-03-31/functions/orders"))
                                        .header(
                                                "Authorization",
                                                "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/lambda/"
                                                        + "aws4_request, SignedHeaders=host, Signature=0")
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        assertTrue(withheld.has("Tags"), withheld::toString);
        withheld.remove("Tags");
        withheld.putObject("TagsError")
                .put("ErrorCode", "AccessDeniedException")
                .put("Message", "not authorized to perform lambda:ListTags");
        try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint())) {
            proxy.add(Fault.respond(
                    h -> h.method().equals("GET")
                            && h.path().equals("/2015-03-31/functions/orders")
                            && (h.query() == null || h.query().isEmpty()),
                    200,
                    Map.of("Content-Type", "application/json"),
                    withheld.toString()));

            StatusResult status = new StatusChecker().check(scope(proxy.uri()));
            StatusResult.FunctionStatus f = status.regions().get(0).functions().get(0);
            assertNull(f.error(), f::error);
            assertEquals("v1-code-sha256", f.history().previousCodeSha256(), "read with ListTags");

            proxy.add(AwsErrors.lambdaAccessDenied(
                    h -> h.path().startsWith("/2017-03-31/tags/"), "lambda:ListTags", arn));
            PruneResult prune =
                    new Pruner(new RecordingLog()).prune(new PruneRequest(scope(proxy.uri()), 1, true, null));
            assertTrue(prune.failed());
            String error = prune.regions().get(0).error();
            assertTrue(
                    error.contains("Cannot read the deploy history tags of function orders")
                            && error.contains("allow lambda:ListTags"),
                    error);
            assertTrue(prune.regions().get(0).items().isEmpty(), "nothing is pruned without the history");
        }
    }
}
