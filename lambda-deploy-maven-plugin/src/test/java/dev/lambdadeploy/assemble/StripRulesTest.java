package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class StripRulesTest {
    @Test
    void licenseTextsAreProtectedWhateverTheirCaseAndSuffix() {
        for (String name : new String[] {
            "LICENSE",
            "license",
            "a/b/License.txt",
            "LICENCE-MIT",
            "META-INF/NOTICE",
            "notice.md",
            "x/COPYING",
            "Copying_LGPL",
            "COPYRIGHT.html",
            "a/LICENSE.",
            "META-INF/MANIFEST.MF",
            "META-INF/services/java.sql.Driver",
            "META-INF/FOO.SF",
            "META-INF/sig-anything"
        }) {
            assertTrue(StripRules.isProtected(name), name);
        }
        for (String name : new String[] {
            "a/LicenseChecker.class",
            "Licenses.txt",
            "a/Notices",
            "COPYRIGHTS",
            "CopyingTool.class",
            "a/Cache.class",
            "a/NoticeBoard.java",
            "LICENSE/",
            "LICENSE.\n",
            "LİCENSE",
            "a/",
            ""
        }) {
            assertFalse(StripRules.isProtected(name), name);
        }
    }
}
