package dev.lambdadeploy.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lambda instruction set architectures; Lambda runs Linux with glibc on both. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String awsName;

    Architecture(String awsName) {
        this.awsName = awsName;
    }

    /** The name AWS uses in the Lambda API ({@code x86_64}, {@code arm64}). */
    public String awsName() {
        return awsName;
    }

    public static Architecture parse(String value, String element) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "x86_64":
            case "x86-64":
            case "amd64":
                return X86_64;
            case "arm64":
            case "aarch64":
                return ARM64;
            default:
                throw new ConfigException(
                        element,
                        "unknown architecture '" + value + "'. Use one of "
                                + Arrays.stream(values())
                                        .map(Architecture::awsName)
                                        .collect(Collectors.joining(", "))
                                + " (Lambda's architectures), e.g. <architecture>arm64</architecture> or -Dlambda.architecture=arm64.");
        }
    }

    @Override
    public String toString() {
        return awsName;
    }
}
