package dev.lambdadeploy.aws;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PartitionsTest {
    @Test
    void partitionOfARegionComesFromTheSdksMetadata() {
        assertEquals("aws", Partitions.partitionOf("eu-west-1"));
        assertEquals("aws-cn", Partitions.partitionOf("cn-north-1"));
        assertEquals("aws-cn", Partitions.partitionOf("cn-northwest-1"));
        assertEquals("aws-us-gov", Partitions.partitionOf("us-gov-west-1"));
        assertEquals("aws-us-gov", Partitions.partitionOf("us-gov-east-1"));
        // a region the SDK does not list yet still falls into its partition by the region pattern
        assertEquals("aws-cn", Partitions.partitionOf("cn-south-9"));
        assertEquals("aws", Partitions.partitionOf("eu-north-9"));
    }

    @Test
    void dnsSuffixIsAmazonawsComCnInChina() {
        assertEquals("amazonaws.com", Partitions.dnsSuffix("us-gov-west-1"));
        assertEquals("amazonaws.com.cn", Partitions.dnsSuffix("cn-north-1"));
        assertEquals("amazonaws.com", Partitions.dnsSuffix("eu-west-1"));
    }

    @Test
    void layerVersionArnCarriesTheRegionsPartition() {
        assertEquals(
                "arn:aws-cn:lambda:cn-north-1:123456789012:layer:deps:3",
                Partitions.layerVersionArn("cn-north-1", "123456789012", "deps", 3));
        assertEquals(
                "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:deps:0",
                Partitions.layerVersionArn("us-gov-west-1", "123456789012", "deps", 0));
        assertEquals(
                "arn:aws:lambda:eu-west-1:123456789012:layer:deps:12",
                Partitions.layerVersionArn("eu-west-1", "123456789012", "deps", 12));
    }

    @Test
    void functionArnCarriesTheRegionsPartition() {
        assertEquals(
                "arn:aws-cn:lambda:cn-northwest-1:000000000000:function:orders",
                Partitions.functionArn("cn-northwest-1", "000000000000", "orders"));
        assertEquals(
                "arn:aws-us-gov:lambda:us-gov-east-1:000000000000:function:orders",
                Partitions.functionArn("us-gov-east-1", "000000000000", "orders"));
    }

    @Test
    void layerVersionArnLikeTakesPartitionRegionAndAccountFromTheArnAwsReturned() {
        assertEquals(
                "arn:aws-cn:lambda:cn-northwest-1:210987654321:layer:deps:2",
                Partitions.layerVersionArnLike(
                        "arn:aws-cn:lambda:cn-northwest-1:210987654321:function:orders", "deps:2"));
        assertEquals(
                "arn:aws-us-gov:lambda:us-gov-east-1:123456789012:layer:my-layer:7",
                Partitions.layerVersionArnLike(
                        "arn:aws-us-gov:lambda:us-gov-east-1:123456789012:function:f:3", "my-layer:7"));
        assertEquals("aws-cn", Partitions.partitionOfArn("arn:aws-cn:sts::123456789012:user/moto"));
    }

    @Test
    void somethingThatIsNotAnArnIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Partitions.layerVersionArnLike("orders", "deps:2"));
        assertEquals("Not an ARN: orders", e.getMessage());
        IllegalArgumentException noAccount = assertThrows(
                IllegalArgumentException.class, () -> Partitions.layerVersionArnLike("arn:aws:s3:::bucket", "deps:2"));
        assertTrue(noAccount.getMessage().contains("arn:aws:s3:::bucket"), noAccount.getMessage());
    }
}
