package org.latentlab.storage;

import java.util.Locale;

/** The operating-system families whose conventions for per-user folders differ. */
public enum OperatingSystem {
    /** Linux and the other Unix desktops: the XDG base directories. */
    LINUX,
    /** macOS: {@code ~/Library/Application Support}. */
    MAC,
    /** Windows: {@code %APPDATA%}. */
    WINDOWS;

    /** The family this JVM runs on. */
    public static OperatingSystem current() {
        return fromName(System.getProperty("os.name", ""));
    }

    /** The family of a value of the {@code os.name} system property ("Linux", "Mac OS X", "Windows 11"). */
    public static OperatingSystem fromName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC;
        }
        return LINUX;
    }
}
