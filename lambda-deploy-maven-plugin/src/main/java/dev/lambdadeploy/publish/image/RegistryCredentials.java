package dev.lambdadeploy.publish.image;

import java.util.Objects;

/** A registry user name and password (for ECR: {@code AWS} and the GetAuthorizationToken password). Never printed. */
public final class RegistryCredentials {
    private final String username;
    private final String password;

    public RegistryCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Redacted, so a credential that ends up in a message or a debug dump never shows its password. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + username + ", ****]";
    }
}
