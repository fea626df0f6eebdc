package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.BudgetKind;
import dev.lambdadeploy.config.Severity;
import java.util.List;

/**
 * Lambda's hard limits, always checked. The direct-upload limit only WARNs: uploading through S3 lifts it, so it
 * steers to S3 instead of failing.
 */
public final class AwsLimits {
    /** ZipFile in a CreateFunction / UpdateFunctionCode / PublishLayerVersion request (50 MiB). */
    public static final long DIRECT_UPLOAD_ZIPPED = 52_428_800L;
    /** Function code plus all its layers, unzipped (250 MiB). */
    public static final long TOTAL_UNZIPPED = 262_144_000L;

    public static final int MAX_LAYERS = 5;
    /** Container image, uncompressed (10 GiB). */
    public static final long IMAGE_SIZE = 10_737_418_240L;

    public static final String DIRECT_UPLOAD_ID = "aws:direct-upload";
    public static final String TOTAL_UNZIPPED_ID = "aws:total-unzipped";
    public static final String LAYER_COUNT_ID = "aws:layer-count";
    public static final String IMAGE_SIZE_ID = "aws:image-size";

    private AwsLimits() {}

    /**
     * The direct-upload limit is checked per zip; it is modelled as a layer-zipped budget over every zip, the
     * function included.
     */
    public static List<Budget> all() {
        return List.of(
                new Budget(
                        DIRECT_UPLOAD_ID,
                        true,
                        BudgetKind.LAYER_ZIPPED,
                        DIRECT_UPLOAD_ZIPPED,
                        false,
                        null,
                        Severity.WARN,
                        null),
                new Budget(
                        TOTAL_UNZIPPED_ID,
                        true,
                        BudgetKind.TOTAL_UNZIPPED,
                        TOTAL_UNZIPPED,
                        false,
                        null,
                        Severity.ERROR,
                        null),
                new Budget(LAYER_COUNT_ID, true, BudgetKind.LAYER_COUNT, MAX_LAYERS, false, null, Severity.ERROR, null),
                new Budget(IMAGE_SIZE_ID, true, BudgetKind.IMAGE_SIZE, IMAGE_SIZE, false, null, Severity.ERROR, null));
    }

    /** What AWS says when the limit is broken, so users recognise the error they would otherwise meet at deploy. */
    public static String awsError(String budgetId) {
        switch (budgetId) {
            case DIRECT_UPLOAD_ID:
                return "RequestEntityTooLargeException: Request must be smaller than 70167211 bytes";
            case TOTAL_UNZIPPED_ID:
                return "Function code combined with layers exceeds the maximum allowed size of 262144000 bytes"
                        + " (or: Layers consume more than the available size of 262144000 bytes)";
            case LAYER_COUNT_ID:
                return "InvalidParameterValueException (a function can reference at most 5 layers)";
            case IMAGE_SIZE_ID:
                return "image size exceeds Lambda's 10 GB maximum";
            default:
                return null;
        }
    }
}
