package dev.lambdadeploy.publish;

import dev.lambdadeploy.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who besides the deploying account may read new layer versions (their code: GetLayerVersion returns a download
 * link). Sharing with every AWS account ({@code *}) makes the layer public and needs its own switch; sharing with an
 * organization or with every account is always printed, so nobody shares code widely without seeing it in the log.
 */
public final class SharingGuard {
    static final String ACCOUNTS = "<layerShareAccounts>";
    static final String ALLOW_PUBLIC = "<layerAllowPublic> (lambda.layers.allowPublic)";

    private SharingGuard() {}

    /** Fails on a public grant without the switch and on grantees that are not account ids. */
    static void check(List<String> accounts, String organization, boolean allowPublic) {
        for (String raw : accounts) {
            String a = raw == null ? "" : raw.trim();
            if ("*".equals(a)) {
                if (!allowPublic) {
                    throw new ConfigException(
                            ACCOUNTS,
                            "'*' would share every new layer version with every AWS "
                                    + "account: the layer becomes public and anyone can download its code. If that is "
                                    + "intended, also set <layerAllowPublic>true</layerAllowPublic> "
                                    + "(-Dlambda.layers.allowPublic=true); otherwise list 12-digit account ids, or share "
                                    + "with your organization via <layerShareOrganization>o-...</layerShareOrganization>.");
                }
            } else if (!a.matches("\\d{12}")) {
                throw new ConfigException(
                        ACCOUNTS,
                        "'" + a + "' is not an AWS account id (12 digits). List "
                                + "account ids, e.g. <layerShareAccount>210987654321</layerShareAccount>.");
            }
        }
        if (organization != null && !organization.trim().matches("o-[a-z0-9]{10,32}")) {
            throw new ConfigException(
                    "<layerShareOrganization> (lambda.deploy.layerShareOrganization)",
                    "'"
                            + organization.trim()
                            + "' is not an AWS Organizations id (o- followed by 10 to 32 lowercase "
                            + "letters or digits, e.g. o-a1b2c3d4e5).");
        }
    }

    /** The lines a deploy prints about wide sharing; empty when layers stay in the account or go to named accounts. */
    public static List<String> describe(LayerSettings settings) {
        List<String> lines = new ArrayList<>();
        if (settings.shareWithAccounts().stream().anyMatch(a -> "*".equals(a.trim()))) {
            lines.add("PUBLIC: new layer versions are shared with every AWS account (<layerShareAccounts> has '*', "
                    + "<layerAllowPublic> is true); anyone can download their code");
        }
        if (settings.shareWithOrganization() != null) {
            lines.add("new layer versions are shared with every account of organization "
                    + settings.shareWithOrganization() + " (<layerShareOrganization>)");
        }
        return lines;
    }
}
