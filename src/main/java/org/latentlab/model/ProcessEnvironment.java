package org.latentlab.model;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * The C library's view of this process: its environment variables, which native libraries read
 * with {@code getenv} when they load (Java's {@link System#getenv} is a copy taken at start and
 * cannot change them), and functions of libraries already loaded. Reached through JNA, which DL4J
 * already brings. Safe on any thread, though {@code setenv} must run before other threads read
 * the environment.
 */
final class ProcessEnvironment {

    /** The part of the C library this class uses. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static CLibrary libc;

    private ProcessEnvironment() {
    }

    /** Whether this platform's C library can be reached (POSIX systems; not Windows). */
    static boolean available() {
        return !Platform.isWindows() && library().isPresent();
    }

    /** The variable as the native libraries will see it, or empty if unset or not reachable. */
    static Optional<String> get(String name) {
        return library().map(c -> c.getenv(name));
    }

    /** Sets the variable for native code loaded from now on; returns whether it was set. */
    static boolean set(String name, String value) {
        return library().map(c -> c.setenv(name, value, 1) == 0).orElse(false);
    }

    /** Calls the function at this address (of a loaded library) that takes nothing and returns a C string. */
    static Optional<String> callString(long function) {
        try {
            return Optional.ofNullable(Function.getFunction(new Pointer(function)).invokeString(new Object[0], false));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Calls the function at this address that takes nothing and returns an int. */
    static Optional<Integer> callInt(long function) {
        try {
            return Optional.of(Function.getFunction(new Pointer(function)).invokeInt(new Object[0]));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static synchronized Optional<CLibrary> library() {
        if (libc == null && !Platform.isWindows()) {
            try {
                // JNA's own copy of its native stub, never a different version installed on the system.
                if (System.getProperty("jna.nosys") == null) {
                    System.setProperty("jna.nosys", "true");
                }
                libc = (CLibrary) Native.loadLibrary("c", CLibrary.class);
            } catch (RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(libc);
    }
}
