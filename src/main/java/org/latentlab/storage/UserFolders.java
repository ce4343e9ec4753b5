package org.latentlab.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The per-user folders where Latent Lab keeps what belongs to the user: saved models, histories,
 * preferences, and the native libraries ND4J unpacks at first start. They follow the platform's
 * conventions and never lie inside the installed bundle, so replacing the bundle loses nothing.
 * Immutable; the folders are only named here and created by whoever first writes into them.
 *
 * <table>
 *   <caption>The folders</caption>
 *   <tr><th></th><th>data</th><th>config</th></tr>
 *   <tr><td>Linux</td><td>{@code $XDG_DATA_HOME/latent-lab}, by default {@code ~/.local/share/latent-lab}</td>
 *       <td>{@code $XDG_CONFIG_HOME/latent-lab}, by default {@code ~/.config/latent-lab}</td></tr>
 *   <tr><td>macOS</td><td colspan="2">{@code ~/Library/Application Support/Latent Lab}</td></tr>
 *   <tr><td>Windows</td><td colspan="2">{@code %APPDATA%\Latent Lab}</td></tr>
 * </table>
 *
 * <p>The bundle's launcher script ({@code src/bundle/make-bundle.sh}) works out the Linux data
 * folder by the same rules to point ND4J's native-library cache at {@link #nativeCache()}.
 *
 * @param data   saved models and histories, and the native-library cache
 * @param config preferences
 */
public record UserFolders(Path data, Path config) {

    /** The folder name on Linux, where names are lower-case and without blanks by custom. */
    static final String LINUX_NAME = "latent-lab";
    /** The folder name on macOS and Windows. */
    static final String DISPLAY_NAME = "Latent Lab";

    public UserFolders {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
    }

    /** The folders of the user running this JVM, from its operating system and environment. */
    public static UserFolders forThisUser() {
        return of(OperatingSystem.current(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The folders for a given platform and environment.
     *
     * @param system      the platform's conventions to follow
     * @param environment the process environment ({@code HOME}, {@code XDG_DATA_HOME}, {@code APPDATA}, ...)
     * @param userHome    the JVM's {@code user.home}, used where the environment names no home
     */
    public static UserFolders of(OperatingSystem system, Map<String, String> environment, Path userHome) {
        return switch (system) {
            case LINUX -> {
                Path home = absolute(environment.get("HOME"), userHome);
                yield new UserFolders(
                        absolute(environment.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve(LINUX_NAME),
                        absolute(environment.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(LINUX_NAME));
            }
            case MAC -> same(userHome.resolve("Library").resolve("Application Support").resolve(DISPLAY_NAME));
            case WINDOWS -> {
                String appData = environment.get("APPDATA");
                Path roaming = appData == null || appData.isBlank()
                        ? userHome.resolve("AppData").resolve("Roaming") : Path.of(appData);
                yield same(roaming.resolve(DISPLAY_NAME));
            }
        };
    }

    /** The default folder for saved models: {@code models} inside the data folder. */
    public Path models() {
        return data.resolve("models");
    }

    /** The preferences file: {@code preferences.properties} inside the config folder. */
    public Path preferences() {
        return config.resolve("preferences.properties");
    }

    /** Where the bundle lets ND4J unpack its native libraries (≈400 MB): {@code native-cache} inside the data folder. */
    public Path nativeCache() {
        return data.resolve("native-cache");
    }

    private static UserFolders same(Path folder) {
        return new UserFolders(folder, folder);
    }

    /**
     * The path a variable names if it is set to an absolute path, else the fallback: the XDG
     * specification says relative values are invalid and must be ignored.
     */
    private static Path absolute(String variable, Path fallback) {
        if (variable == null || variable.isBlank()) {
            return fallback;
        }
        Path path = Path.of(variable);
        return path.isAbsolute() ? path : fallback;
    }
}
