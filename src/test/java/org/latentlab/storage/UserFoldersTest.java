package org.latentlab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-user folders, with the environment handed in rather than read from this machine. */
class UserFoldersTest {

    private static final Path USER_HOME = Path.of("/home/ada");

    private static UserFolders linux(Map<String, String> environment) {
        return UserFolders.of(OperatingSystem.LINUX, environment, Path.of("/home/from-user-home-property"));
    }

    @Test
    void linuxDefaultsToLocalShareAndConfigUnderHome() {
        UserFolders folders = linux(Map.of("HOME", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/latent-lab"), folders.data());
        assertEquals(Path.of("/home/ada/.config/latent-lab"), folders.config());
    }

    @Test
    void linuxFollowsXdgDataAndConfigHome() {
        UserFolders folders = linux(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "/data/ada",
                "XDG_CONFIG_HOME", "/settings/ada"));
        assertEquals(Path.of("/data/ada/latent-lab"), folders.data());
        assertEquals(Path.of("/settings/ada/latent-lab"), folders.config());
    }

    @Test
    void linuxIgnoresEmptyAndRelativeXdgValuesAsTheSpecificationSays() {
        UserFolders folders = linux(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "", "XDG_CONFIG_HOME", "settings"));
        assertEquals(Path.of("/home/ada/.local/share/latent-lab"), folders.data());
        assertEquals(Path.of("/home/ada/.config/latent-lab"), folders.config());
    }

    @Test
    void linuxWithoutHomeVariableUsesTheUserHomeProperty() {
        UserFolders folders = linux(Map.of());
        assertEquals(Path.of("/home/from-user-home-property/.local/share/latent-lab"), folders.data());
        assertEquals(Path.of("/home/from-user-home-property/.config/latent-lab"), folders.config());
    }

    @Test
    void macKeepsEverythingInApplicationSupport() {
        UserFolders folders = UserFolders.of(OperatingSystem.MAC, Map.of("XDG_DATA_HOME", "/ignored"), Path.of("/Users/ada"));
        Path expected = Path.of("/Users/ada/Library/Application Support/Latent Lab");
        assertEquals(expected, folders.data());
        assertEquals(expected, folders.config());
    }

    @Test
    void windowsUsesAppDataOrRoamingUnderTheProfile() {
        UserFolders withAppData = UserFolders.of(OperatingSystem.WINDOWS,
                Map.of("APPDATA", "/profiles/ada/AppData/Roaming"), USER_HOME);
        assertEquals(Path.of("/profiles/ada/AppData/Roaming/Latent Lab"), withAppData.data());
        assertEquals(withAppData.data(), withAppData.config());
        UserFolders without = UserFolders.of(OperatingSystem.WINDOWS, Map.of(), USER_HOME);
        assertEquals(Path.of("/home/ada/AppData/Roaming/Latent Lab"), without.data());
    }

    @Test
    void modelsPreferencesAndNativeCacheSitInsideTheirFolders() {
        UserFolders folders = linux(Map.of("HOME", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/latent-lab/models"), folders.models());
        assertEquals(Path.of("/home/ada/.local/share/latent-lab/native-cache"), folders.nativeCache());
        assertEquals(Path.of("/home/ada/.config/latent-lab/preferences.properties"), folders.preferences());
    }

    @Test
    void operatingSystemComesFromTheOsNameProperty() {
        assertEquals(OperatingSystem.LINUX, OperatingSystem.fromName("Linux"));
        assertEquals(OperatingSystem.LINUX, OperatingSystem.fromName("FreeBSD"));
        assertEquals(OperatingSystem.MAC, OperatingSystem.fromName("Mac OS X"));
        assertEquals(OperatingSystem.WINDOWS, OperatingSystem.fromName("Windows 11"));
    }
}
