package dev.lambdadeploy.aws;

import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) of a region or an ARN, and the ARNs this plugin
 * has to build itself (a layer version named in a history tag). ARNs start {@code arn:<partition>:}, so a hand-built
 * {@code arn:aws:} names nothing in China or GovCloud. Where AWS returned an ARN, its partition wins over the region's:
 * it is what AWS actually uses.
 */
public final class Partitions {
    private Partitions() {}

    /**
     * The partition of {@code region} by the SDK's endpoint metadata; a region the SDK does not know yet is matched by
     * its partition's region pattern (e.g. {@code cn-*}), and falls back to {@code aws}.
     */
    public static String partitionOf(String region) {
        return metadata(region).id();
    }

    /** The DNS suffix of the region's endpoints: {@code amazonaws.com}, {@code amazonaws.com.cn} in China. */
    public static String dnsSuffix(String region) {
        return metadata(region).dnsSuffix();
    }

    /** The partition of an ARN AWS returned, e.g. {@code aws-cn} of {@code arn:aws-cn:lambda:cn-north-1:...}. */
    public static String partitionOfArn(String arn) {
        return parse(arn).partition();
    }

    /** {@code arn:<partition of region>:lambda:<region>:<account>:layer:<layer>:<version>}. */
    public static String layerVersionArn(String region, String account, String layer, long version) {
        return layerVersionArn(partitionOf(region), region, account, layer + ":" + version);
    }

    /**
     * A layer version in the same partition, region and account as {@code sameAccountArn}, an ARN AWS returned (e.g.
     * the function's): {@code nameAndVersion} is the short form {@code <layer>:<version>} of the history tags.
     */
    public static String layerVersionArnLike(String sameAccountArn, String nameAndVersion) {
        Arn like = parse(sameAccountArn);
        return layerVersionArn(
                like.partition(),
                like.region()
                        .orElseThrow(() -> new IllegalArgumentException("ARN without a region: " + sameAccountArn)),
                like.accountId()
                        .orElseThrow(() -> new IllegalArgumentException("ARN without an account: " + sameAccountArn)),
                nameAndVersion);
    }

    /** {@code arn:<partition of region>:lambda:<region>:<account>:function:<function>}. */
    public static String functionArn(String region, String account, String function) {
        return Arn.builder()
                .partition(partitionOf(region))
                .service("lambda")
                .region(region)
                .accountId(account)
                .resource("function:" + function)
                .build()
                .toString();
    }

    private static String layerVersionArn(String partition, String region, String account, String nameAndVersion) {
        return Arn.builder()
                .partition(partition)
                .service("lambda")
                .region(region)
                .accountId(account)
                .resource("layer:" + nameAndVersion)
                .build()
                .toString();
    }

    private static Arn parse(String arn) {
        try {
            return Arn.fromString(arn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ARN: " + arn, e);
        }
    }

    private static PartitionMetadata metadata(String region) {
        return PartitionMetadata.of(Region.of(region));
    }
}
