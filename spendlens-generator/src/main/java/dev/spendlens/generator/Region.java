package dev.spendlens.generator;

/** The AWS regions the synthetic organisation runs in. */
enum Region {
    US_EAST_1("us-east-1", "USE1", "US East (N. Virginia)"),
    US_WEST_2("us-west-2", "USW2", "US West (Oregon)"),
    EU_CENTRAL_1("eu-central-1", "EUC1", "EU (Frankfurt)");

    private final String code;
    private final String usagePrefix;
    private final String location;

    Region(String code, String usagePrefix, String location) {
        this.code = code;
        this.usagePrefix = usagePrefix;
        this.location = location;
    }

    String code() {
        return code;
    }

    /** The usage type prefix, {@code USE1}. */
    String usagePrefix() {
        return usagePrefix;
    }

    String location() {
        return location;
    }

    /** EC2, S3, CloudWatch and Lambda usage types carry no prefix in us-east-1 ({@code BoxUsage:m7i.xlarge}), unlike Bedrock's. */
    String legacyServicePrefix() {
        return this == US_EAST_1 ? "" : usagePrefix + "-";
    }
}
