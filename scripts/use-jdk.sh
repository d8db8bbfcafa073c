# Sourced by the top-level scripts: points JAVA_HOME at a JDK >= 21, the project's language level.
# Order: $JAVA_HOME, the `java` on PATH, then JDKs installed under the usual folders (newest first).

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

is_jdk21() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

find_jdk21() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    local on_path
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if is_jdk21 "$on_path"; then echo "$on_path"; return 0; fi
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/*jdk* /usr/local/*jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    if is_jdk21 "$candidate"; then
      major=$(java_major "$candidate")
      if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME=$(find_jdk21) || true
if [ -z "${JAVA_HOME:-}" ]; then
  echo "error: this project needs a JDK 21 or newer, and none was found (JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
  echo "       Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it, then run this again." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own libraries use sun.misc.Unsafe, which JDK 24+ warns about at every start; the flag does not exist before.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
