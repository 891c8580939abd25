# shellcheck shell=bash
# The build: runs Maven for the modules whose jar is older than their sources (and the Kafka broker's classpath).
# Sourced by start.sh after common.sh, never run; reads start.sh's settings (BROKERS, INSTANCES, BUILD, JAVA ...).

# stale <artifact> <dir...>: the artifact is missing or older than a source file of the given folders.
stale() {
  local artifact="$1"; shift
  [[ -e "$artifact" ]] || return 0
  local dir
  for dir in "$@"; do
    [[ -e "$dir" ]] || continue
    if [[ -n "$(find "$dir" -newer "$artifact" -type f -not -path '*/target/*' -print -quit)" ]]; then return 0; fi
  done
  return 1
}

build_if_needed() {
  local modules=() s name shared=("$ROOT/pom.xml" "$ROOT/events/src" "$ROOT/events/pom.xml")
  shared+=("$ROOT/platform/src" "$ROOT/platform/pom.xml")
  shared+=("$ROOT/api/src" "$ROOT/api/pom.xml")
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    [[ -d "$ROOT/$name" ]] || die "module $name is missing from $ROOT" "check out the complete repository"
    if stale "$ROOT/$name/target/$name.jar" "$ROOT/$name/src" "$ROOT/$name/pom.xml" "${shared[@]}"; then
      modules+=("$name")
    fi
  done
  if stale "$BROKER_HOME/VERSION.properties" "$STACK_DIR/pom.xml" "$STACK_DIR/kafka" "$ROOT/pom.xml"; then
    modules+=("local-stack")
  fi
  [[ ${#modules[@]} -eq 0 ]] && { ok "jars are up to date"; return; }
  if [[ "$BUILD" == false ]]; then
    die "out of date or missing: ${modules[*]}" "run ./start.sh without --no-build, or ./mvnw -B -DskipTests package"
  fi
  local list
  list="$(IFS=,; echo "${modules[*]}")"
  info "building ${modules[*]} (./mvnw -B -q -DskipTests package -pl $list -am) ..."
  mkdir -p "$LOG_DIR"
  # A fresh broker classpath: copy-dependencies would leave the jars of a previous Kafka version beside the new ones.
  [[ " ${modules[*]} " == *" local-stack "* ]] && rm -rf "$BROKER_HOME"
  if ! (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$list" -am) > "$LOG_DIR/build.log" 2>&1; then
    tail -30 "$LOG_DIR/build.log" >&2
    die "the build failed (full output: $LOG_DIR/build.log)" "fix the build error above, then run ./start.sh again"
  fi
  ok "built ${modules[*]}"
}

