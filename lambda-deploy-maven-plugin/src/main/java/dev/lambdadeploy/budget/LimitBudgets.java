package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.BudgetKind;
import dev.lambdadeploy.config.Severity;
import dev.lambdadeploy.limits.LambdaLimits;
import java.util.List;

/**
 * {@link LambdaLimits} as built-in budgets, always checked. The direct-upload limit only WARNs: uploading through S3
 * lifts it, so it steers to S3 instead of failing.
 */
public final class LimitBudgets {
    public static final String DIRECT_UPLOAD_ID = "aws:direct-upload";
    public static final String TOTAL_UNZIPPED_ID = "aws:total-unzipped";
    public static final String LAYER_COUNT_ID = "aws:layer-count";
    public static final String IMAGE_SIZE_ID = "aws:image-size";

    private LimitBudgets() {}

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
                        LambdaLimits.DIRECT_UPLOAD_ZIPPED,
                        false,
                        null,
                        Severity.WARN,
                        null),
                new Budget(
                        TOTAL_UNZIPPED_ID,
                        true,
                        BudgetKind.TOTAL_UNZIPPED,
                        LambdaLimits.TOTAL_UNZIPPED,
                        false,
                        null,
                        Severity.ERROR,
                        null),
                new Budget(
                        LAYER_COUNT_ID,
                        true,
                        BudgetKind.LAYER_COUNT,
                        LambdaLimits.MAX_LAYERS,
                        false,
                        null,
                        Severity.ERROR,
                        null),
                new Budget(
                        IMAGE_SIZE_ID,
                        true,
                        BudgetKind.IMAGE_SIZE,
                        LambdaLimits.IMAGE_SIZE,
                        false,
                        null,
                        Severity.ERROR,
                        null));
    }

    /** What AWS says when the limit is broken, so users recognise the error they would otherwise meet at deploy. */
    public static String awsError(String budgetId) {
        switch (budgetId) {
            case DIRECT_UPLOAD_ID:
                // AWS counts the base64 request body, hence not 52428800
                return "RequestEntityTooLargeException: Request must be smaller than 70167211 bytes";
            case TOTAL_UNZIPPED_ID:
                return "Function code combined with layers exceeds the maximum allowed size of "
                        + LambdaLimits.TOTAL_UNZIPPED + " bytes (or: Layers consume more than the available size of "
                        + LambdaLimits.TOTAL_UNZIPPED + " bytes)";
            case LAYER_COUNT_ID:
                return "InvalidParameterValueException (a function can reference at most " + LambdaLimits.MAX_LAYERS
                        + " layers)";
            case IMAGE_SIZE_ID:
                return "image size exceeds Lambda's 10 GB maximum";
            default:
                return null;
        }
    }
}
