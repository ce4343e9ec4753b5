#!/usr/bin/env bash
# Builds the self-contained bundle from jlink.properties. Maven runs it in the `bundle` profile
# (`mvn -B -Pbundle package`) after the jar is built; see docs/decisions/0020-bundle-build-script.md.
#
#   make-bundle.sh PROJECT_DIR TARGET_DIR VERSION PLATFORM JDK_HOME CLASS_PATH
#
# CLASS_PATH is the project's runtime class path as Maven resolved it. The modular JavaFX jars in
# it (javafx-*.jar with a module-info.class) are linked into runtime/ with the JDK modules; every
# other jar goes to lib/, with the application's own jar. Result:
#   TARGET_DIR/bundle/NAME/{bin/NAME, runtime/, lib/, README.txt}
#   TARGET_DIR/bundle/NAME-VERSION-PLATFORM.tar.gz
set -euo pipefail

fail() {
    echo "make-bundle: $*" >&2
    exit 1
}

[[ $# -eq 6 ]] || fail "expected 6 arguments (project dir, target dir, version, platform, JDK home, class path), got $#"
project=$1 target=$2 version=$3 platform=$4 jdk=$5 class_path=$6
settings="$project/jlink.properties"
[[ $platform != *'${'* ]] || fail "javacpp.platform is not set; .mvn/maven.config names the platform whose natives go in"

# --- jlink.properties: key=value lines, # or ! comments, a trailing backslash continues a line
# (the plain subset of java.util.Properties; no unicode escapes).
declare -A setting=()
declare -a environment_names=()
[[ -r $settings ]] || fail "cannot read $settings"
logical=""
while IFS= read -r line || [[ -n $line ]]; do
    line="${line#"${line%%[![:space:]]*}"}"                  # leading blanks
    if [[ -z $logical && ( -z $line || $line == \#* || $line == \!* ) ]]; then
        continue
    fi
    if [[ $line == *\\ ]]; then
        logical+="${line%\\}"
        continue
    fi
    logical+="$line"
    [[ $logical =~ ^([^=:[:space:]]+)[[:space:]]*[=:][[:space:]]*(.*)$ ]] ||
        fail "$settings: expected key=value, found '$logical'"
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    value="${value%"${value##*[![:space:]]}"}"               # trailing blanks
    case $key in
        launcher.name | main.class | modules | jvm.options | compression) setting[$key]=$value ;;
        environment.*)
            name=${key#environment.}
            [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail "$settings: '$name' is not an environment variable name"
            setting[$key]=$value
            environment_names+=("$name") ;;
        *) fail "$settings: unknown key '$key' (known: launcher.name, main.class, modules, jvm.options, compression, environment.NAME)" ;;
    esac
    logical=""
done <"$settings"
for key in launcher.name main.class modules compression; do
    [[ -n ${setting[$key]:-} ]] || fail "$settings: '$key' is missing"
done
name=${setting[launcher.name]}
[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || fail "$settings: launcher.name '$name' is not a plain file name"
[[ ${setting[compression]} =~ ^[012]$ ]] || fail "$settings: compression must be 0, 1 or 2, not '${setting[compression]}'"
[[ -d $jdk/jmods ]] || fail "$jdk has no jmods folder, which jlink needs (Debian: apt-get install openjdk-17-jmods)"

# --- sort the class path: JavaFX modules for jlink, everything else for lib/
work="$target/bundle-work"
bundle="$target/bundle/$name"
rm -rf "$work" "$target/bundle"
mkdir -p "$work/javafx" "$bundle/bin" "$bundle/lib"
IFS=: read -r -a entries <<<"$class_path"
for entry in "${entries[@]}"; do
    case $entry in
        *.jar) ;;
        *) continue ;;                                        # target/classes: the jar below replaces it
    esac
    file=$(basename "$entry")
    if [[ $file == javafx-* ]]; then
        if "$jdk/bin/jar" tf "$entry" | grep -x module-info.class >/dev/null; then
            cp "$entry" "$work/javafx/"
        fi                                                    # else the empty placeholder jar: skipped
    else
        cp "$entry" "$bundle/lib/"
    fi
done
app_jar="$target/$name.jar"
[[ -f $app_jar ]] || fail "$app_jar not found: run 'mvn -Pbundle package', which builds it first"
cp "$app_jar" "$bundle/lib/"
compgen -G "$work/javafx/*.jar" >/dev/null || fail "no modular JavaFX jar on the class path"

# --- the runtime: JDK modules + JavaFX modules, and JavaFX's native libraries beside the JDK's,
# where JavaFX finds them without unpacking anything into the user's home at first start. They
# are left out of the modules: when one cannot load (libprism_es2 without libGL on a bare Debian),
# JavaFX would otherwise unpack that copy into ~/.openjfx and print a stack trace before falling
# back to its software pipeline.
"$jdk/bin/jlink" --module-path "$work/javafx" --add-modules "${setting[modules]}" \
    --compress="${setting[compression]}" --strip-debug --no-header-files --no-man-pages \
    --exclude-resources='glob:/javafx.*/*.so' --output "$bundle/runtime"
for jar in "$work"/javafx/*.jar; do
    libraries=$("$jdk/bin/jar" tf "$jar" | grep '^[^/]*\.so$' || true)   # at the jar's root
    [[ -z $libraries ]] || (cd "$bundle/runtime/lib" && "$jdk/bin/jar" xf "$jar" $libraries)
done
compgen -G "$bundle/runtime/lib/libglass*.so" >/dev/null || fail "no JavaFX native library found in the JavaFX jars"
# The JDK's default class-data-sharing archive, which jlink of JDK 17 does not make: it starts
# every run faster and is the base on which the launcher archives the window's classes.
"$bundle/runtime/bin/java" -Xshare:dump "-Xlog:cds*=off" >/dev/null

# --- the launcher
options=()
read -r -a words <<<"${setting[jvm.options]:-}"
for word in "${words[@]}"; do
    [[ $word != *[\"\\\`]* ]] || fail "$settings: jvm.options may not contain quotes, backslashes or backticks: $word"
    options+=("    \"$word\" \\")
done
exports=()
for env_name in "${environment_names[@]}"; do
    env_value=${setting[environment.$env_name]}
    [[ $env_value != *[\"\\\`\$]* ]] || fail "$settings: environment.$env_name may not contain quotes, backslashes, backticks or \$"
    exports+=("export $env_name=\"\${$env_name:-$env_value}\"")
done
launcher="$bundle/bin/$name"
{
    cat <<EOF
#!/bin/sh
# Starts Latent Lab $version: the window without arguments, the command line with them
# ($name --help). Written by src/bundle/make-bundle.sh from jlink.properties.
self=\$(readlink -f -- "\$0")
bundle=\$(dirname -- "\$(dirname -- "\$self")")

# The user's data folder (XDG base directories, as org.latentlab.storage.UserFolders): saved
# models, settings and the unpacked native libraries live there, never inside the bundle.
if [ -z "\${HOME:-}" ]; then
    echo "$name: HOME is not set, so there is no folder for your models and settings. Set HOME and start again." >&2
    exit 1
fi
case "\${XDG_DATA_HOME:-}" in
    /*) LATENT_LAB_DATA="\$XDG_DATA_HOME/latent-lab" ;;
    *) LATENT_LAB_DATA="\$HOME/.local/share/latent-lab" ;;
esac

# Defaults that the caller's environment may override.
if [ -z "\${LC_ALL:-}\${LC_CTYPE:-}\${LANG:-}" ]; then
    export LANG=C.UTF-8   # file names and text as UTF-8 even when no locale is set
fi
EOF
    printf '%s\n' "${exports[@]}"
    cat <<'EOF'

# A window start maps the classes the last window start loaded from an archive in the data folder
# (class data sharing), which saves about a second of start-up; the first window start of this
# bundle writes it when it exits. Java ignores an archive that does not fit the bundle.
cds=""
if [ $# -eq 0 ]; then
    startup="$LATENT_LAB_DATA/startup-cache"
    key=$({ echo "$bundle"; ls -lL --time-style=+%s "$bundle/lib" "$bundle/runtime/lib/modules"; } | cksum | cut -d' ' -f1)
    if [ -s "$startup/$key.jsa" ]; then
        cds="-XX:SharedArchiveFile=$startup/$key.jsa"
    elif mkdir -p "$startup" 2>/dev/null; then
        rm -f "$startup"/*.jsa    # written by a bundle that has since been replaced or moved
        cds="-XX:ArchiveClassesAtExit=$startup/$key.jsa"
    fi
fi

# user.home follows HOME, as the data folder does, so Java and JavaFX write nowhere else.
EOF
    echo "exec \"\$bundle/runtime/bin/java\" \\"
    echo "    \"-Duser.home=\$HOME\" \${cds:+\"\$cds\" \"-Xlog:cds*=off\"} \\"
    printf '%s\n' "${options[@]}"
    echo "    -cp \"\$bundle/lib/*\" ${setting[main.class]} \"\$@\""
} >"$launcher"
chmod 755 "$launcher"

cat >"$bundle/README.txt" <<EOF
Latent Lab $version ($platform)

  bin/$name                 opens the window
  bin/$name --lesson NAME   opens it on a lesson (the-vae, or 1 to 9, or a lesson file)
  bin/$name --open FILE     opens it on a setup file saved with File → Save setup
  bin/$name --help          the command line (train, evaluate, render)

Needs no Java: runtime/ is the Java runtime it runs on. Needs the GTK 3 and XTest libraries
that every Linux desktop has (on a bare Debian: apt-get install libgtk-3-0 libxtst6).

Your models and the native libraries unpacked at first start (about 420 MB) live in
\$XDG_DATA_HOME/latent-lab, by default ~/.local/share/latent-lab, and your settings in
~/.config/latent-lab, never in this folder: replacing it with a newer bundle loses nothing.
$name --version names both folders.
EOF

# --- the archive
archive="$target/bundle/$name-$version-$platform.tar.gz"
tar -C "$target/bundle" --owner=0 --group=0 --numeric-owner -czf "$archive" "$name"
rm -rf "$work"
echo "make-bundle: $bundle ($(($(du -sb "$bundle" | cut -f1) / 1000000)) MB)" \
    "and $archive ($(($(stat -c %s "$archive") / 1000000)) MB)"
